import { logGamma } from '../engine/random/logGamma.ts';
import { distributionSchema } from '../scenario/distribution.ts';
import { Z90 } from '../scenario/distributionMoments.ts';
import {
  elicit,
  judgementDistribution,
  judgementProblem,
  lognormalCdf,
  pertCdf,
  type ElicitedFamily,
  type Elicitation,
  type Expert,
} from './elicit.ts';
import { normalQuantile } from './special.ts';

/**
 * What the "Ask experts" dialog shows beside the numbers: which family describes the pool best
 * when the planner leaves the choice to the app, and each expert's density, the linear pool's
 * and the one distribution written to the scenario, on one axis.
 */

export type FamilyChoice = ElicitedFamily | 'best';

type Pert = { dist: 'pert'; min: number; mode: number; max: number };
type Lognormal = { dist: 'lognormal'; median: number; p90: number };
type Elicited = Pert | Lognormal;

export function pertPdf(d: Pert, x: number): number {
  const span = d.max - d.min;
  if (!(span > 0) || x < d.min || x > d.max) return 0;
  const a = 1 + (4 * (d.mode - d.min)) / span;
  const b = 1 + (4 * (d.max - d.mode)) / span;
  const u = (x - d.min) / span;
  const logB = logGamma(a) + logGamma(b) - logGamma(a + b);
  // At an end with exponent 0 the density is finite: 0^0 is taken as 1.
  const left = a === 1 ? 0 : (a - 1) * Math.log(u);
  const right = b === 1 ? 0 : (b - 1) * Math.log(1 - u);
  return Math.exp(left + right - logB) / span;
}

export function lognormalPdf(d: Lognormal, x: number): number {
  if (!(x > 0)) return 0;
  const mu = Math.log(d.median);
  const sigma = (Math.log(d.p90) - mu) / Z90;
  const z = (Math.log(x) - mu) / sigma;
  return Math.exp(-0.5 * z * z) / (x * sigma * Math.sqrt(2 * Math.PI));
}

export function elicitedPdf(d: Elicited, x: number): number {
  return d.dist === 'pert' ? pertPdf(d, x) : lognormalPdf(d, x);
}

export function elicitedCdf(d: Elicited, x: number): number {
  return d.dist === 'pert' ? pertCdf(d, x) : lognormalCdf(d, x);
}

/** The value below which a share p of the distribution lies. */
export function elicitedQuantile(d: Elicited, p: number): number {
  if (d.dist === 'lognormal') {
    const mu = Math.log(d.median);
    const sigma = (Math.log(d.p90) - mu) / Z90;
    return Math.exp(mu + sigma * normalQuantile(p));
  }
  let lo = d.min;
  let hi = d.max;
  for (let i = 0; i < 100; i++) {
    const m = (lo + hi) / 2;
    if (pertCdf(d, m) < p) lo = m;
    else hi = m;
  }
  return (lo + hi) / 2;
}

/** Σ (F(q) − p)² at the pool's quantiles: how far a fitted family passes from the pool. */
export function poolMisfit(e: Elicitation): number {
  return e.pooled.reduce((s, x) => s + (x.fitted - x.p) ** 2, 0);
}

export interface Chosen {
  result: Elicitation;
  /** Each family tried, with its largest gap from the pool; a family that could not be fitted says why. */
  tried: { family: ElicitedFamily; worstGap?: number; problem?: string }[];
}

/** Why a fitted distribution cannot be written to a scenario, in the planner's words. */
function grammarProblem(e: Elicitation): string | undefined {
  const parsed = distributionSchema.safeParse(e.dist);
  if (parsed.success) return undefined;
  return e.family === 'lognormal'
    ? 'the experts’ range is too wide for a lognormal (its 1 in 10 high value would be over 1,000 times its typical value).'
    : 'the experts’ range does not make a valid PERT distribution.';
}

/**
 * Pools the experts and fits the family chosen, or, for "best", both PERT and lognormal, keeping
 * the one whose distribution function passes closer to the pool's quantiles (least squares, as
 * each is fitted); a tie goes to the PERT, which keeps within the experts' range. A lognormal is
 * only tried when every value given is above 0.
 */
