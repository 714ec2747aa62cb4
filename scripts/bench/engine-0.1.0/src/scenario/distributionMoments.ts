import type { Distribution } from './distribution.ts';

/** z such that P(Z < z) = 0.9 for a standard normal. */
export const Z90 = 1.2815515655446004;

/** The lognormal's log-scale parameters from its median and 90th percentile. */
export function lognormalParams(median: number, p90: number): { mu: number; sigma: number } {
  const mu = Math.log(median);
  return { mu, sigma: (Math.log(p90) - mu) / Z90 };
}

/**
 * The expected value of a distribution as the engine draws it (before counts are rounded). A
 * normal is truncated at 0, so its mean is that of the truncated distribution.
 */
export function expectedMean(d: Distribution): number {
  if (typeof d === 'number') return d;
  switch (d.dist) {
    case 'fixed':
      return d.value;
    case 'poisson':
    case 'negbin':
      return d.mean + (d.shift ?? 0);
    case 'lognormal': {
      const { mu, sigma } = lognormalParams(d.median, d.p90);
      return Math.exp(mu + (sigma * sigma) / 2);
    }
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'triangular':
      return (d.min + d.mode + d.max) / 3;
    case 'pert':
      return (d.min + 4 * d.mode + d.max) / 6;
    case 'normal':
      return truncatedNormalMean(d.mean, d.sd);
  }
}

/** The variance of a distribution, where it has a closed form (the normal before truncation). */
export function expectedVariance(d: Distribution): number {
  if (typeof d === 'number') return 0;
  switch (d.dist) {
    case 'fixed':
      return 0;
    case 'poisson':
      return d.mean;
    case 'negbin':
      return d.mean + (d.mean * d.mean) / d.dispersion;
    case 'lognormal': {
      const { mu, sigma } = lognormalParams(d.median, d.p90);
      const s2 = sigma * sigma;
      return (Math.exp(s2) - 1) * Math.exp(2 * mu + s2);
    }
    case 'uniform':
      return (d.max - d.min) ** 2 / 12;
    case 'triangular': {
      const { min: a, mode: c, max: b } = d;
      return (a * a + b * b + c * c - a * b - a * c - b * c) / 18;
    }
    case 'pert': {
      const mean = expectedMean(d);
      return ((mean - d.min) * (d.max - mean)) / 7;
    }
    case 'normal':
      return d.sd * d.sd;
  }
}

/** Standard deviations below zero from which the truncated mean is taken from the Mills ratio. */
const MILLS_FROM = 2;
/** Terms of the continued fraction: enough for full double precision from MILLS_FROM on. */
const MILLS_TERMS = 160;

/**
 * The mean of a normal(mean, sd) truncated to [0, ∞). Written as mean + sd·φ(a)/Φ(a) with
 * a = mean / sd, which is 0/0 once a lies a few dozen sd below zero; there it is sd·h(c) with
 * c = −a and h(c) = 1/(c + 2/(c + 3/(c + …))), the continued fraction of the Mills ratio less c,
 * which has no cancellation and stays finite for any c (h(∞) = 0).
 */
export function truncatedNormalMean(mean: number, sd: number): number {
  if (sd === 0) return Math.max(0, mean);
  const a = mean / sd;
  // The max only guards against rounding when mean and sd are denormal.
  if (a >= -MILLS_FROM) return Math.max(0, mean + (sd * normalPdf(a)) / normalCdf(a));
  const c = -a;
  let t = c;
  for (let k = MILLS_TERMS; k >= 2; k--) t = c + k / t;
  return sd / t;
}

function normalPdf(x: number): number {
  return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
}

/** Φ(x), by the Abramowitz–Stegun 7.1.26 approximation of erf (absolute error below 1.5e-7). */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const poly =
    t *
    (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-z * z);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}
