import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planChunks, runScenario } from '../../src/engine/run.ts';
import { buildScenario, GOLDEN_PATH, GOLDEN_SCENARIO } from './fixtures.ts';

const scenario = buildScenario(GOLDEN_SCENARIO);

describe('runScenario', () => {
  it('gives identical results for the same seed, whatever the chunk size', () => {
    const a = runScenario(scenario, { replications: 30 });
    const b = runScenario(scenario, { replications: 30, chunkSize: 4 });
    expect(b.summary()).toEqual(a.summary());
    expect(b.values('missedRecovery')).toEqual(a.values('missedRecovery'));
  });

  it('uses the scenario seed and replications unless told otherwise', () => {
    const run = runScenario(scenario);
    expect(run.replications).toBe(scenario.replications);
    expect(run.values('suspectsArrived')).toEqual(
      runScenario(scenario, { seed: scenario.seed }).values('suspectsArrived'),
    );
    expect(run.values('suspectsArrived')).not.toEqual(
      runScenario(scenario, { seed: 'other' }).values('suspectsArrived'),
    );
  });

  it('matches the stored golden summary (update with `npx tsx scripts/update-golden.ts`)', () => {
    const golden: unknown = JSON.parse(readFileSync(GOLDEN_PATH, 'utf8'));
    const summary: unknown = JSON.parse(JSON.stringify(runScenario(scenario).summary()));
    expect(summary).toEqual(golden);
  });

  it('makes a replication the first n of a longer run (prefix stability)', () => {
    const short = runScenario(scenario, { replications: 10 }).values('unexaminedSuspects');
    const long = runScenario(scenario, { replications: 25 }).values('unexaminedSuspects');
    expect(Array.from(long.subarray(0, 10))).toEqual(Array.from(short));
  });
});

describe('planChunks', () => {
  it('covers every replication once, in order', () => {
    expect(planChunks(250, 100)).toEqual([
      [0, 100],
      [100, 100],
      [200, 50],
    ]);
    expect(planChunks(0)).toEqual([]);
  });
});
