import { describe, expect, it } from 'vitest';
import type { RunAggregate } from '../../src/engine/aggregate/runAggregate.ts';
import { inThreadEvaluate, type Evaluate } from '../../src/decision/evaluate.ts';
import { notRunNotes, tornado } from '../../src/decision/tornado.ts';
import { expectedMean } from '../../src/scenario/distributionMoments.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
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

  it('moves a distribution by ±20% of every draw, labelled as such', async () => {
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
    expect(result.swing).toBe('relative');
    expect(result.swingLabel).toBe('±20% of each input');
    expect(result.note).toMatch(
      /^No assumption in this scenario has a range given, so each input moves by ±20%/,
    );
    // Mean 10 moved to 8 and 12 a month: 96 and 144 over 12 months. A month's cases are a
    // uniform of sd at most 12/√3, so 12 months' have sd at most 24 and a mean of 200
    // replications is within 5 standard errors, 5 × 24/√200, of its expected value.
    const row = result.rows[0]!;
    const tolerance = (5 * 24) / Math.sqrt(200);
    expect(Math.abs(row.lowMean - 96)).toBeLessThan(tolerance);
    expect(Math.abs(row.highMean - 144)).toBeLessThan(tolerance);
    expect([row.lowSetting, row.highSetting]).toEqual(['×0.8', '×1.2']);
  });

  it('does not run a setting whose scenario fails the file check, and says why', async () => {
    // 150,000 cases a month for 12 months is 1.8 million suspects, within a run's limit; the
    // normal's 90th percentile (mean + 1.28 sd) is about 188,000 a month, 2.26 million in all.
    const scenario = tinyScenario({
      casesPerMonth: { dist: 'normal', mean: 150_000, sd: 30_000 },
    });
    const run: Scenario[] = [];
    // Stands in for the engine, which would take seconds on this much demand: the mean it gives
    // is the scenario's expected cases a month, so each setting's mean is known.
    const evaluate: Evaluate = (changed, _seed, replications) => {
      run.push(changed);
      const cases = expectedMean(changed.units[0]!.demand[0]!.casesPerMonth);
      const values = () => new Float64Array(replications).fill(cases);
      return Promise.resolve({ values } as unknown as RunAggregate);
    };
    const result = await tornado(
      scenario,
      { metric: 'suspectsArrived', seed: 's', replications: 4, inputs: [{ id: 'casesPerMonth' }] },
      evaluate,
    );
    const row = result.rows[0]!;
    // The base and the low setting ran; the high one did not.
    expect(run).toHaveLength(2);
    expect(row.lowMean).toBeLessThan(150_000);
    expect(row.highMean).toBe(result.baseMean);
    expect(row.swing).toBe(row.highMean - row.lowMean);
    expect(row.notRun?.low).toBeUndefined();
    expect(row.notRun?.high).toMatch(
      /^units\[0]\.demand\[0]\.casesPerMonth: .* more than the [\d,]+ a run can /,
    );
    expect(notRunNotes(row)).toEqual([`high setting not run: ${row.notRun!.high}`]);
  });

  it('marks no setting as not run when every one passes the file check', async () => {
    const result = await tornado(
      tinyScenario(),
      { metric: 'unexaminedSuspects', seed: 's', replications: 4 },
      inThreadEvaluate(),
    );
    for (const row of result.rows) {
      expect(row).not.toHaveProperty('notRun');
      expect(notRunNotes(row)).toEqual([]);
    }
  });
});
