import type { Summary } from '../engine/aggregate/runAggregate.ts';
import type { BreakdownMetric, TotalMetric } from '../engine/metrics.ts';
import { BREAKDOWN_METRICS } from '../engine/metrics.ts';
import type { Scenario } from '../scenario/schema.ts';
import { formatValue } from './headlines.ts';
import { METRIC_INFO, metricColumn, metricTitle } from './metricInfo.ts';

/** One line of a results table: a name, the mean and the 90% range, in words. */
export interface ResultRow {
  metric: string;
  label: string;
  mean: string;
  range: string;
}

/** The recovery funnel's totals, in the order money moves: orders, receipts, the force's share, what was missed. */
export const RECOVERY_TOTALS: readonly TotalMetric[] = [
  'ordersMade',
  'orderValue',
  'recovered',
  'recoveredAfterHorizon',
  'forceIncome',
  'missedRecovery',
  'missedForceIncome',
];

const hasKind = (scenario: Scenario, kind: 'suspects' | 'products') =>
  scenario.units.some((u) => u.demand.some((d) => d.kind === kind));

/** The money of a run, one row per funnel total; none for a scenario without suspects. */
export function recoveryRows(summary: Summary, scenario: Scenario): ResultRow[] {
  if (!hasKind(scenario, 'suspects')) return [];
  return RECOVERY_TOTALS.map((metric) => {
    const stat = summary.totals[metric];
    const { unit } = METRIC_INFO[metric];
    return {
      metric,
      label: metricTitle(metric),
      mean: formatValue(stat.mean, unit),
      range: `${formatValue(stat.p05, unit)} to ${formatValue(stat.p95, unit)}`,
    };
  });
}

/** Who gains: each unit's totals side by side, for a scenario of more than one unit. */
export interface UnitTable {
  /** Column headings, from the metric table. */
  columns: { metric: BreakdownMetric; heading: string }[];
  rows: { unitId: string; name: string; cells: string[] }[];
}

const SUSPECT_METRICS: readonly BreakdownMetric[] = [
  'suspectsArrived',
  'suspectsExamined',
  'unexaminedSuspects',
  'ordersMade',
  'recovered',
  'missedRecovery',
];
const PRODUCT_METRICS: readonly BreakdownMetric[] = ['productsArrived', 'undeliveredProducts'];

/** The mean of each unit's breakdown, the columns limited to the kinds of work the scenario has. */
export function unitTable(summary: Summary, scenario: Scenario): UnitTable | undefined {
  if (scenario.units.length < 2) return undefined;
  const metrics = BREAKDOWN_METRICS.filter(
    (m) =>
      (hasKind(scenario, 'suspects') && SUSPECT_METRICS.includes(m)) ||
      (hasKind(scenario, 'products') && PRODUCT_METRICS.includes(m)),
  );
  return {
    columns: metrics.map((metric) => ({ metric, heading: metricColumn(metric) })),
    rows: scenario.units.map((unit) => ({
      unitId: unit.id,
      name: unit.name,
      cells: metrics.map((m) => {
        const stat = summary.byUnit[unit.id]?.[m];
        return stat ? formatValue(stat.mean, METRIC_INFO[m].unit) : '–';
      }),
    })),
  };
}
