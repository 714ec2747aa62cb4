import { logGamma } from '../engine/random/logGamma.ts';
import { Z90 } from '../scenario/distributionMoments.ts';
import { gammaP, normalQuantile } from './special.ts';

/**
 * Pictures of how well a fitted family matches a history: a hanging rootogram for counts
 * (Kleiber and Zeileis 2016), a Q–Q plot for positive values.
 */

type Poisson = { dist: 'poisson'; mean: number };
type Negbin = { dist: 'negbin'; mean: number; dispersion: number };
type Lognormal = { dist: 'lognormal'; median: number; p90: number };
type Gamma = { dist: 'gamma'; mean: number; sd: number };

export type CountFit = Poisson | Negbin;
export type PositiveFit = Lognormal | Gamma;

const logFactorial = (k: number) => (k < 2 ? 0 : logGamma(k + 1));

/** P(X = k) for a fitted count distribution. */
export function countPmf(d: CountFit, k: number): number {
  if (!Number.isInteger(k) || k < 0) return 0;
  const m = d.mean;
  if (m === 0) return k === 0 ? 1 : 0;
  if (d.dist === 'poisson') return Math.exp(k * Math.log(m) - m - logFactorial(k));
  const r = d.dispersion;
  return Math.exp(
    logGamma(k + r) -
      logGamma(r) -
      logFactorial(k) +
      r * Math.log(r / (r + m)) +
      k * Math.log(m / (r + m)),
  );
}

function countSd(d: CountFit): number {
  return Math.sqrt(d.dist === 'poisson' ? d.mean : d.mean + (d.mean * d.mean) / d.dispersion);
}

export interface RootogramBin {
  /** Counts from lo to hi, both included. */
  lo: number;
  hi: number;
  /** Months of the history with a count in the bin. */
  observed: number;
  /** Months the fitted distribution expects in the bin: n × P(lo ≤ X ≤ hi). */
  expected: number;
}

/**
 * The history's counts beside the fit's expectation, bin by bin, over every count seen and the
 * fit's likely range (5 standard deviations either side of the mean). One count a bin when
 * that range is narrow, otherwise about `bins` bins of equal width.
 */
export function rootogram(values: readonly number[], d: CountFit, bins = 40): RootogramBin[] {
  const n = values.length;
  const sd = countSd(d);
  const from = Math.max(0, Math.min(Math.floor(d.mean - 5 * sd), ...values));
  const to = Math.max(Math.ceil(d.mean + 5 * sd), ...values);
  const width = Math.max(1, Math.ceil((to - from + 1) / bins));
  const out: RootogramBin[] = [];
  for (let lo = from; lo <= to; lo += width) {
    const hi = lo + width - 1;
    let p = 0;
    for (let k = lo; k <= hi; k++) p += countPmf(d, k);
    out.push({ lo, hi, observed: 0, expected: n * p });
  }
  for (const x of values) out[Math.floor((x - from) / width)]!.observed++;
  return out;
}

/** The value below which a share p of a fitted positive distribution lies. */
export function positiveQuantile(d: PositiveFit, p: number): number {
  if (d.dist === 'lognormal') {
    const mu = Math.log(d.median);
    const sigma = (Math.log(d.p90) - mu) / Z90;
    return Math.exp(mu + sigma * normalQuantile(p));
  }
  if (!(d.sd > 0)) return d.mean;
  const shape = (d.mean / d.sd) ** 2;
  const scale = (d.sd * d.sd) / d.mean;
  let lo = 0;
  let hi = d.mean + 10 * d.sd;
  while (gammaP(shape, hi / scale) < p) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
    const m = (lo + hi) / 2;
    if (gammaP(shape, m / scale) < p) lo = m;
    else hi = m;
  }
  return (lo + hi) / 2;
}

export interface QqPoint {
  /** The fitted distribution's quantile at (i − ½) / n. */
  fitted: number;
  /** The i-th smallest month of the history. */
  observed: number;
}

/** The history's months in order against the fit's quantiles: on the diagonal if it fits. */
export function qqPoints(values: readonly number[], d: PositiveFit): QqPoint[] {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  return sorted.map((observed, i) => ({ fitted: positiveQuantile(d, (i + 0.5) / n), observed }));
}
