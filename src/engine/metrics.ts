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
  'suppressedSuspects',
  'suppressedAssets',
  'suppressedProducts',
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
  'suppressedSuspects',
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

/**
 * Per role, by month and at the end of the horizon: people in post and in training, then the
 * pipeline that feeds them (in recruitment, waiting for a training seat, seats taken in the
 * month), from which the bottleneck is named.
 */
export const ROLE_SERIES = [
  'inPost',
  'inTraining',
  'inRecruitment',
  'waitingForSeat',
  'seatsUsed',
] as const;
export type RoleSeries = (typeof ROLE_SERIES)[number];

/** Where each number of one replication sits in the flat arrays a chunk returns. */
export interface Layout {
  horizonMonths: number;
  years: number;
  /** The month each year starts in, from 0, then horizonMonths: year y is months [yearStarts[y], yearStarts[y + 1]). */
  yearStarts: readonly number[];
  roleIds: readonly string[];
  /**
   * TOTAL_METRICS, then each ROLE_SERIES by role (`inPost.<role>`, …) at the end of the horizon,
   * then `uncertain.<path>`: each uncertain assumption's drawn value.
   */
  totalNames: readonly string[];
  /** Paths of the uncertain assumptions, in the order of their totals. */
  uncertainPaths: readonly string[];
  /** MONTHLY_SERIES, then each ROLE_SERIES by role (`inPost.<role>`, …). */
  monthlyNames: readonly string[];
  /** Cells summarised by sketches: every monthly series by month, then every yearly by year. */
  cellCount: number;
}

/**
 * `firstYearMonths` is the length of the first year: 12 for years of the horizon, or the months
 * to the end of March for financial years (see src/scenario/financialYear.ts).
 */
export function makeLayout(
  horizonMonths: number,
  roleIds: readonly string[],
  firstYearMonths = 12,
  uncertainPaths: readonly string[] = [],
): Layout {
  const perRole = ROLE_SERIES.flatMap((series) => roleIds.map((id) => `${series}.${id}`));
  const monthlyNames = [...MONTHLY_SERIES, ...perRole];
  const yearStarts = [0];
  for (let t = Math.min(firstYearMonths, horizonMonths); t < horizonMonths; t += 12) {
    yearStarts.push(t);
  }
  const years = yearStarts.length;
  yearStarts.push(horizonMonths);
  return {
    horizonMonths,
    years,
    yearStarts,
    roleIds,
    totalNames: [...TOTAL_METRICS, ...perRole, ...uncertainPaths.map((p) => `uncertain.${p}`)],
    uncertainPaths,
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
