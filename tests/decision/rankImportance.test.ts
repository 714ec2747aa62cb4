import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rankImportance, rankImportanceSteps } from '../../src/decision/rankImportance.ts';
import { RANK_STEP, ranks, ranksSteps, spearman } from '../../src/decision/spearman.ts';
import { runToEnd } from '../../src/engine/aggregate/steps.ts';
import { runScenario } from '../../src/engine/run.ts';
import { tinyScenario } from './tinyScenario.ts';

describe('rank importance', () => {
  it('gives tied values their average rank', () => {
    expect([...ranks([3, 1, 3, 2])]).toEqual([3.5, 1, 3.5, 2]);
    expect([...ranks([0, -0, 0])]).toEqual([2, 2, 2]);
  });

  it('ranks any values as counting does: 1 + those below + half the others equal', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 60 }), (values) => {
        const expected = values.map(
          (v) =>
            1 + values.filter((w) => w < v).length + (values.filter((w) => w === v).length - 1) / 2,
        );
        expect([...ranks(values)]).toEqual(expected);
      }),
    );
  });

  it('ranks in steps of at most RANK_STEP values after one sort', () => {
    const n = 2 * RANK_STEP + 5;
    const values = Float64Array.from({ length: n }, (_, i) => (i * 7919) % 1000);
    const steps = ranksSteps(values);
    let yields = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) yields++;
    // The sort, then three steps of searching.
    expect(yields).toBe(4);
    expect(step.value).toEqual(ranks(values));
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
    const rank = rankImportance(run, 'unexaminedSuspects');
    expect(runToEnd(rankImportanceSteps(run, 'unexaminedSuspects'))).toEqual(rank);
    expect(rank.assumptions).toEqual([]);
    const rows = rank.realised;
    for (const row of rows) {
      const rho = spearman(run.values(row.name), run.values('unexaminedSuspects'));
      expect(Object.is(row.rho, rho)).toBe(true);
    }
    expect(['demandHours', 'suspectsArrived']).toContain(rows[0]!.name);
    expect(rows[0]!.rho).toBeGreaterThan(0.9);
    // Capacity never varies here: no correlation can be measured, so it comes last.
    expect(rows.at(-1)!.name).toBe('capacityHours');
    expect(rows.at(-1)!.rho).toBeNaN();
  });
});
