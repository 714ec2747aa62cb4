import { describe, expect, it } from 'vitest';
import { expectedMean, truncatedNormalMean } from '../../src/scenario/distributionMoments.ts';

/**
 * E[X | X > 0] for X ~ normal(a, 1), computed to 40 digits with mpmath as a + φ(a)/Φ(a): an
 * independent reference, not this code's output.
 */
const REFERENCE: [number, number][] = [
  [0, 0.79788456080286535588],
  [-1, 0.52513527616098120909],
  [-1.5, 0.43867716662254318945],
  [-2.5, 0.32274479766390725047],
  [-3, 0.28309865493043650693],
  [-5, 0.18650396712584211562],
  [-8, 0.12136811223611268065],
  [-38, 0.026279466575868987522],
  [-40, 0.024968847207263723245],
  [-1000, 0.000999998000009999926],
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
