import type { Summary } from '../engine/aggregate/runAggregate.ts';
import { statOf, type Stat } from '../engine/aggregate/statistic.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { PairedTotal, TotalValues } from './pairedTotals.ts';

/** One year of the horizon's extra staff cost (the last year may be short). */
export interface YearCost {
  /** 1 for the first year. */
  year: number;
  months: number;
  /** Extra people in post or in training, averaged over the year's months (expected). */
  extraPeople: number;
  /** Their cost in pounds: each role's annualCost ÷ 12 for every extra person-month. */
  cost: number;
}

/** A quantity with its 90% range, where the range is not a Stat of its own. */
export interface Ranged {
  mean: number;
  p05: number;
  p95: number;
}

export interface OptionCost {
  byYear: YearCost[];
  /** Extra staff cost over the horizon, in pounds (expected). */
  total: number;
  /** The yearly cost of the extra staff at the end of the horizon, replication by replication. */
  endOfHorizonPerYear: Stat;
  extraRecovered: Stat;
  extraForceIncome: Stat;
  /** Extra force income less the extra staff cost over the horizon. */
  netToForce: Ranged;
  /**
   * Extra cost ÷ extra suspects examined; null where no suspect more is examined on average (or,
   * for an end of the range, in the futures at that end).
   */
  perExtraSuspectExamined: PerExtra;
  /** Extra cost ÷ extra analytical products delivered, as for suspects. */
  perExtraProductDelivered: PerExtra;
}

/** A cost for each extra item, with the ends of its 90% range; null where none more is made. */
export interface PerExtra {
  mean: number | null;
  low: number | null;
  high: number | null;
}

/** People in post and in training of every role, weighted by the role's cost a month, by month. */
function monthlyCost(summary: Summary, scenario: Scenario): number[] {
  const out = Array.from({ length: summary.horizonMonths }, () => 0);
  for (const role of scenario.roles) {
    const perMonth = role.annualCost / 12;
    const inPost = summary.monthly.inPost[role.id] ?? [];
    const inTraining = summary.monthly.inTraining[role.id] ?? [];
    for (let t = 0; t < out.length; t++) {
      out[t]! += perMonth * ((inPost[t]?.mean ?? 0) + (inTraining[t]?.mean ?? 0));
    }
  }
  return out;
}

function monthlyPeople(summary: Summary, scenario: Scenario): number[] {
  const out = Array.from({ length: summary.horizonMonths }, () => 0);
  for (const role of scenario.roles) {
    const inPost = summary.monthly.inPost[role.id] ?? [];
    const inTraining = summary.monthly.inTraining[role.id] ?? [];
    for (let t = 0; t < out.length; t++) {
      out[t]! += (inPost[t]?.mean ?? 0) + (inTraining[t]?.mean ?? 0);
    }
  }
  return out;
}

/** Each role's yearly cost of its people at the end of the horizon, one value per replication. */
function endCost(values: TotalValues, scenario: Scenario, n: number): Float64Array {
  const out = new Float64Array(n);
  for (const role of scenario.roles) {
    const inPost = values.values(`inPost.${role.id}`);
    const inTraining = values.values(`inTraining.${role.id}`);
    for (let i = 0; i < n; i++) out[i]! += role.annualCost * (inPost[i]! + inTraining[i]!);
  }
  return out;
}

/**
 * What an option costs and what it brings in: the extra people in post and in training each
 * month (expected, from the monthly means) at each role's annualCost, by year of the horizon,
 * against the extra assets recovered and force income (paired, with their 90% ranges). People
 * still being recruited are not paid yet, so they cost nothing.
 */
export function optionCost(
  baseline: { summary: Summary; values: TotalValues; scenario: Scenario },
  option: { summary: Summary; values: TotalValues; scenario: Scenario },
  totals: Record<string, PairedTotal>,
): OptionCost {
  const base = monthlyCost(baseline.summary, baseline.scenario);
  const opt = monthlyCost(option.summary, option.scenario);
  const basePeople = monthlyPeople(baseline.summary, baseline.scenario);
  const optPeople = monthlyPeople(option.summary, option.scenario);
  const byYear: YearCost[] = [];
  for (let start = 0; start < base.length; start += 12) {
    const end = Math.min(base.length, start + 12);
    let cost = 0;
    let people = 0;
    for (let t = start; t < end; t++) {
      cost += opt[t]! - base[t]!;
      people += optPeople[t]! - basePeople[t]!;
    }
    byYear.push({
      year: start / 12 + 1,
      months: end - start,
      extraPeople: people / (end - start),
      cost,
    });
  }
  const total = byYear.reduce((sum, y) => sum + y.cost, 0);
  const n = baseline.summary.replications;
  const a = endCost(baseline.values, baseline.scenario, n);
  const b = endCost(option.values, option.scenario, n);
  const endDiff = new Float64Array(n);
  for (let i = 0; i < n; i++) endDiff[i] = b[i]! - a[i]!;

  const extraRecovered = totals.recovered!.difference;
  const extraForceIncome = totals.forceIncome!.difference;
  const per = (extra: number) => (extra > 0 ? total / extra : null);
  // More items made means a lower cost for each: the high end of the cost per item goes with
  // the low end of the extra made.
  const perExtra = (extra: Stat | undefined): PerExtra =>
    extra
      ? { mean: per(extra.mean), low: per(extra.p95), high: per(extra.p05) }
      : { mean: null, low: null, high: null };
  return {
    byYear,
    total,
    endOfHorizonPerYear: statOf(endDiff),
    extraRecovered,
    extraForceIncome,
    netToForce: {
      mean: extraForceIncome.mean - total,
      p05: extraForceIncome.p05 - total,
      p95: extraForceIncome.p95 - total,
    },
    perExtraSuspectExamined: perExtra(totals.suspectsExamined?.difference),
    perExtraProductDelivered: perExtra(totals.productsDelivered?.difference),
  };
}
