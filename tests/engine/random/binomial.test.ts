import { describe, expect, it } from 'vitest';
import { binomial } from '../../../src/engine/random/binomial.ts';
import { streamRng } from '../../../src/engine/random/rng.ts';
import { draws, expectMoments } from './moments.ts';

/** Draws per check: the tolerances are K·σ/√N. */
const N = 20_000;

describe('binomial', () => {
  it.each([
    [20, 0.01],
    [300, 0.05],
    [12, 0.7],
    // n·p (or n·(1 − p)) above 400: the count is split into halves.
    [1000, 0.45],
    [5000, 0.9],
  ])('has mean n·p and variance n·p·(1 − p) for n = %d, p = %d', (n, p) => {
    const rng = streamRng(`binomial-${n}-${p}`);
    const values = draws(N, () => binomial(rng, n, p));
    expect(values.every((k) => Number.isInteger(k) && k >= 0 && k <= n)).toBe(true);
    expectMoments(values, n * p, n * p * (1 - p));
  });

  it('draws 0 or n at the ends of the probability range', () => {
    const rng = streamRng('binomial-ends');
    expect(binomial(rng, 50, 0)).toBe(0);
    expect(binomial(rng, 50, 1)).toBe(50);
    expect(binomial(rng, 0, 0.3)).toBe(0);
  });
});
