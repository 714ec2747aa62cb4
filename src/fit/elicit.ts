import { normalCdf, Z90 } from '../scenario/distributionMoments.ts';
import type { Distribution } from '../scenario/distribution.ts';
import { betaCdf } from './betaCdf.ts';
import { normalQuantile } from './special.ts';

/**
 * Ranges from experts, as SHELF elicits them: each expert gives a low, a most likely and a high
 * value, or three quantiles; the app fits a distribution to each, pools the experts linearly
 * (a mixture with equal or stated weights) and fits one PERT or lognormal to the pool's
 * quantiles, so the result is a distribution in the scenario's grammar.
 */
export type Judgement =
  | { kind: 'range'; low: number; likely: number; high: number }
  | { kind: 'quantiles'; p05: number; p50: number; p95: number };

export interface Expert {
  name: string;
  weight?: number;
  judgement: Judgement;
}

export type ElicitedFamily = 'pert' | 'lognormal';

/** The probabilities at which the pool's quantiles are matched. */
export const POOL_PROBABILITIES = [0.05, 0.25, 0.5, 0.75, 0.95] as const;

type Pert = { dist: 'pert'; min: number; mode: number; max: number };
type Lognormal = { dist: 'lognormal'; median: number; p90: number };

export function pertCdf(d: Pert, x: number): number {
  const span = d.max - d.min;
  if (!(span > 0)) return x < d.min ? 0 : 1;
  const a = 1 + (4 * (d.mode - d.min)) / span;
  const b = 1 + (4 * (d.max - d.mode)) / span;
  return betaCdf((x - d.min) / span, a, b);
}

export function lognormalCdf(d: Lognormal, x: number): number {
  if (x <= 0) return 0;
  const mu = Math.log(d.median);
  const sigma = (Math.log(d.p90) - mu) / Z90;
  return normalCdf((Math.log(x) - mu) / sigma);
}

function cdf(d: Pert | Lognormal, x: number): number {
  return d.dist === 'pert' ? pertCdf(d, x) : lognormalCdf(d, x);
}

/** Nelder–Mead minimisation from `start`: small, derivative-free, enough for three parameters. */
export function minimise(f: (p: number[]) => number, start: number[], scale = 1): number[] {
  const n = start.length;
  let simplex = [start, ...start.map((_, i) => start.map((v, j) => (i === j ? v + scale : v)))];
  let values = simplex.map(f);
  for (let iter = 0; iter < 2000; iter++) {
    const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
    simplex = order.map((i) => simplex[i]!);
    values = order.map((i) => values[i]!);
    if (Math.abs(values[n]! - values[0]!) < 1e-14) break;
    const centroid = start.map((_, j) => simplex.slice(0, n).reduce((s, p) => s + p[j]!, 0) / n);
    const at = (t: number) => centroid.map((c, j) => c + t * (simplex[n]![j]! - c));
    const reflected = at(-1);
    const fr = f(reflected);
    if (fr < values[0]!) {
      const expanded = at(-2);
      const fe = f(expanded);
      [simplex[n], values[n]] = fe < fr ? [expanded, fe] : [reflected, fr];
    } else if (fr < values[n - 1]!) {
      [simplex[n], values[n]] = [reflected, fr];
    } else {
      const contracted = at(0.5);
      const fc = f(contracted);
      if (fc < values[n]!) {
        [simplex[n], values[n]] = [contracted, fc];
      } else {
        for (let i = 1; i <= n; i++) {
          simplex[i] = simplex[i]!.map((v, j) => simplex[0]![j]! + 0.5 * (v - simplex[0]![j]!));
          values[i] = f(simplex[i]!);
        }
      }
    }
  }
  return simplex[values.indexOf(Math.min(...values))]!;
}

/** Least squares on the distribution function: Σ (F(q_i) − p_i)², SHELF's criterion. */
function misfit(d: Pert | Lognormal, points: readonly { p: number; q: number }[]): number {
  return points.reduce((s, { p, q }) => s + (cdf(d, q) - p) ** 2, 0);
}

/** The PERT whose distribution function passes closest to the points. */
export function fitPert(points: readonly { p: number; q: number }[]): Pert {
  const qs = points.map((x) => x.q);
  const lo = Math.min(...qs);
  const hi = Math.max(...qs);
  const span = hi - lo || Math.abs(hi) || 1;
  const make = ([a, b, c]: number[]): Pert => {
    const min = Math.max(0, lo - Math.exp(a!) * span);
    const max = hi + Math.exp(b!) * span;
    return { dist: 'pert', min, max, mode: min + (max - min) / (1 + Math.exp(-c!)) };
  };
  return make(minimise((p) => misfit(make(p), points), [-1.5, -1.5, 0], 0.5));
}

/** The lognormal whose distribution function passes closest to the points (values above 0). */
export function fitLognormalToQuantiles(points: readonly { p: number; q: number }[]): Lognormal {
  // Start from the straight line of ln q on the normal quantile of p.
  const zs = points.map((x) => normalQuantile(x.p));
  const ls = points.map((x) => Math.log(x.q));
  const zMean = zs.reduce((s, z) => s + z, 0) / zs.length;
  const lMean = ls.reduce((s, l) => s + l, 0) / ls.length;
  let szz = 0;
  let szl = 0;
  zs.forEach((z, i) => {
    szz += (z - zMean) ** 2;
    szl += (z - zMean) * (ls[i]! - lMean);
  });
  const sigma0 = Math.max(szl / szz, 1e-3);
  const mu0 = lMean - sigma0 * zMean;
  const make = ([mu, logSigma]: number[]): Lognormal => ({
    dist: 'lognormal',
    median: Math.exp(mu!),
    p90: Math.exp(mu! + Z90 * Math.exp(logSigma!)),
  });
  return make(minimise((p) => misfit(make(p), points), [mu0, Math.log(sigma0)], 0.1));
}

