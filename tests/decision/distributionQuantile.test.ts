import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distributionQuantile } from '../../src/decision/distributionQuantile.ts';
import { gammaP } from '../../src/fit/special.ts';
import type { Distribution } from '../../src/scenario/distribution.ts';

const P = [0.05, 0.5, 0.95];

/** P(X ≤ k) of a count, summed term by term from its probability of 0 by the recurrence. */
function countCdf(first: number, ratio: (k: number) => number, k: number): number {
  let term = first;
  let sum = term;
  for (let j = 1; j <= k; j++) {
    term *= ratio(j);
    sum += term;
  }
  return sum;
}

describe('distributionQuantile', () => {
  it('gives closed-form quantiles exactly', () => {
    const uniform: Distribution = { dist: 'uniform', min: 30, max: 50 };
    expect(P.map((p) => distributionQuantile(uniform, p))).toEqual([31, 40, 49]);
    expect(distributionQuantile({ dist: 'fixed', value: 7 }, 0.05)).toBe(7);
    expect(distributionQuantile(7, 0.95)).toBe(7);
    // A lognormal's median is its median, and its 90th percentile its p90.
    const lognormal: Distribution = { dist: 'lognormal', median: 100, p90: 200 };
    expect(distributionQuantile(lognormal, 0.5)).toBeCloseTo(100, 9);
    expect(distributionQuantile(lognormal, 0.9)).toBeCloseTo(200, 6);
    // A triangular from 0 to 4 with its mode at 1: F(x) = x²/4 below 1, so the 5th percentile is √0.2.
    const triangular: Distribution = { dist: 'triangular', min: 0, mode: 1, max: 4 };
    expect(distributionQuantile(triangular, 0.05)).toBeCloseTo(Math.sqrt(0.2), 12);
    // A normal far from 0 is untouched by its truncation: mean ± 1.6449 sd.
    const normal: Distribution = { dist: 'normal', mean: 100, sd: 5 };
    expect(distributionQuantile(normal, 0.95)).toBeCloseTo(100 + 1.6448536 * 5, 4);
  });

  it('gives a symmetric PERT its mode as median, and its percentiles mirror each other', () => {
    const pert: Distribution = { dist: 'pert', min: 2, mode: 5, max: 8 };
    const [low, median, high] = P.map((p) => distributionQuantile(pert, p));
    expect(median).toBeCloseTo(5, 9);
    expect(low! + high!).toBeCloseTo(10, 9);
    expect(low).toBeGreaterThan(2);
  });

  it('gives an exponential gamma (mean = sd) its quantile −mean·ln(1 − p)', () => {
    const gamma: Distribution = { dist: 'gamma', mean: 3, sd: 3 };
    for (const p of P) expect(distributionQuantile(gamma, p)).toBeCloseTo(-3 * Math.log(1 - p), 9);
    // P(a, x) for a whole a is 1 − e^(−x) Σ_{j<a} x^j/j!.
    expect(gammaP(3, 2)).toBeCloseTo(1 - Math.exp(-2) * (1 + 2 + 2), 12);
    expect(gammaP(3, 20)).toBeCloseTo(1 - Math.exp(-20) * (1 + 20 + 200), 12);
  });

  it('gives a count the smallest whole k whose distribution function reaches p', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 200, noNaN: true }),
        fc.double({ min: 0.2, max: 50, noNaN: true }),
        fc.integer({ min: 0, max: 5 }),
        fc.constantFrom(...P),
        (mean, dispersion, shift, p) => {
          const cdfs: [Distribution, (k: number) => number][] = [
            [
              { dist: 'poisson', mean, shift },
              (k) => countCdf(Math.exp(-mean), (j) => mean / j, k),
            ],
            [
              { dist: 'negbin', mean, dispersion, shift },
              (k) => {
                const q = dispersion / (dispersion + mean);
                return countCdf(q ** dispersion, (j) => ((j - 1 + dispersion) / j) * (1 - q), k);
              },
            ],
          ];
          for (const [d, cdf] of cdfs) {
            const k = distributionQuantile(d, p) - shift;
            expect(Number.isInteger(k)).toBe(true);
            expect(cdf(k)).toBeGreaterThanOrEqual(p - 1e-9);
            if (k > 0) expect(cdf(k - 1)).toBeLessThan(p + 1e-9);
          }
        },
      ),
      { numRuns: 200, interruptAfterTimeLimit: 20_000 },
    );
  });

  it('takes a very large count from the normal approximation', () => {
    const q = distributionQuantile({ dist: 'poisson', mean: 5e6 }, 0.95);
    expect(Math.abs(q - (5e6 + 1.6448536 * Math.sqrt(5e6)))).toBeLessThan(2);
  });
});
