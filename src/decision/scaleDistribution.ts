import type { Distribution } from '../scenario/distribution.ts';
import {
  expectedMean,
  expectedVariance,
  lognormalParams,
  Z90,
} from '../scenario/distributionMoments.ts';

/**
 * The 10th and 90th percentiles of a distribution: exact for the fixed, lognormal, uniform and
 * triangular kinds; for the others (Poisson, negative binomial, PERT, normal) the normal
 * approximation mean ± 1.2816·sd, floored at zero.
 */
export function percentiles10And90(d: Distribution): [number, number] {
  if (typeof d === 'number') return [d, d];
  switch (d.dist) {
    case 'fixed':
      return [d.value, d.value];
    case 'lognormal': {
      const { mu, sigma } = lognormalParams(d.median, d.p90);
      return [Math.exp(mu - Z90 * sigma), d.p90];
    }
    case 'uniform':
      return [d.min + 0.1 * (d.max - d.min), d.min + 0.9 * (d.max - d.min)];
    case 'triangular':
      return [
        triangularQuantile(d.min, d.mode, d.max, 0.1),
        triangularQuantile(d.min, d.mode, d.max, 0.9),
      ];
    default: {
      const mean = expectedMean(d);
      const sd = Math.sqrt(expectedVariance(d));
      return [Math.max(0, mean - Z90 * sd), mean + Z90 * sd];
    }
  }
}

function triangularQuantile(a: number, c: number, b: number, p: number): number {
  if (b === a) return a;
  const f = (c - a) / (b - a);
  return p < f ? a + Math.sqrt(p * (b - a) * (c - a)) : b - Math.sqrt((1 - p) * (b - a) * (b - c));
}

/**
 * The distribution scaled so that every draw is multiplied by `factor` (and so its mean too).
 * Counts shifted by a whole number keep a whole shift: the shift is scaled and rounded down and
 * the mean takes up the rest, so the mean is still multiplied by `factor` exactly.
 */
export function scaleDistribution(d: Distribution, factor: number): Distribution {
  if (typeof d === 'number') return d * factor;
  switch (d.dist) {
    case 'fixed':
      return { ...d, value: d.value * factor };
    case 'poisson':
    case 'negbin': {
      const shift = d.shift ?? 0;
      const scaledShift = Math.floor(shift * factor);
      const mean = (d.mean + shift) * factor - scaledShift;
      return d.shift === undefined ? { ...d, mean } : { ...d, mean, shift: scaledShift };
    }
    case 'lognormal':
      return { ...d, median: d.median * factor, p90: d.p90 * factor };
    case 'uniform':
      return { ...d, min: d.min * factor, max: d.max * factor };
    case 'triangular':
    case 'pert':
      return { ...d, min: d.min * factor, mode: d.mode * factor, max: d.max * factor };
    case 'normal':
    case 'gamma':
      return { ...d, mean: d.mean * factor, sd: d.sd * factor };
  }
}
