import { describe, expect, it } from 'vitest';
import { triangular } from '../../../src/engine/random/triangular.ts';
import { streamRng } from '../../../src/engine/random/rng.ts';
import { draws, expectMoments } from './moments.ts';

/** Draws per check: the tolerances are K·σ/√N. */
const N = 20_000;

describe('triangular', () => {
  it.each([
    [0, 0, 1],
    [2, 5, 9],
    [10, 40, 40],
  ])('has the closed-form mean and variance for (min %d, mode %d, max %d)', (a, c, b) => {
    const rng = streamRng(`triangular-${a}-${c}-${b}`);
    const values = draws(N, () => triangular(rng, a, c, b));
    expect(Math.min(...values)).toBeGreaterThanOrEqual(a);
    expect(Math.max(...values)).toBeLessThanOrEqual(b);
    expectMoments(values, (a + b + c) / 3, (a * a + b * b + c * c - a * b - a * c - b * c) / 18);
  });
});
