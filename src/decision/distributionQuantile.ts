import { quantileFunction } from '../engine/hoursValue.ts';
import { normalQuantile } from '../engine/random/normalQuantile.ts';
import { betaCdf } from '../fit/betaCdf.ts';
import { gammaP } from '../fit/special.ts';
import { pertCdf } from '../fit/elicit.ts';
import type { Distribution } from '../scenario/distribution.ts';
import { expectedMean, expectedVariance } from '../scenario/distributionMoments.ts';

/**
 * Above this mean (or gamma shape) a count's or a gamma's quantile is taken from the normal
 * approximation: its skewness is below 0.001 there, and ln Γ of so large an argument no longer
 * keeps the distribution function accurate.
 */
const EXACT_UP_TO = 1e6;

/**
 * The p-quantile of a distribution as the engine draws it: the smallest x with P(X ≤ x) ≥ p.
 * Fixed, lognormal, uniform, triangular and normal (truncated at 0) in closed form, by the
 * quantile functions the engine's copula draws with; PERT by bisection on its distribution function; gamma,
 * Poisson and negative binomial from the incomplete gamma and beta functions, and above a
 * million by the normal approximation.
 */
export function distributionQuantile(d: Distribution, p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`A quantile needs p between 0 and 1, not ${p}.`);
  if (typeof d === 'number') return d;
  switch (d.dist) {
    case 'fixed':
    case 'lognormal':
    case 'uniform':
    case 'triangular':
    case 'normal':
      return quantileFunction(d)(p);
    case 'pert': {
      const pert = { dist: 'pert' as const, min: d.min, mode: d.mode, max: d.max };
      return bisect((x) => pertCdf(pert, x), p, d.min, d.max);
    }
    case 'gamma': {
      if (!(d.sd > 0 && d.mean > 0)) return d.mean;
      const shape = (d.mean / d.sd) ** 2;
      if (shape > EXACT_UP_TO) return nearNormal(d, p);
      const scale = (d.sd * d.sd) / d.mean;
      const cdf = (x: number) => gammaP(shape, x / scale);
      return bisect(cdf, p, 0, upperBound(d, p, cdf));
    }
    case 'poisson': {
      const shift = d.shift ?? 0;
      if (!(d.mean > 0)) return shift;
      if (d.mean > EXACT_UP_TO) return Math.max(shift, Math.round(nearNormal(d, p)));
      // P(X ≤ k) = Q(k + 1, mean), the upper regularised incomplete gamma.
      return shift + firstCount((k) => 1 - gammaP(k + 1, d.mean), p, d);
    }
    case 'negbin': {
      const shift = d.shift ?? 0;
      if (!(d.mean > 0)) return shift;
      if (d.mean > EXACT_UP_TO) return Math.max(shift, Math.round(nearNormal(d, p)));
      // P(X ≤ k) = I_q(r, k + 1) with q = r / (r + mean), the regularised incomplete beta.
      const q = d.dispersion / (d.dispersion + d.mean);
      return shift + firstCount((k) => betaCdf(q, d.dispersion, k + 1), p, d);
    }
  }
}

/** mean + z·sd, floored at 0: for distributions too large to need more. */
function nearNormal(d: Distribution, p: number): number {
  return Math.max(0, expectedMean(d) + normalQuantile(p) * Math.sqrt(expectedVariance(d)));
}

/** A value above the p-quantile: ten standard deviations past the mean, doubled until it is. */
function upperBound(d: Distribution, p: number, cdf?: (x: number) => number): number {
  let hi = expectedMean(d) + 10 * Math.sqrt(expectedVariance(d)) + 10;
  while (cdf && cdf(hi) < p) hi *= 2;
  return hi;
}

/** The smallest x in [lo, hi] with cdf(x) ≥ p, to the precision of a double. */
function bisect(cdf: (x: number) => number, p: number, lo: number, hi: number): number {
  let a = lo;
  let b = hi;
  for (let i = 0; i < 200 && b - a > 1e-12 * Math.max(1, Math.abs(b)); i++) {
    const m = (a + b) / 2;
    if (cdf(m) < p) a = m;
    else b = m;
  }
  return b;
}

/** The smallest whole k ≥ 0 with cdf(k) ≥ p, for a count without its shift. */
function firstCount(cdf: (k: number) => number, p: number, d: Distribution): number {
  const unshifted = typeof d === 'object' && 'shift' in d ? { ...d, shift: 0 } : d;
  let lo = -1;
  let hi = Math.ceil(upperBound(unshifted, p, cdf));
  while (hi - lo > 1) {
    const m = Math.floor((lo + hi) / 2);
    if (cdf(m) < p) lo = m;
    else hi = m;
  }
  return hi;
}
