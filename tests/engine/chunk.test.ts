import { describe, expect, it } from 'vitest';
import { runChunk } from '../../src/engine/chunk.ts';
import { compileModel } from '../../src/engine/model.ts';
import { Workspace } from '../../src/engine/replicate.ts';
import { buildScenario, GOLDEN_SCENARIO } from './fixtures.ts';

describe('runChunk', () => {
  const model = compileModel(buildScenario(GOLDEN_SCENARIO));

  it('gives the same chunk on a workspace that ran other chunks as on a new one', () => {
    const reused = new Workspace(model);
    // A long chunk first, so the reused sketches have more room than the short one needs.
    runChunk(model, 'chunk', 0, 60, reused);
    for (const [start, count] of [
      [60, 5],
      [3, 1],
      [100, 30],
    ] as const) {
      const again = runChunk(model, 'chunk', start, count, reused);
      const fresh = runChunk(model, 'chunk', start, count, new Workspace(model));
      expect(again.cells).toEqual(fresh.cells);
      expect(again.totals).toEqual(fresh.totals);
    }
  });
});
