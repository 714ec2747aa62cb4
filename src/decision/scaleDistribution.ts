import type { Distribution } from '../scenario/distribution.ts';

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