/** One expert's judgement as a distribution: a range is a PERT; quantiles are fitted. */
export function judgementDistribution(j: Judgement, family: ElicitedFamily): Pert | Lognormal {
  if (j.kind === 'range') return { dist: 'pert', min: j.low, mode: j.likely, max: j.high };
  const points = [
    { p: 0.05, q: j.p05 },
    { p: 0.5, q: j.p50 },
    { p: 0.95, q: j.p95 },
  ];
  return family === 'lognormal' ? fitLognormalToQuantiles(points) : fitPert(points);
}

/** Checks one judgement; a message a planner can act on, or undefined. */
export function judgementProblem(j: Judgement, family: ElicitedFamily): string | undefined {
  const [a, b, c] = j.kind === 'range' ? [j.low, j.likely, j.high] : [j.p05, j.p50, j.p95];
  const names =
    j.kind === 'range'
      ? ['low', 'most likely', 'high']
      : ['5th percentile', 'median', '95th percentile'];
  if (![a, b, c].every((x) => Number.isFinite(x) && x >= 0))
    return 'give three numbers, 0 or more.';
  if (!(a! <= b! && b! <= c!))
    return `the ${names[0]} must be at most the ${names[1]}, and that at most the ${names[2]}.`;
  if (!(c! > a!)) return `the ${names[2]} must be above the ${names[0]}.`;
  if (family === 'lognormal' && !(a! > 0)) return 'a lognormal needs values above 0.';
  return undefined;
}

export interface Elicitation {
  dist: Distribution;
  family: ElicitedFamily;
  /** The pool's quantiles, and the fitted distribution's probability at each. */
  pooled: { p: number; q: number; fitted: number }[];
  /** Largest gap between the fit's and the pool's probability at the pool's quantiles. */
  worstGap: number;
}

/** The linear pool's quantile at p, by bisection on the mixture's distribution function. */
function poolQuantile(
  parts: { d: Pert | Lognormal; w: number }[],
  p: number,
  lo: number,
  hi: number,
): number {
  const F = (x: number) => parts.reduce((s, { d, w }) => s + w * cdf(d, x), 0);
  let a = lo;
  let b = hi;
  while (F(b) < p) b = b * 2 + 1;
  for (let i = 0; i < 200; i++) {
    const m = (a + b) / 2;
    if (F(m) < p) a = m;
    else b = m;
  }
  return (a + b) / 2;
}

/**
 * Pools the experts (weights normalised; equal when none is given) and fits one distribution of
 * `family` to the pool's 5th, 25th, 50th, 75th and 95th percentiles.
 */
export function elicit(experts: readonly Expert[], family: ElicitedFamily): Elicitation {
  if (experts.length === 0) throw new RangeError('add at least one expert’s judgement');
  experts.forEach((e, i) => {
    const problem = judgementProblem(e.judgement, family);
    if (problem) throw new RangeError(`${e.name || `Expert ${i + 1}`}: ${problem}`);
    if (e.weight !== undefined && !(e.weight >= 0))
      throw new RangeError(`${e.name}: a weight must be 0 or more.`);
  });
  const total = experts.reduce((s, e) => s + (e.weight ?? 1), 0);
  if (!(total > 0)) throw new RangeError('at least one expert needs a weight above 0');
  const parts = experts.map((e) => ({
    d: judgementDistribution(e.judgement, family),
    w: (e.weight ?? 1) / total,
  }));
  const values = experts.flatMap((e) =>
    e.judgement.kind === 'range'
      ? [e.judgement.low, e.judgement.high]
      : [e.judgement.p05, e.judgement.p95],
  );
  const lo = Math.max(0, Math.min(...values) / 2 - 1);
  const hi = Math.max(...values) * 2 + 1;
  const points = POOL_PROBABILITIES.map((p) => ({ p, q: poolQuantile(parts, p, lo, hi) }));
  const dist = family === 'lognormal' ? fitLognormalToQuantiles(points) : fitPert(points);
  const pooled = points.map(({ p, q }) => ({ p, q, fitted: cdf(dist, q) }));
  return {
    dist,
    family,
    pooled,
    worstGap: Math.max(...pooled.map((x) => Math.abs(x.fitted - x.p))),
  };
}

/** The assumptions register's note: who, when, with what weight, and why. */
export function elicitationNote(
  experts: readonly Expert[],
  date: string,
  why: string,
  result: Elicitation,
): string {
  const total = experts.reduce((s, e) => s + (e.weight ?? 1), 0);
  const who = experts
    .map((e) => `${e.name} (weight ${Math.round(((e.weight ?? 1) / total) * 100)}%)`)
    .join(', ');
  const reason = why.trim() ? ` Why: ${why.trim()}` : '';
  return `Elicited on ${date} from ${who}; linear pool fitted as a ${result.family === 'pert' ? 'PERT' : 'lognormal'} distribution.${reason}`;
}
