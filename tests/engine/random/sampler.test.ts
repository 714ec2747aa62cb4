import { describe, expect, it } from 'vitest';
import { amountSampler, countSampler } from '../../../src/engine/random/sampler.ts';
import { streamRng } from '../../../src/engine/random/rng.ts';
import type { Distribution } from '../../../src/scenario/distribution.ts';
import { expectedMean, expectedVariance, Z90 } from '../../../src/scenario/distributionMoments.ts';
import { draws, expectMoments, K, moments } from './moments.ts';

const N = 20_000;

function sample(kind: 'count' | 'amount', d: Distribution, scale = 1, n = N): Float64Array {
  const draw = (kind === 'count' ? countSampler : amountSampler)(d);
  const rng = streamRng(`sampler-${JSON.stringify(d)}-${scale}`);
  return draws(n, () => draw(rng, scale));
}

/** Φ(x) by the error function's series: accurate to 1e-12 for |x| < 6. */
function phi(x: number): number {
  const z = x / Math.SQRT2;
  let term = z;
  let sum = z;
  for (let k = 1; k < 200; k++) {
    term *= (-z * z) / k;
    sum += term / (2 * k + 1);
  }
  return 0.5 + sum / Math.sqrt(Math.PI);
}

describe('fixed values', () => {
  it('draws a bare number or a fixed value exactly, times the scale', () => {
    const rng = streamRng('fixed');
    expect(amountSampler(7.5)(rng, 2)).toBe(15);
    expect(amountSampler({ dist: 'fixed', value: 3 })(rng, 1.5)).toBe(4.5);
    expect(countSampler({ dist: 'fixed', value: 3 })(rng, 1.5)).toBe(5);
    expect(countSampler(2.4)(rng, 1)).toBe(2);
  });
});

describe('poisson', () => {
  it('adds the shift after the draw: mean + shift, variance mean', () => {
    const values = sample('count', { dist: 'poisson', mean: 4, shift: 2 });
    expect(Math.min(...values)).toBeGreaterThanOrEqual(2);
    expectMoments(values, 6, 4);
  });

  it('scales the mean of the random part, not the shift', () => {
    const values = sample('count', { dist: 'poisson', mean: 4, shift: 2 }, 3);
    expect(values.every(Number.isInteger)).toBe(true);
    expectMoments(values, 2 + 12, 12);
  });
});

describe('negbin', () => {
  it.each([
    [5, 0.5],
    [20, 4],
    [40, 200],
  ])('has mean %d and variance mean + mean²/dispersion (dispersion %d)', (mean, dispersion) => {
    const values = sample('count', { dist: 'negbin', mean, dispersion });
    expect(values.every((k) => Number.isInteger(k) && k >= 0)).toBe(true);
    expectMoments(values, mean, mean + (mean * mean) / dispersion);
  });

  it('adds the shift after the draw and scales the mean only', () => {
    const values = sample('count', { dist: 'negbin', mean: 6, dispersion: 3, shift: 1 }, 2);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(1);
    expectMoments(values, 1 + 12, 12 + 144 / 3);
  });
});

describe('lognormal', () => {
  it('has median and 90th percentile as given and mean exp(μ + σ²/2)', () => {
    const median = 8000;
    const p90 = 80_000;
    const values = sample('amount', { dist: 'lognormal', median, p90 });
    const mu = Math.log(median);
    const sigma = (Math.log(p90) - mu) / Z90;
    const logs = values.map(Math.log);
    expectMoments(logs, mu, sigma * sigma);
    const below = (x: number) => values.filter((v) => v < x).length / N;
    const se = (p: number) => Math.sqrt((p * (1 - p)) / N);
    expect(Math.abs(below(median) - 0.5)).toBeLessThanOrEqual(K * se(0.5));
    expect(Math.abs(below(p90) - 0.9)).toBeLessThanOrEqual(K * se(0.9));
    // The mean of a heavy tail converges slowly; its standard error is the closed-form sd/√N.
    const mean = Math.exp(mu + (sigma * sigma) / 2);
    const sd = Math.sqrt((Math.exp(sigma * sigma) - 1) * Math.exp(2 * mu + sigma * sigma));
    expect(Math.abs(moments(values).mean - mean)).toBeLessThanOrEqual((K * sd) / Math.sqrt(N));
    expect(expectedMean({ dist: 'lognormal', median, p90 })).toBeCloseTo(mean, 6);
  });

  it('multiplies the draw by the scale', () => {
    const values = sample('amount', { dist: 'lognormal', median: 10, p90: 20 }, 3);
    const logs = values.map((v) => Math.log(v / 3));
    expectMoments(logs, Math.log(10), (Math.log(2) / Z90) ** 2);
  });
});

