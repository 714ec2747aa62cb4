import { describe, expect, it } from 'vitest';
import { DENSITY, normalTail, R, standardNormal, V, X } from '../../../src/engine/random/normal.ts';
import { streamRng } from '../../../src/engine/random/rng.ts';
import { draws, expectMoments, K } from './moments.ts';

/** Draws per moment check: the tolerances are K·σ/√N. */
const N = 200_000;
/** Draws for tail probabilities: P(Z > 4) ≈ 3.2·10⁻⁵ then has about 130 draws beyond it. */
const TAIL_N = 4_000_000;

const f = (x: number) => Math.exp(-0.5 * x * x);

/**
 * ∫_c^∞ exp(−x²/2) dx for c > 2, as exp(−c²/2) / (c + 1/(c + 2/(c + 3/(…)))), the Mills ratio's
 * continued fraction cut at 200 terms (far more than double precision needs there).
 */
function tailIntegral(c: number): number {
  let t = c;
  for (let k = 200; k >= 1; k--) t = c + k / t;
  return f(c) / t;
}

/** P(Z > c) for a standard normal Z, c > 2. */
const upper = (c: number) => tailIntegral(c) / Math.sqrt(2 * Math.PI);

/** Checks that a share `hits / n` lies within K standard errors of the probability `p`. */
function expectShare(hits: number, n: number, p: number): void {
  expect(Math.abs(hits / n - p)).toBeLessThanOrEqual(K * Math.sqrt((p * (1 - p)) / n));
}

describe('the ziggurat tables', () => {
  it('give every layer and the base strip the same area V', () => {
    for (let i = 2; i < X.length; i++) {
      expect(X[i]! * (DENSITY[i - 1]! - DENSITY[i]!)).toBeCloseTo(V, 15);
    }
    // The top layer closes at f(0) = 1: this is what R was chosen for.
    expect(Math.abs((X[1]! * (1 - DENSITY[1]!)) / V - 1)).toBeLessThan(1e-12);
    expect(Math.abs((R * f(R) + tailIntegral(R)) / V - 1)).toBeLessThan(1e-14);
  });

  it('are Marsaglia and Tsang’s to their published digits', () => {
    expect(R).toBeCloseTo(3.442619855899, 11);
    expect(V).toBeCloseTo(9.91256303526217e-3, 12);
  });
});

describe('standardNormal', () => {
  it('has mean 0 and variance 1', () => {
    const rng = streamRng('normal');
    expectMoments(
      draws(N, () => standardNormal(rng)),
      0,
      1,
    );
  });

  it('has skewness 0 and kurtosis 3', () => {
    const rng = streamRng('normal-shape');
    const z = draws(N, () => standardNormal(rng));
    // Z³ has variance 15 and Z⁴ has mean 3 and variance 105 − 9 = 96.
    const mean3 = z.reduce((s, x) => s + x * x * x, 0) / N;
    const mean4 = z.reduce((s, x) => s + x ** 4, 0) / N;
    expect(Math.abs(mean3)).toBeLessThanOrEqual(K * Math.sqrt(15 / N));
    expect(Math.abs(mean4 - 3)).toBeLessThanOrEqual(K * Math.sqrt(96 / N));
  });

  it('matches the normal distribution function at points across every layer', () => {
    const rng = streamRng('normal-cdf');
    const z = draws(N, () => standardNormal(rng));
    // Points inside the layers, from the top layer (X[1] ≈ 0.27) to the base strip.
    const points = [-2, -1, -0.5, -0.1, 0, 0.1, 0.27, 0.5, 1, 1.2815515655446004, 2, 3];
    for (const c of points) {
      const below = z.filter((x) => x < c).length;
      const p = c > 2 ? 1 - upper(c) : c < -2 ? upper(-c) : phi(c);
      expectShare(below, N, p);
    }
  });

  it('draws the tails beyond the base strip as often as the normal has them, on both sides', () => {
    const rng = streamRng('normal-tail');
    let beyondR = 0;
    let belowMinusR = 0;
    let beyond4 = 0;
    let beyond45 = 0;
    for (let i = 0; i < TAIL_N; i++) {
      const x = standardNormal(rng);
      if (x > R) beyondR++;
      if (x < -R) belowMinusR++;
      if (x > 4) beyond4++;
      if (Math.abs(x) > 4.5) beyond45++;
    }
    expectShare(beyondR, TAIL_N, upper(R));
    expectShare(belowMinusR, TAIL_N, upper(R));
    expectShare(beyond4, TAIL_N, upper(4));
    expectShare(beyond45, TAIL_N, 2 * upper(4.5));
  });
});

describe('normalTail', () => {
  /** E[Z | Z > R] and E[Z² | Z > R] from the tail integral: f(R)/T and 1 + R·f(R)/T. */
  const T = tailIntegral(R);
  const mean = f(R) / T;
  const variance = 1 + (R * f(R)) / T - mean * mean;

  it('has the mean and variance of a normal beyond R', () => {
    const rng = streamRng('normal-tail-moments');
    const t = draws(N, () => normalTail(rng));
    expect(t.reduce((m, x) => Math.min(m, x), Infinity)).toBeGreaterThan(R);
    expectMoments(t, mean, variance);
  });

  it('falls off as the normal does beyond R', () => {
    const rng = streamRng('normal-tail-shape');
    const t = draws(N, () => normalTail(rng));
    for (const c of [R + 0.1, R + 0.3, R + 1, R + 2]) {
      const beyond = t.filter((x) => x > c).length;
      expectShare(beyond, N, tailIntegral(c) / T);
    }
  });
});

/**
 * Φ(c) for |c| ≤ 2 by its Taylor series, Φ(c) = 1/2 + φ(0)·Σ (−1)ⁿ c^(2n+1) / (2ⁿ n! (2n + 1)),
 * summed to 60 terms: within 10⁻¹⁴ there.
 */
function phi(c: number): number {
  let term = c;
  let sum = c;
  for (let n = 1; n < 60; n++) {
    term *= (-c * c) / (2 * n);
    sum += term / (2 * n + 1);
  }
  return 0.5 + sum / Math.sqrt(2 * Math.PI);
}
