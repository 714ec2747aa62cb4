import { describe, expect, it } from 'vitest';
import { inThreadEvaluate } from '../../src/decision/evaluate.ts';
import { tornado } from '../../src/decision/tornado.ts';
import { tinyScenario } from './tinyScenario.ts';

describe('tornado', () => {
  it('ranks the inputs by swing, with the sign of their effect, on a scenario built to know it', async () => {
    // One investigator examines 4 suspects of 25 hours a month out of 10 arriving; nothing else varies.
    // Cases ±20% (8 or 12 a month) leave 4 or 8 a month unexamined: swing 48 over the year.
    // Hours ±20% (20 or 30 each) leave 5 or 7 unexamined: swing 24. Leavers are 0, so ±20% changes nothing.
    const result = await tornado(
      tinyScenario(),
      { metric: 'unexaminedSuspects', seed: 's', replications: 4 },
      inThreadEvaluate(),
    );
    expect(result.baseMean).toBe(72);
    const byId = Object.fromEntries(result.rows.map((r) => [r.id, r]));
    expect(result.rows[0]!.id).toBe('casesPerMonth');
    expect(result.rows[1]!.id).toBe('hoursPerItem');
    expect(byId.casesPerMonth!.swing).toBe(48);
    expect(byId.hoursPerItem!.swing).toBe(24);
    expect(byId.attritionPerYear!.swing).toBe(0);
    expect(byId.assetValue!.swing).toBe(0);
  });

  it('gives a negative swing for an input whose rise lowers the metric', async () => {
    const result = await tornado(
      tinyScenario({ abstraction: 0.5 }),
      { metric: 'suspectsExamined', seed: 's', replications: 4, inputs: [{ id: 'abstraction' }] },
      inThreadEvaluate(),
    );
    expect(result.rows[0]!.swing).toBeLessThan(0);
  });

  it('moves a distribution to its own 10th and 90th percentiles', async () => {
    const result = await tornado(
      tinyScenario({ inPost: 3, casesPerMonth: { dist: 'uniform', min: 0, max: 20 } }),
      {
        metric: 'suspectsArrived',
        seed: 's',
        replications: 200,
        inputs: [{ id: 'casesPerMonth' }],
      },
      inThreadEvaluate(),
    );
    // Mean 10 moved to 2 and 18 a month: 24 and 216 over 12 months, within Monte Carlo error.
    const row = result.rows[0]!;
    expect(row.lowMean).toBeGreaterThan(24 - 6);
    expect(row.lowMean).toBeLessThan(24 + 6);
    expect(row.highMean).toBeGreaterThan(216 - 12);
    expect(row.highMean).toBeLessThan(216 + 12);
  });
});