describe('uniform, triangular and pert amounts', () => {
  it.each<Distribution>([
    { dist: 'uniform', min: 2, max: 10 },
    { dist: 'triangular', min: 1, mode: 2, max: 10 },
    { dist: 'pert', min: 20, mode: 40, max: 90 },
  ])('draw within their range with the closed-form mean and variance: %j', (d) => {
    const values = sample('amount', d);
    const range = d as { min: number; max: number };
    expect(Math.min(...values)).toBeGreaterThanOrEqual(range.min);
    expect(Math.max(...values)).toBeLessThanOrEqual(range.max);
    expectMoments(values, expectedMean(d), expectedVariance(d));
  });

  it('scale a draw by multiplying it', () => {
    const d: Distribution = { dist: 'uniform', min: 2, max: 10 };
    expectMoments(sample('amount', d, 0.5), 3, 64 / 12 / 4);
  });
});

describe('normal', () => {
  it('is truncated at 0: never negative, with the truncated mean', () => {
    const d: Distribution = { dist: 'normal', mean: 1, sd: 2 };
    const values = sample('amount', d);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    // Mean of N(μ, σ²) given X ≥ 0: μ + σ·φ(α)/Φ(α), α = μ/σ.
    const a = 0.5;
    const pdf = Math.exp((-a * a) / 2) / Math.sqrt(2 * Math.PI);
    const truncatedMean = 1 + (2 * pdf) / phi(a);
    const truncatedVariance = 4 * (1 - (a * pdf) / phi(a) - (pdf / phi(a)) ** 2);
    expectMoments(values, truncatedMean, truncatedVariance);
    expect(expectedMean(d)).toBeCloseTo(truncatedMean, 5);
  });

  it('far from 0 is the untruncated normal', () => {
    expectMoments(sample('amount', { dist: 'normal', mean: 30, sd: 3 }), 30, 9);
  });
});

describe('gamma', () => {
  it('has the mean and standard deviation it is given, scaled', () => {
    for (const [mean, sd] of [
      [50, 30],
      [2, 5],
      [10, 1],
    ] as const) {
      const d: Distribution = { dist: 'gamma', mean, sd };
      expectMoments(sample('amount', d, 1.5), mean * 1.5, (sd * 1.5) ** 2);
      expect(expectedMean(d)).toBe(mean);
      expect(expectedVariance(d)).toBe(sd * sd);
    }
  });

  it('is its mean when the spread is 0 and never below 0', () => {
    expect(Math.min(...sample('amount', { dist: 'gamma', mean: 4, sd: 0 }, 1, 100))).toBe(4);
    expect(Math.max(...sample('amount', { dist: 'gamma', mean: 4, sd: 0 }, 1, 100))).toBe(4);
    expect(Math.min(...sample('amount', { dist: 'gamma', mean: 1, sd: 3 }))).toBeGreaterThanOrEqual(
      0,
    );
  });
});

describe('counts from continuous kinds', () => {
  it('are rounded to the nearest whole number', () => {
    const values = sample('count', { dist: 'uniform', min: 0, max: 2 });
    expect(values.every(Number.isInteger)).toBe(true);
    // Round(U(0, 2)): 0 w.p. 1/4, 1 w.p. 1/2, 2 w.p. 1/4.
    expectMoments(values, 1, 0.5);
  });

  it('are rounded after scaling', () => {
    const values = sample('count', { dist: 'triangular', min: 3, mode: 3, max: 3 }, 1.25);
    expect([...new Set(values)]).toEqual([4]);
  });

  it.each<Distribution>([
    { dist: 'lognormal', median: 4, p90: 12 },
    { dist: 'pert', min: 1, mode: 3, max: 8 },
    { dist: 'normal', mean: 5, sd: 2 },
  ])('keep the mean of the continuous draw within rounding: %j', (d) => {
    const values = sample('count', d);
    expect(values.every(Number.isInteger)).toBe(true);
    const m = moments(values);
    // Rounding moves the mean of a smooth distribution by far less than 0.05.
    expect(Math.abs(m.mean - expectedMean(d))).toBeLessThanOrEqual(K * m.meanSe + 0.05);
  });
});
