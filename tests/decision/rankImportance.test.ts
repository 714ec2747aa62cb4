import { describe, expect, it } from 'vitest';
import { rankImportance } from '../../src/decision/rankImportance.ts';
import { ranks, spearman } from '../../src/decision/spearman.ts';
import { runScenario } from '../../src/engine/run.ts';
import { tinyScenario } from './tinyScenario.ts';

describe('rank importance', () => {
  it('gives tied values their average rank', () => {
    expect([...ranks([3, 1, 3, 2])]).toEqual([3.5, 1, 3.5, 2]);
  });

  it('is 1 for any increasing relation and −1 for a decreasing one', () => {
    expect(spearman([1, 2, 3, 4], [1, 8, 27, 64])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3, 4], [9, 4, 1, 0])).toBeCloseTo(-1, 12);
  });

  it('puts arriving work first when only demand varies and staff are short', () => {
    const run = runScenario(tinyScenario({ casesPerMonth: { dist: 'poisson', mean: 10 } }), {
      seed: 'r',
      replications: 200,
    });
    const rows = rankImportance(run, 'unexaminedSuspects');
    expect(['demandHours', 'suspectsArrived']).toContain(rows[0]!.name);
    expect(rows[0]!.rho).toBeGreaterThan(0.9);
    // Capacity never varies here: no correlation can be measured, so it comes last.
    expect(rows.at(-1)!.name).toBe('capacityHours');
    expect(rows.at(-1)!.rho).toBeNaN();
  });
});
