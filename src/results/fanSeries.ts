import type { Stat } from '../engine/aggregate/statistic.ts';

/** One month of a fan chart: the median and the 50% and 90% bands. */
export interface FanRow {
  /** 1 for the first month of the horizon. */
  month: number;
  p05: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
  mean: number;
}

export function fanRows(stats: readonly Stat[]): FanRow[] {
  return stats.map((s, i) => ({
    month: i + 1,
    p05: s.p05,
    p25: s.p25,
    p50: s.p50,
    p75: s.p75,
    p95: s.p95,
    mean: s.mean,
  }));
}

/** The last month of the horizon. */
export function lastRow(rows: readonly FanRow[]): FanRow | undefined {
  return rows[rows.length - 1];
}
