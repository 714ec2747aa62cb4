import type { HistoryKind } from './history.ts';
import { normalQuantile } from './special.ts';

/** A yearly trend, as a share per year (0.05 is 5% a year), with its 95% interval. */
export interface Trend {
  estimate: number;
  low: number;
  high: number;
}

/**
 * The yearly trend of a monthly history from a log-linear fit, ln E[x_t] = a + b·t with t the
 * month (0 for the first). Counts: Poisson regression by iteratively reweighted least squares,
 * its standard error widened by the Pearson dispersion when the counts vary more than a
 * Poisson's (quasi-Poisson), so an over-dispersed history does not give a falsely narrow
 * interval. Positive values: least squares on ln x. The trend per year is e^(12b) − 1 and its
 * interval e^(12(b ± 1.96 se)) − 1.
 */
export function fitTrend(xs: readonly number[], kind: HistoryKind): Trend {
  const { b, se } = kind === 'counts' ? poissonSlope(xs) : logSlope(xs);
  const z = normalQuantile(0.975);
  const year = (slope: number) => Math.expm1(12 * slope);
  return { estimate: year(b), low: year(b - z * se), high: year(b + z * se) };
}

function logSlope(xs: readonly number[]): { b: number; se: number } {
  const n = xs.length;
  const ys = xs.map(Math.log);
  const tMean = (n - 1) / 2;
  const yMean = ys.reduce((s, y) => s + y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (let t = 0; t < n; t++) {
    sxx += (t - tMean) ** 2;
    sxy += (t - tMean) * (ys[t]! - yMean);
  }
  const b = sxy / sxx;
  let rss = 0;
  for (let t = 0; t < n; t++) rss += (ys[t]! - yMean - b * (t - tMean)) ** 2;
  return { b, se: Math.sqrt(rss / (n - 2) / sxx) };
}

function poissonSlope(xs: readonly number[]): { b: number; se: number } {
  const n = xs.length;
  const total = xs.reduce((s, x) => s + x, 0);
  if (total === 0) return { b: 0, se: 0 };
  // Centre t so the two coefficients are nearly uncorrelated and Newton's method is steady.
  const tMean = (n - 1) / 2;
  let a = Math.log(total / n);
  let b = 0;
  for (let iter = 0; iter < 100; iter++) {
    let g0 = 0;
    let g1 = 0;
    let h00 = 0;
    let h01 = 0;
    let h11 = 0;
    for (let t = 0; t < n; t++) {
      const u = t - tMean;
      const mu = Math.exp(a + b * u);
      g0 += xs[t]! - mu;
      g1 += (xs[t]! - mu) * u;
      h00 += mu;
      h01 += mu * u;
      h11 += mu * u * u;
    }
    const det = h00 * h11 - h01 * h01;
    const da = (h11 * g0 - h01 * g1) / det;
    const db = (h00 * g1 - h01 * g0) / det;
    a += da;
    b += db;
    if (Math.abs(da) < 1e-12 && Math.abs(db) < 1e-12) break;
  }
  let h00 = 0;
  let h01 = 0;
  let h11 = 0;
  let pearson = 0;
  for (let t = 0; t < n; t++) {
    const u = t - tMean;
    const mu = Math.exp(a + b * u);
    h00 += mu;
    h01 += mu * u;
    h11 += mu * u * u;
    pearson += (xs[t]! - mu) ** 2 / mu;
  }
  const dispersion = Math.max(1, pearson / (n - 2));
  const varB = h00 / (h00 * h11 - h01 * h01);
  return { b, se: Math.sqrt(varB * dispersion) };
}
