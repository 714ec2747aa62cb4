import { format } from 'd3-format';

const whole = format(',.0f');
const oneDecimal = format(',.1f');
const threeFigures = format(',.3~s');

/** People, suspects, products: whole numbers with thousands separators. */
export function formatCount(value: number): string {
  if (!Number.isFinite(value)) return '–';
  return Math.abs(value) < 10 && !Number.isInteger(value) ? oneDecimal(value) : whole(value);
}

/** Pounds, shortened for sentences: £1.23m, £450k, £900. */
export function formatPounds(value: number): string {
  if (!Number.isFinite(value)) return '–';
  const sign = value < 0 ? '−' : '';
  const abs = Math.abs(value);
  if (abs >= 1e9) return `${sign}£${trim(abs / 1e9)}bn`;
  if (abs >= 1e6) return `${sign}£${trim(abs / 1e6)}m`;
  if (abs >= 1e3) return `${sign}£${trim(abs / 1e3)}k`;
  return `${sign}£${whole(abs)}`;
}

/**
 * Pounds in full, to the whole pound, the sign before the pound sign: "£21,812", "−£21,812"
 * (never "£-21,812"). `digits` keeps pence or fractions where a figure needs them.
 */
export function formatPoundsExact(value: number, digits = 0): string {
  if (!Number.isFinite(value)) return '–';
  const text = Math.abs(value).toLocaleString('en-GB', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  // A value that rounds to zero is written without a sign.
  const sign = value < 0 && /[1-9]/.test(text) ? '−' : '';
  return `${sign}£${text}`;
}

function trim(value: number): string {
  return threeFigures(value).replace(/[a-zA-Zµ]$/, '');
}

/** A share as a percentage: 0.183 → "18%". */
export function formatPercent(share: number): string {
  if (!Number.isFinite(share)) return '–';
  return `${whole(share * 100)}%`;
}

/** A signed difference: "+1,200" or "−£3.4m". */
export function formatSigned(value: number, unit: 'count' | 'pounds'): string {
  if (!Number.isFinite(value)) return '–';
  const body = unit === 'pounds' ? formatPounds(Math.abs(value)) : formatCount(Math.abs(value));
  if (value > 0) return `+${body}`;
  if (value < 0) return `−${body}`;
  return body;
}

/** Milliseconds as "about 12 s", "about 3 min" or "about 1 h 52 min". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return 'estimating…';
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 60) return `about ${seconds} s`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `about ${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `about ${hours} h` : `about ${hours} h ${minutes % 60} min`;
}

/** Replications a second as "230 a second" (one decimal below 10); "measuring…" before any. */
export function formatRate(perSecond: number): string {
  if (!Number.isFinite(perSecond) || perSecond <= 0) return 'measuring…';
  return `${perSecond < 10 ? oneDecimal(perSecond) : whole(perSecond)} a second`;
}
