import { describe, expect, it } from 'vitest';
import { expectedMean, truncatedNormalMean } from '../../src/scenario/distributionMoments.ts';

/**
 * E[X | X > 0] for X ~ normal(a, 1), computed to 40 digits with mpmath as a + φ(a)/Φ(a) and
 * rounded to the nearest double: an independent reference, not this code's output.
 */
const REFERENCE: [number, number][] = [
  [0, 0.7978845608028654],
  [-1, 0.5251352761609812],
  [-1.5, 0.4386771666225432],
  [-2.5, 0.32274479766390723],
  [-3, 0.2830986549304365],
  [-5, 0.1865039671258421],
  [-8, 0.12136811223611269],
  [-38, 0.02627946657586899],
  [-40, 0.024968847207263722],
  [-1000, 0.00099999800001],
];

describe('the truncated normal mean', () => {
  it.each(REFERENCE)('at %d sd matches the 40-digit reference', (a, exact) => {
    const mean = truncatedNormalMean(a, 1);
    // Above −2 sd Φ comes from a 1.5e-7 approximation; below it the continued fraction is exact.
    const tolerance = a >= -2 ? 5e-5 : 1e-15;
    expect(Math.abs(mean - exact) / exact).toBeLessThan(tolerance);
    expect(truncatedNormalMean(a * 1000, 1000) / 1000).toBeCloseTo(mean, 12);
  });

  it('stays finite and at least 0 where mean / sd is past any double', () => {
    expect(truncatedNormalMean(-1e10, Number.MIN_VALUE)).toBe(0);
    expect(truncatedNormalMean(1e10, Number.MIN_VALUE)).toBe(1e10);
    expect(truncatedNormalMean(-Number.MIN_VALUE, Number.MIN_VALUE)).toBeGreaterThanOrEqual(0);
    expect(truncatedNormalMean(-3, 0)).toBe(0);
  });

  it('is what expectedMean gives for a normal', () => {
    expect(expectedMean({ dist: 'normal', mean: -380, sd: 10 })).toBe(
      truncatedNormalMean(-380, 10),
    );
    expect(Number.isFinite(expectedMean({ dist: 'normal', mean: -400, sd: 10 }))).toBe(true);
  });
});
