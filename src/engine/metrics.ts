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
  'assetsInvestigated',
  'missedRecovery',
  'missedForceIncome',
  'recovered',
  'forceIncome',
  'ordersMade',
  'orderValue',
  'recoveredAfterHorizon',
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
  'ordersMade',
  'recovered',
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
  'recovered',
  'ordersMade',
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

/**
 * Horizon totals by unit (`byUnit.<unit>.<metric>`) and by demand stream
 * (`byStream.<unit>.<stream>.<metric>`): who gains when units pool or split their staff. A
 * suspect or product counts for the unit whose stream it arrived in, whoever worked it.
 */
export const BREAKDOWN_METRICS = [
  'suspectsArrived',
  'suspectsExamined',
  'unexaminedSuspects',
  'ordersMade',
  'recovered',
  'missedRecovery',
  'productsArrived',
  'undeliveredProducts',
] as const;
export type BreakdownMetric = (typeof BREAKDOWN_METRICS)[number];

/**
 * Most units and streams whose breakdowns a run keeps in columns of their own. Each keeps 4
 * bytes per metric per replication, so a file at the count limits (5,000 streams) would
 * otherwise need gigabytes: beyond this, streams' breakdowns are left out, then units'.
 */
export const MAX_BREAKDOWNS = 32;

/** A unit's id and its demand streams' ids, in scenario order: what the breakdowns are by. */
export interface UnitStreams {
  id: string;
  streams: readonly string[];
}

/** Where each number of one replication sits in the flat arrays a chunk returns. */
export interface Layout {
  horizonMonths: number;
  years: number;
  /** The month each year starts in, from 0, then horizonMonths: year y is months [yearStarts[y], yearStarts[y + 1]). */
  yearStarts: readonly number[];
  roleIds: readonly string[];
  units: readonly UnitStreams[];
  /** Whether the breakdowns by unit, and by stream, are kept (see MAX_BREAKDOWNS). */
  byUnit: boolean;
  byStream: boolean;
  /**
   * The columns of the horizon totals: TOTAL_METRICS, then each ROLE_SERIES by role
   * (`inPost.<role>`, …) at the end of the horizon, then BREAKDOWN_METRICS of each unit in turn
   * and of each stream in turn (leaving out those that are aliases), then `uncertain.<path>`:
   * each uncertain assumption's drawn value.
   */
  totalNames: readonly string[];
  /** Paths of the uncertain assumptions, in the order of their totals. */
  uncertainPaths: readonly string[];
  /** Breakdown names kept in another's column: the only unit's are the horizon totals. */
  aliases: Readonly<Record<string, string>>;
  /** By unit, then by stream over all units in order: the column of its first breakdown metric, or -1 when aliased. */
  unitColumns: readonly number[];
  streamColumns: readonly number[];
  /** MONTHLY_SERIES, then each ROLE_SERIES by role (`inPost.<role>`, …). */
  monthlyNames: readonly string[];
  /** Cells summarised by sketches: every monthly series by month, then every yearly by year. */
  cellCount: number;
}

/**
 * `units`: the breakdowns' units and streams. `firstYearMonths` is the length of the first
 * year: 12 for years of the horizon, or the months to the end of March for financial years
 * (see src/scenario/financialYear.ts). `uncertainPaths`: the uncertain assumptions.
 */
export function makeLayout(
  horizonMonths: number,
  roleIds: readonly string[],
  units: readonly UnitStreams[] = [],
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
  const totalNames: string[] = [...TOTAL_METRICS, ...perRole];
  const aliases: Record<string, string> = {};
  const unitColumns: number[] = [];
  const streamColumns: number[] = [];
  // A breakdown that must equal another (the only unit's and the horizon totals, or a unit's
  // only stream's and the unit's) is not kept twice: it names the other's column.
  const place = (prefix: string, same: string | undefined, columns: number[]) => {
    if (same !== undefined) {
      for (const m of BREAKDOWN_METRICS)
        aliases[`${prefix}.${m}`] = aliases[`${same}${m}`] ?? `${same}${m}`;
      columns.push(-1);
      return;
    }
    columns.push(totalNames.length);
    for (const m of BREAKDOWN_METRICS) totalNames.push(`${prefix}.${m}`);
  };
  const ownUnits = units.length > 1 ? units.length : 0;
  const ownStreams = units.reduce((n, u) => n + (u.streams.length > 1 ? u.streams.length : 0), 0);
  const byUnit = ownUnits <= MAX_BREAKDOWNS;
  const byStream = byUnit && ownUnits + ownStreams <= MAX_BREAKDOWNS;
  for (const u of units) {
    if (byUnit) place(`byUnit.${u.id}`, units.length === 1 ? '' : undefined, unitColumns);
    else unitColumns.push(-1);
  }
  for (const u of units) {
    for (const s of u.streams) {
      if (byStream) {
        const same = u.streams.length === 1 ? `byUnit.${u.id}.` : undefined;
        place(`byStream.${u.id}.${s}`, same, streamColumns);
      } else streamColumns.push(-1);
    }
  }
  for (const p of uncertainPaths) totalNames.push(`uncertain.${p}`);
  return {
    horizonMonths,
    years,
    yearStarts,
    roleIds,
    units,
    byUnit,
    byStream,
    totalNames,
    aliases,
    unitColumns,
    streamColumns,
    uncertainPaths,
    monthlyNames,
    cellCount: monthlyNames.length * horizonMonths + YEARLY_SERIES.length * years,
  };
}

/** The column a total's name is kept in, looking through aliases; -1 for none. */
export function totalColumn(layout: Layout, name: string): number {
  return layout.totalNames.indexOf(layout.aliases[name] ?? name);
}

/** Index of a month's cell. */
export function monthlyCell(layout: Layout, series: number, month: number): number {
  return series * layout.horizonMonths + month;
}

/** Index of a year's cell. */
export function yearlyCell(layout: Layout, series: number, year: number): number {
  return layout.monthlyNames.length * layout.horizonMonths + series * layout.years + year;
}
