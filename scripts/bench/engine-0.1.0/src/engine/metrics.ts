/**
 * What a replication reports. The names are the contract of the JSON output
 * (`totals.<metric>`, `monthly.<series>`, `yearly.<series>`); docs/model.md defines each.
 */

/** Horizon totals, kept for every replication so their percentiles are exact. */
export const TOTAL_METRICS = [
  'suspectsArrived',
  'suspectsExamined',
  'unexaminedSuspects',
  'backlogSuspects',
  'suspectsWithAssets',
  'suspectsWithAssetsExamined',
  'demandHours',
  'capacityHours',
  'hoursWorked',
  'assetsNotInvestigated',
  'missedRecovery',
  'missedForceIncome',
  'recovered',
  'forceIncome',
  'productsArrived',
  'productsDelivered',
  'undeliveredProducts',
  'backlogProducts',
] as const;
export type TotalMetric = (typeof TOTAL_METRICS)[number];

/** Series by month (flows in the month, or levels at its end), summarised across replications. */
export const MONTHLY_SERIES = [
  'suspectsArrived',
  'suspectsExamined',
  'unexaminedSuspects',
  'backlogSuspects',
  'productsArrived',
  'undeliveredProducts',
  'backlogProducts',
  'demandHours',
  'capacityHours',
  'missedRecovery',
] as const;
export type MonthlySeries = (typeof MONTHLY_SERIES)[number];

/** Series by year of the horizon: the Force Management Statement's table. */
export const YEARLY_SERIES = [
  'suspectsArrived',
  'demandHours',
  'capacityHours',
  'unexaminedSuspects',
  'missedRecovery',
  'missedForceIncome',
  'undeliveredProducts',
] as const;
export type YearlySeries = (typeof YEARLY_SERIES)[number];

/** Per role, by month and at the end of the horizon. */
export const ROLE_SERIES = ['inPost', 'inTraining'] as const;
export type RoleSeries = (typeof ROLE_SERIES)[number];

/** Where each number of one replication sits in the flat arrays a chunk returns. */
export interface Layout {
  horizonMonths: number;
  years: number;
  roleIds: readonly string[];
  /** TOTAL_METRICS, then `inPost.<role>` and `inTraining.<role>` at the end of the horizon. */
  totalNames: readonly string[];
  /** MONTHLY_SERIES, then `inPost.<role>` and `inTraining.<role>`. */
  monthlyNames: readonly string[];
  /** Cells summarised by sketches: every monthly series by month, then every yearly by year. */
  cellCount: number;
}

export function makeLayout(horizonMonths: number, roleIds: readonly string[]): Layout {
  const perRole = ROLE_SERIES.flatMap((series) => roleIds.map((id) => `${series}.${id}`));
  const monthlyNames = [...MONTHLY_SERIES, ...perRole];
  const years = Math.ceil(horizonMonths / 12);
  return {
    horizonMonths,
    years,
    roleIds,
    totalNames: [...TOTAL_METRICS, ...perRole],
    monthlyNames,
    cellCount: monthlyNames.length * horizonMonths + YEARLY_SERIES.length * years,
  };
}

/** Index of a month's cell. */
export function monthlyCell(layout: Layout, series: number, month: number): number {
  return series * layout.horizonMonths + month;
}

/** Index of a year's cell. */
export function yearlyCell(layout: Layout, series: number, year: number): number {
  return layout.monthlyNames.length * layout.horizonMonths + series * layout.years + year;
}
