import type { RunAggregate } from '../engine/aggregate/runAggregate.ts';
import type { TotalMetric } from '../engine/metrics.ts';
import { runToEnd } from '../engine/aggregate/steps.ts';
import { uncertainLabeller } from '../results/uncertaintyWords.ts';
import type { Scenario } from '../scenario/schema.ts';
import { correlationOfRanks, ranksSteps } from './spearman.ts';
import { assumptionUnit } from './uncertainRanges.ts';

/**
 * Quantities each replication realises that vary from one simulated future to the next, by
 * chance and through the uncertain assumptions' draws alike: horizon totals, each the sum of
 * thousands of draws.
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
  /** The column ranked: `uncertain.<path>` for an assumption's draws, or a total's name. */
  name: string;
  label: string;
  unit: string;
  /** Spearman rank correlation with the metric across replications, −1 to 1; NaN if either does not vary. */
  rho: number;
}

export interface RankImportance {
  metric: TotalMetric;
  /** Replications ranked. */
  replications: number;
  /**
   * Each uncertain assumption: its draw in each replication against the metric (as @RISK
   * ranks its inputs). Empty when the scenario gives no assumption a range.
   */
  assumptions: RankImportanceRow[];
  /** Totals each replication realised, by chance and through the assumptions together. */
  realised: RankImportanceRow[];
}

/**
 * Rank correlation view of sensitivity, from one ordinary run: across its replications, how
 * closely each uncertain assumption's draw, and each realised total, follows the metric in
 * rank. It measures what moves the result within this scenario's own uncertainty, not what would
 * happen if a planner changed an input (that is the one-at-a-time tornado). Largest |rho| first
 * in each list; those that do not vary come last.
 */
export function rankImportance(
  aggregate: RunAggregate,
  metric: TotalMetric,
  scenario?: Scenario,
): RankImportance {
  return runToEnd(rankImportanceSteps(aggregate, metric, scenario));
}

/**
 * `rankImportance` in steps of a few milliseconds, for a page: at 100,000 replications each
 * column is about a fortieth of a second of sorting and searching. The metric is ranked once.
 * The assumptions are those the run drew (its layout's); `scenario` names them.
 */
export function* rankImportanceSteps(
  aggregate: RunAggregate,
  metric: TotalMetric,
  scenario?: Scenario,
): Generator<void, RankImportance> {
  const ry = yield* ranksSteps(aggregate.values(metric));
  const label = scenario ? uncertainLabeller(scenario) : (path: string) => path;
  const drawn = new Map((scenario?.uncertain ?? []).map((u) => [u.path, u]));
  const rank = function* (columns: readonly { name: string; label: string; unit: string }[]) {
    const rows: RankImportanceRow[] = [];
    for (const column of columns) {
      const rx = yield* ranksSteps(aggregate.values(column.name));
      rows.push({ ...column, rho: correlationOfRanks(rx, ry) });
      yield;
    }
    const size = (r: RankImportanceRow) => (Number.isNaN(r.rho) ? -1 : Math.abs(r.rho));
    return rows.sort((a, b) => size(b) - size(a));
  };
  const assumptions = yield* rank(
    aggregate.layout.uncertainPaths.map((path) => ({
      name: `uncertain.${path}`,
      label: label(path),
      unit: drawn.has(path) ? assumptionUnit(drawn.get(path)!) : '',
    })),
  );
  const realised = yield* rank(REALISED_DRIVERS);
  return { metric, replications: ry.length, assumptions, realised };
}
