import { describe, expect, it } from 'vitest';
import type { Summary } from '../../src/engine/aggregate/runAggregate.ts';
import { statOf, type Stat } from '../../src/engine/aggregate/statistic.ts';
import { optionCost } from '../../src/options/optionCost.ts';
import { pairTotal } from '../../src/options/pairedTotals.ts';
import { baselineOf } from '../../src/options/applyOption.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { smallWithOptions } from './fixture.ts';

const f = (...values: number[]) => Float64Array.from(values);
const level = (mean: number): Stat => statOf(f(mean));

/** A run's staff by month (the same in every replication) and its totals by replication. */
function run(
  scenario: Scenario,
  months: number,
  people: (t: number) => { inPost: number; inTraining: number },
  totals: Record<string, Float64Array>,
) {
  const summary = {
    replications: 2,
    horizonMonths: months,
    monthly: {
      inPost: { fi: Array.from({ length: months }, (_, t) => level(people(t).inPost)) },
      inTraining: { fi: Array.from({ length: months }, (_, t) => level(people(t).inTraining)) },
    },
  } as unknown as Summary;
  return { scenario, summary, values: { values: (name: string) => totals[name]! } };
}

describe('optionCost', () => {
  const scenario = baselineOf(smallWithOptions());
  // £12,000 a year is £1,000 a person-month.
  const costly: Scenario = { ...scenario, roles: [{ ...scenario.roles[0]!, annualCost: 12_000 }] };
  const baseTotals = {
    'inPost.fi': f(4, 4),
    'inTraining.fi': f(0, 0),
    recovered: f(100_000, 200_000),
    forceIncome: f(10_000, 20_000),
    suspectsExamined: f(100, 100),
  };
  const optionTotals = {
    'inPost.fi': f(6, 5),
    'inTraining.fi': f(1, 0),
    recovered: f(150_000, 230_000),
    forceIncome: f(15_000, 23_000),
    suspectsExamined: f(110, 130),
  };
  const baseline = run(costly, 18, () => ({ inPost: 4, inTraining: 0 }), baseTotals);
  // Two more people from month 6 (index 5): one in training until month 12, then in post.
  const option = run(
    costly,
    18,
    (t) =>
      t < 5
        ? { inPost: 4, inTraining: 0 }
        : t < 12
          ? { inPost: 5, inTraining: 1 }
          : { inPost: 6, inTraining: 0 },
    optionTotals,
  );
  const totals = Object.fromEntries(
    (['recovered', 'forceIncome', 'suspectsExamined'] as const).map((m) => [
      m,
      pairTotal(baseTotals[m], optionTotals[m], 'higher'),
    ]),
  );
  const cost = optionCost(baseline, option, totals);

  it('costs each extra person-month at the role’s annual cost ÷ 12, by year', () => {
    expect(cost.byYear).toEqual([
      { year: 1, months: 12, extraPeople: (7 * 2) / 12, cost: 14_000 },
      { year: 2, months: 6, extraPeople: 2, cost: 12_000 },
    ]);
    expect(cost.total).toBe(26_000);
  });

  it('pairs the yearly cost of the staff at the end, replication by replication', () => {
    // Replication 1: 7 people against 4; replication 2: 5 against 4.
    expect(cost.endOfHorizonPerYear.min).toBe(12_000);
    expect(cost.endOfHorizonPerYear.max).toBe(36_000);
  });

  it('sets the cost against the extra force income, and divides it by the extra suspects', () => {
    expect(cost.extraRecovered.mean).toBe(40_000);
    expect(cost.extraForceIncome.mean).toBe(4_000);
    expect(cost.netToForce.mean).toBe(4_000 - 26_000);
    expect(cost.netToForce.p05).toBe(totals.forceIncome!.difference.p05 - 26_000);
    expect(cost.perExtraSuspectExamined.mean).toBe(26_000 / 20);
    // The high end of the cost per suspect goes with the fewest extra suspects.
    expect(cost.perExtraSuspectExamined.high).toBe(
      26_000 / totals.suspectsExamined!.difference.p05,
    );
    expect(cost.perExtraSuspectExamined.low).toBe(26_000 / totals.suspectsExamined!.difference.p95);
  });

  it('has no cost per suspect when no more suspects are examined', () => {
    const none = { ...totals, suspectsExamined: pairTotal(f(1, 1), f(1, 1), 'higher') };
    expect(optionCost(baseline, option, none).perExtraSuspectExamined).toEqual({
      mean: null,
      low: null,
      high: null,
    });
  });
});
