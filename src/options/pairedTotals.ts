import { statOf, type Stat } from '../engine/aggregate/statistic.ts';
import { TOTAL_METRICS, type TotalMetric } from '../engine/metrics.ts';
import type { Scenario } from '../scenario/schema.ts';

/** Which way a total improves; null for what the planner does not control (demand arriving). */
export type Better = 'lower' | 'higher' | null;

export const BETTER: Record<TotalMetric, Better> = {
  suspectsArrived: null,
  suspectsExamined: 'higher',
  unexaminedSuspects: 'lower',
  backlogSuspects: 'lower',
  suspectsWithAssets: null,
  suspectsWithAssetsExamined: 'higher',
  demandHours: null,
  capacityHours: 'higher',
  hoursWorked: 'higher',
  assetsNotInvestigated: 'lower',
  missedRecovery: 'lower',
  missedForceIncome: 'lower',
  recovered: 'higher',
  forceIncome: 'higher',
  productsArrived: null,
  productsDelivered: 'higher',
  undeliveredProducts: 'lower',
  backlogProducts: 'lower',
  assetsInvestigated: 'higher',
  ordersMade: 'higher',
  orderValue: 'higher',
  recoveredAfterHorizon: 'higher',
  suppressedSuspects: 'lower',
  suppressedAssets: 'lower',
  suppressedProducts: 'lower',
};

/** One total of an option against the baseline, replication by replication. */
export interface PairedTotal {
  baseline: Stat;
  option: Stat;
  /** Of option − baseline in each replication (both on the same seed). */
  difference: Stat;
  better: Better;
  /** Share of replications in which the option did strictly better; null where nothing is better. */
  probabilityBetter: number | null;
  /** Share in which it did strictly worse. */
  probabilityWorse: number | null;
}

/** Per-replication values of a total, as RunAggregate.values gives them. */
export interface TotalValues {
  values(name: string): Float64Array;
}

/**
 * Every horizon total of the option against the baseline, and the staff of each role at the end
 * (`inPost.<role>`, `inTraining.<role>`, where both runs have the role). The two runs must share
 * the seed and replications: the differences are taken replication by replication.
 */
export function pairedTotals(
  baseline: TotalValues,
  option: TotalValues,
  roleIds: readonly string[],
): Record<string, PairedTotal> {
  const out: Record<string, PairedTotal> = {};
  const names: [string, Better][] = [
    ...TOTAL_METRICS.map((m) => [m, BETTER[m]] as [string, Better]),
    ...roleIds.flatMap((id) => [
      [`inPost.${id}`, null] as [string, Better],
      [`inTraining.${id}`, null] as [string, Better],
    ]),
  ];
  for (const [name, better] of names) {
    let a: Float64Array;
    let b: Float64Array;
    try {
      a = baseline.values(name);
      b = option.values(name);
    } catch {
      continue;
    }
    out[name] = pairTotal(a, b, better);
  }
  return out;
}

/** One total's paired comparison. */
export function pairTotal(
  baseline: Float64Array,
  option: Float64Array,
  better: Better,
): PairedTotal {
  if (baseline.length !== option.length) {
    throw new Error('An option and its baseline must be run with the same number of replications.');
  }
  const n = baseline.length;
  const diff = new Float64Array(n);
  let up = 0;
  let down = 0;
  for (let i = 0; i < n; i++) {
    const d = option[i]! - baseline[i]!;
    diff[i] = d;
    if (d > 0) up++;
    else if (d < 0) down++;
  }
  const share = (k: number) => (n === 0 ? NaN : k / n);
  return {
    baseline: statOf(baseline),
    option: statOf(option),
    difference: statOf(diff),
    better,
    probabilityBetter: better === null ? null : share(better === 'lower' ? down : up),
    probabilityWorse: better === null ? null : share(better === 'lower' ? up : down),
  };
}

/**
 * The total a scenario's options are judged by: suspects not examined where there are suspects,
 * otherwise analytical products not delivered.
 */
export function leadMetric(scenario: Scenario): 'unexaminedSuspects' | 'undeliveredProducts' {
  const hasSuspects = scenario.units.some((u) => u.demand.some((d) => d.kind === 'suspects'));
  return hasSuspects ? 'unexaminedSuspects' : 'undeliveredProducts';
}

/** Whether any demand stream of the scenario is of suspects (so money is at stake). */
export function hasSuspects(scenario: Scenario): boolean {
  return leadMetric(scenario) === 'unexaminedSuspects';
}
