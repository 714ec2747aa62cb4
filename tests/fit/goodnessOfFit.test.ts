import { describe, expect, it } from 'vitest';
import { countPmf, positiveQuantile, qqPoints, rootogram } from '../../src/fit/goodnessOfFit.ts';
import { gammaP } from '../../src/fit/special.ts';
import { normalCdf } from '../../src/scenario/distributionMoments.ts';

const poisson = { dist: 'poisson' as const, mean: 12 };
const negbin = { dist: 'negbin' as const, mean: 40, dispersion: 3 };

describe('count probabilities', () => {
  it('sum to 1 and have the fitted mean', () => {
    for (const d of [poisson, negbin]) {
      let total = 0;
      let mean = 0;
      for (let k = 0; k < 2000; k++) {
        total += countPmf(d, k);
        mean += k * countPmf(d, k);
      }
      expect(total).toBeCloseTo(1, 10);
      expect(mean).toBeCloseTo(d.mean, 8);
    }
    expect(countPmf(poisson, 3)).toBeCloseTo((Math.exp(-12) * 12 ** 3) / 6, 14);
    expect(countPmf({ dist: 'poisson', mean: 0 }, 0)).toBe(1);
    expect(countPmf(poisson, 2.5)).toBe(0);
  });
});

describe('the rootogram', () => {
  const history = [8, 10, 11, 12, 12, 13, 14, 9, 15, 12, 11, 10, 16, 13, 12, 7, 14, 12, 11, 13];

  it('puts every month in one bin and expects about n months in all', () => {
    const bins = rootogram(history, poisson);
    expect(bins.reduce((s, b) => s + b.observed, 0)).toBe(history.length);
    expect(bins.reduce((s, b) => s + b.expected, 0)).toBeCloseTo(history.length, 2);
    bins.slice(1).forEach((b, i) => expect(b.lo).toBe(bins[i]!.hi + 1));
    // Narrow: one count a bin.
    expect(bins.every((b) => b.lo === b.hi)).toBe(true);
    const twelve = bins.find((b) => b.lo === 12)!;
    expect(twelve.observed).toBe(5);
    expect(twelve.expected).toBeCloseTo(history.length * countPmf(poisson, 12), 10);
  });

  it('groups a wide range into bins of equal width', () => {
    const wide = [5, 80, 40, 33, 120, 21, 60, 47, 19, 38];
    const bins = rootogram(wide, negbin, 25);
    const width = bins[0]!.hi - bins[0]!.lo + 1;
    expect(width).toBeGreaterThan(1);
    expect(bins.every((b) => b.hi - b.lo + 1 === width)).toBe(true);
    expect(bins.length).toBeLessThanOrEqual(26);
    expect(bins.reduce((s, b) => s + b.observed, 0)).toBe(wide.length);
    expect(bins.reduce((s, b) => s + b.expected, 0)).toBeCloseTo(wide.length, 1);
  });
});

describe('the gamma distribution function', () => {
  it('matches closed forms', () => {
    for (const x of [0.1, 1, 3, 12]) {
      expect(gammaP(1, x)).toBeCloseTo(1 - Math.exp(-x), 12);
      expect(gammaP(2, x)).toBeCloseTo(1 - Math.exp(-x) * (1 + x), 12);
      // P(½, x) = 2Φ(√(2x)) − 1; Φ here is good to about 1e-7.
      expect(gammaP(0.5, x)).toBeCloseTo(2 * normalCdf(Math.sqrt(2 * x)) - 1, 6);
    }
    expect(gammaP(3, 0)).toBe(0);
  });
});

describe('quantiles and the Q–Q plot', () => {
  const gamma = { dist: 'gamma' as const, mean: 30, sd: 12 };
  const lognormal = { dist: 'lognormal' as const, median: 30, p90: 80 };

  it('inverts the distribution functions', () => {
    const shape = (30 / 12) ** 2;
    const scale = 144 / 30;
    for (const p of [0.01, 0.3, 0.5, 0.95]) {
      expect(gammaP(shape, positiveQuantile(gamma, p) / scale)).toBeCloseTo(p, 9);
    }
    expect(positiveQuantile(lognormal, 0.5)).toBeCloseTo(30, 10);
    expect(positiveQuantile(lognormal, 0.9)).toBeCloseTo(80, 6);
  });

  it('lies on the diagonal for a history that is the fit’s own quantiles', () => {
    const n = 40;
    for (const d of [gamma, lognormal]) {
      const history = Array.from({ length: n }, (_, i) => positiveQuantile(d, (i + 0.5) / n));
      const shuffled = [...history.slice(20), ...history.slice(0, 20)];
      const points = qqPoints(shuffled, d);
      expect(points).toHaveLength(n);
      for (const p of points) expect(p.observed).toBeCloseTo(p.fitted, 9);
    }
  });
});
