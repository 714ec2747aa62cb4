import { expect } from 'vitest';

/** Sample moments and the tolerances a statistical test of them allows. */
export interface Moments {
  n: number;
  mean: number;
  variance: number;
  /** Standard error of the sample mean. */
  meanSe: number;
  /** Standard error of the sample variance, from the sample's fourth central moment. */
  varianceSe: number;
}

export function moments(values: ArrayLike<number>): Moments {
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  const mean = sum / n;
  let m2 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i]! - mean;
    m2 += d * d;
    m4 += d * d * d * d;
  }
  const variance = m2 / (n - 1);
  m2 /= n;
  m4 /= n;
  return {
    n,
    mean,
    variance,
    meanSe: Math.sqrt(variance / n),
    varianceSe: Math.sqrt(Math.max(0, m4 - m2 * m2) / n),
  };
}

/** Draws `n` values. */
export function draws(n: number, draw: () => number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = draw();
  return out;
}

/** Standard errors a sample's moment may lie from the closed form. */
export const K = 5;

/**
 * Checks a sample's mean and variance against closed forms, within K standard errors: of the
 * mean from the closed-form variance, of the variance from the sample's fourth moment.
 */
export function expectMoments(values: ArrayLike<number>, mean: number, variance: number): void {
  const m = moments(values);
  expect(Math.abs(m.mean - mean)).toBeLessThanOrEqual((K * Math.sqrt(variance)) / Math.sqrt(m.n));
  expect(Math.abs(m.variance - variance)).toBeLessThanOrEqual(K * m.varianceSe + 1e-12);
}
