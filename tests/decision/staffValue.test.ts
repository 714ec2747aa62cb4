import { describe, expect, it } from 'vitest';
import { inThreadEvaluate } from '../../src/decision/evaluate.ts';
import { staffValue } from '../../src/decision/staffValue.ts';
import { tinyScenario } from './tinyScenario.ts';

describe('staff value', () => {
  it('is zero when capacity already exceeds demand', async () => {
    const [v] = await staffValue(
      tinyScenario({ inPost: 5 }),
      { seed: 'v', replications: 20 },
      inThreadEvaluate(),
    );
    expect(v!.suspectsExaminedPerYear).toEqual({ mean: 0, se: 0, p05: 0, p95: 0 });
    expect(v!.recoveryPerYear.mean).toBe(0);
    expect(v!.forceIncomePerYear.mean).toBe(0);
    expect(v!.paysForItself).toBe(false);
    expect(v!.sentence).toBe(
      'Each additional financial investigator in Unit is expected to bring in £0 of recovery a year, £0 of it to the force, against a cost of £50,000.',
    );
  });

  it('counts the suspects one more investigator examines when staff are short', async () => {
    // Each extra investigator examines 4 more suspects a month (48 a year) until demand is met.
    const [v] = await staffValue(
      tinyScenario({ inPost: 1 }),
      { seed: 'v', replications: 20, extra: 1 },
      inThreadEvaluate(),
    );
    expect(v!.suspectsExaminedPerYear.mean).toBe(48);
    expect(v!.recoveryPerYear.mean).toBeGreaterThan(0);
    // Totals are kept in single precision: seven significant figures.
    const forceIncome = v!.recoveryPerYear.mean * 0.1875;
    expect(Math.abs(v!.forceIncomePerYear.mean - forceIncome)).toBeLessThan(1e-6 * forceIncome);
    expect(v!.recoveryPerPound).toBeCloseTo(v!.recoveryPerYear.mean / 50_000, 12);
    expect(v!.breakEvenRecoveryPerYear).toBeCloseTo(50_000 / 0.1875, 6);
  });
});