export function elicitChosen(experts: readonly Expert[], choice: FamilyChoice): Chosen {
  const families: ElicitedFamily[] = choice === 'best' ? ['pert', 'lognormal'] : [choice];
  const tried: Chosen['tried'] = [];
  let best: Elicitation | undefined;
  let firstError: unknown;
  for (const family of families) {
    const unfit =
      choice === 'best' && family === 'lognormal'
        ? experts.map((e) => judgementProblem(e.judgement, family)).find(Boolean)
        : undefined;
    if (unfit) {
      tried.push({ family, problem: unfit });
      continue;
    }
    let result: Elicitation;
    try {
      result = elicit(experts, family);
    } catch (error) {
      firstError ??= error;
      tried.push({ family, problem: error instanceof Error ? error.message : String(error) });
      continue;
    }
    const problem = grammarProblem(result);
    if (problem) {
      tried.push({ family, worstGap: result.worstGap, problem });
      continue;
    }
    tried.push({ family, worstGap: result.worstGap });
    if (!best || poolMisfit(result) < poolMisfit(best)) best = result;
  }
  if (!best) {
    if (firstError) throw firstError;
    throw new RangeError(tried.find((t) => t.problem)?.problem ?? 'no distribution fits.');
  }
  return { result: best, tried };
}

export interface ElicitCurves {
  /** Values along the axis. */
  xs: number[];
  /** Each expert's density at xs, in the order given. */
  experts: number[][];
  /** The linear pool's density (the weighted mixture of the experts'). */
  pool: number[];
  /** The one distribution written to the scenario. */
  fitted: number[];
}

/**
 * The densities to draw, at `points` values from the lowest 0.5th to the highest 99.5th
 * percentile of any of them, so a long lognormal tail does not squeeze the rest into a corner.
 */
export function elicitCurves(
  experts: readonly Expert[],
  result: Elicitation,
  points = 161,
): ElicitCurves {
  const parts = experts.map((e) => judgementDistribution(e.judgement, result.family));
  const total = experts.reduce((s, e) => s + (e.weight ?? 1), 0);
  const weights = experts.map((e) => (e.weight ?? 1) / total);
  const fitted = result.dist as Elicited;
  const all = [...parts, fitted];
  const lo = Math.max(0, Math.min(...all.map((d) => elicitedQuantile(d, 0.005))));
  const hi = Math.max(...all.map((d) => elicitedQuantile(d, 0.995)));
  const step = (hi - lo) / (points - 1);
  const xs = Array.from({ length: points }, (_, i) => lo + i * step);
  const expertCurves = parts.map((d) => xs.map((x) => elicitedPdf(d, x)));
  const pool = xs.map((_, i) => expertCurves.reduce((s, c, j) => s + weights[j]! * c[i]!, 0));
  return { xs, experts: expertCurves, pool, fitted: xs.map((x) => elicitedPdf(fitted, x)) };
}

/**
 * Share of the distribution outside the range a field allows: draws there are clamped to the
 * field's limit, which the planner should know before using the range.
 */
export function shareOutside(d: Elicited, min: number, max: number): number {
  const below = Number.isFinite(min) ? elicitedCdf(d, min) : 0;
  const above = Number.isFinite(max) ? 1 - elicitedCdf(d, max) : 0;
  return Math.max(0, below) + Math.max(0, above);
}

/** A number to `digits` significant figures, as a scenario should hold a judged value. */
export function roundTo(x: number, digits = 4): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  return Number(x.toPrecision(digits));
}

/**
 * The elicited distribution with its parameters to 4 significant figures, for the file: a
 * judged range is not known to 15 digits. The order of the parameters is kept (a lognormal's 90th
 * percentile stays above its median).
 */
export function roundedElicited(d: Elicited): Elicited {
  if (d.dist === 'lognormal') {
    const median = roundTo(d.median);
    let p90 = roundTo(d.p90);
    if (!(p90 > median)) p90 = roundTo(median * 1.001, 6);
    return { dist: 'lognormal', median, p90 };
  }
  const min = roundTo(d.min);
  const max = roundTo(d.max);
  const mode = Math.min(max, Math.max(min, roundTo(d.mode)));
  return { dist: 'pert', min, mode, max };
}
