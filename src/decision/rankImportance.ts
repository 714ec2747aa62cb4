import type { RunAggregate } from '../engine/aggregate/runAggregate.ts';
import type { TotalMetric } from '../engine/metrics.ts';
import { runToEnd } from '../engine/aggregate/steps.ts';
import { correlationOfRanks, ranksSteps } from './spearman.ts';

/**
 * Quantities each replication realises that vary by chance from one simulated future to the
 * next. The engine draws thousands of values per replication, so "the input draw" of a
 * replication is taken to be these horizon totals.
 */
export const REALISED_DRIVERS = [
  { name: 'demandHours', label: 'Hours of work arriving', unit: 'hours over the horizon' },
  { name: 'capacityHours', label: 'Hours staff could work', unit: 'hours over the horizon' },
  { name: 'suspectsArrived', label: 'Suspects arriving', unit: 'suspects over the horizon' },
  {
    name: 'suspectsWithAssets',
    label: 'Suspects holding assets',
    unit: 'suspects over the horizon',
  },
] as const satisfies readonly { name: TotalMetric; label: string; unit: string }[];

export interface RankImportanceRow {
  name: TotalMetric;
  label: string;
  unit: string;
  /** Spearman rank correlation with the metric across replications, −1 to 1; NaN if either does not vary. */
  rho: number;
}

/**
 * Rank correlation view of sensitivity, from one ordinary run: across its replications, how
 * closely each realised quantity's rank follows the metric's rank. It measures which chance
 * variation moves the result within this scenario's own uncertainty, not what would happen if a
 * planner changed an input (that is the one-at-a-time tornado). Largest |rho| first; drivers
 * that do not vary come last.
 */
export function rankImportance(aggregate: RunAggregate, metric: TotalMetric): RankImportanceRow[] {
  return runToEnd(rankImportanceSteps(aggregate, metric));
}

/**
 * `rankImportance` in steps of a few milliseconds, for a page: at 100,000 replications the whole
 * is about a tenth of a second of sorting and searching. The metric is ranked once for all drivers.
 */
export function* rankImportanceSteps(
  aggregate: RunAggregate,
  metric: TotalMetric,
): Generator<void, RankImportanceRow[]> {
  const ry = yield* ranksSteps(aggregate.values(metric));
  const rows: RankImportanceRow[] = [];
  for (const driver of REALISED_DRIVERS) {
    const rx = yield* ranksSteps(aggregate.values(driver.name));
    rows.push({ ...driver, rho: correlationOfRanks(rx, ry) });
    yield;
  }
  const size = (r: RankImportanceRow) => (Number.isNaN(r.rho) ? -1 : Math.abs(r.rho));
  return rows.sort((a, b) => size(b) - size(a));
}
