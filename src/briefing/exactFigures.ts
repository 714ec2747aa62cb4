import { format } from 'd3-format';
import type { Stat } from '../engine/aggregate/statistic.ts';
import type { MetricUnit } from '../results/metricInfo.ts';

const whole = format(',.0f');
const oneDecimal = format(',.1f');

/**
 * A figure written out in full for tables and speaker notes, where a reader checks numbers
 * rather than reads them aloud: 12,345 or −£21,812 (the sign before the pound sign).
 */
export function exactFigure(value: number, unit: MetricUnit): string {
  if (!Number.isFinite(value)) return '–';
  const sign = value < 0 ? '−' : '';
  const abs = Math.abs(value);
  const digits = Number.isInteger(abs) || abs >= 100 ? whole(abs) : oneDecimal(abs);
  return unit === 'pounds' ? `${sign}£${digits}` : `${sign}${digits}`;
}

/** A signed difference in full: +3,121 or −£11,204,530; no sign for zero. */
export function exactSigned(value: number, unit: MetricUnit): string {
  const body = exactFigure(Math.abs(value), unit);
  if (value > 0 && body !== '0' && body !== '£0') return `+${body}`;
  if (value < 0 && body !== '0' && body !== '£0') return `−${body}`;
  return body;
}

/** A statistic in one line of exact figures, for speaker notes. */
export function exactStat(stat: Stat, unit: MetricUnit): string {
  return `median ${exactFigure(stat.p50, unit)}, mean ${exactFigure(stat.mean, unit)} (standard error ${exactFigure(stat.se, unit)}), 90% range ${exactFigure(stat.p05, unit)} to ${exactFigure(stat.p95, unit)}`;
}
