import type { TotalMetric } from '../engine/metrics.ts';
import type { Scenario } from '../scenario/schema.ts';

/** How a metric's values read: whole numbers, or pounds. */
export type MetricUnit = 'count' | 'pounds';

/** A horizon total's words: the one table the app, the printed results and the command line read. */
export interface MetricInfo {
  /** What it counts, in lower case for sentences ("… of suspects not examined for assets"). */
  label: string;
  unit: MetricUnit;
  /** A shorter name for a table's column heading, where the label is too long to sit above a number. */
  column?: string;
  /** Counts analytical products: shown only for scenarios that have product streams. */
  products?: true;
  /** Counts demand never referred: shown only for scenarios that suppress some. */
  suppressed?: true;
}

export const METRIC_INFO: Record<TotalMetric, MetricInfo> = {
  suspectsArrived: { label: 'suspects arriving', unit: 'count' },
  suspectsExamined: {
    label: 'suspects examined for assets',
    unit: 'count',
    column: 'suspects examined',
  },
  unexaminedSuspects: {
    label: 'suspects not examined for assets',
    unit: 'count',
    column: 'suspects not examined',
  },
  backlogSuspects: { label: 'suspects still waiting at the end', unit: 'count' },
  suspectsWithAssets: { label: 'suspects holding assets', unit: 'count' },
  suspectsWithAssetsExamined: { label: 'suspects holding assets who were examined', unit: 'count' },
  demandHours: { label: 'hours of work arriving', unit: 'count', column: 'demand hours' },
  capacityHours: { label: 'hours staff could work', unit: 'count', column: 'capacity hours' },
  hoursWorked: { label: 'hours worked', unit: 'count' },
  assetsNotInvestigated: { label: 'assets not investigated', unit: 'pounds' },
  assetsInvestigated: { label: 'assets of suspects examined', unit: 'pounds' },
  missedRecovery: { label: 'recoverable assets missed', unit: 'pounds', column: 'recovery missed' },
  missedForceIncome: { label: 'ARIS income foregone', unit: 'pounds' },
  recovered: { label: 'assets recovered', unit: 'pounds' },
  forceIncome: { label: 'ARIS income to the force', unit: 'pounds', column: 'force income' },
  ordersMade: { label: 'confiscation orders made', unit: 'count', column: 'orders' },
  orderValue: { label: 'value of orders made', unit: 'pounds', column: 'order value' },
  recoveredAfterHorizon: {
    label: 'assets recovered after the horizon',
    unit: 'pounds',
    column: 'recovered later',
  },
  productsArrived: { label: 'analytical products requested', unit: 'count', products: true },
  productsDelivered: { label: 'analytical products delivered', unit: 'count', products: true },
  undeliveredProducts: {
    label: 'analytical products not delivered',
    unit: 'count',
    products: true,
  },
  backlogProducts: {
    label: 'analytical products still waiting at the end',
    unit: 'count',
    products: true,
  },
  suppressedSuspects: {
    label: 'suspects never referred while the queue was behind',
    unit: 'count',
    column: 'suspects not referred',
    suppressed: true,
  },
  suppressedAssets: {
    label: 'assets of suspects never referred',
    unit: 'pounds',
    column: 'assets not referred',
    suppressed: true,
  },
  suppressedProducts: {
    label: 'analytical products never requested while the queue was behind',
    unit: 'count',
    column: 'products not requested',
    products: true,
    suppressed: true,
  },
};

/** True when some demand stream of the scenario can leave cases unreferred (a share above 0). */
export function suppressesDemand(scenario: Scenario): boolean {
  return scenario.units.some((u) => u.demand.some((d) => (d.suppression?.share ?? 0) > 0));
}

/** The label with its unit where it is money: "recoverable assets missed (£)", for menus and targets. */
export function metricLabel(metric: TotalMetric): string {
  const { label, unit } = METRIC_INFO[metric];
  return unit === 'pounds' ? `${label} (£)` : label;
}

/** The label as a heading or a table's row name: "Recoverable assets missed". */
export function metricTitle(metric: TotalMetric): string {
  const { label } = METRIC_INFO[metric];
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** A table's column heading: the short name where there is one, capitalised, with (£) for money. */
export function metricColumn(metric: TotalMetric): string {
  const { label, column = label, unit } = METRIC_INFO[metric];
  const heading = column.charAt(0).toUpperCase() + column.slice(1);
  return unit === 'pounds' ? `${heading} (£)` : heading;
}

/** Every metric's label with its unit, by metric: what menus and findings name. */
export const METRIC_LABELS = Object.fromEntries(
  Object.keys(METRIC_INFO).map((m) => [m, metricLabel(m as TotalMetric)]),
) as Record<TotalMetric, string>;
