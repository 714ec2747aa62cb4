import { describe, expect, it } from 'vitest';
import { modelLayout } from '../../src/engine/model.ts';
import { createWorkerApi } from '../../src/runner/workerApi.ts';
import { smallScenario } from './smallScenario.ts';

const scenario = smallScenario();
const SEED = 'worker-api-test';

describe('createWorkerApi', () => {
  it('warms up on one scenario without touching the run it is prepared for', async () => {
    const cold = createWorkerApi();
    cold.prepare(1, scenario);
    const expected = await cold.runChunk(1, SEED, 10, 5);
    const warmed = createWorkerApi();
    warmed.prepare(1, scenario);
    expect(warmed.warmUp(smallScenario(), 0).count).toBe(0);
    const warm = warmed.warmUp(smallScenario(), 20);
    expect(warm.count).toBeGreaterThanOrEqual(1);
    expect(warm.totals.length).toBe(warm.count * modelLayout(smallScenario()).totalNames.length);
    expect(await warmed.runChunk(1, SEED, 10, 5)).toEqual(expected);
  });

  it('refuses a chunk of a run it was not prepared for', async () => {
    const api = createWorkerApi();
    api.prepare(1, scenario);
    api.prepare(2, scenario);
    await expect(api.runChunk(1, SEED, 0, 1)).rejects.toThrow('not prepared for run 1');
    expect((await api.runChunk(2, SEED, 0, 1)).count).toBe(1);
  });
});
