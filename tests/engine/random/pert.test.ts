import { describe, expect, it } from 'vitest';
import { pert } from '../../../src/engine/random/pert.ts';
import { streamRng } from '../../../src/engine/random/rng.ts';
import { draws, expectMoments } from './moments.ts';

/** Draws per check: the tolerances are K·σ/√N. */
const N = 20_000;

describe('pert', () => {
  it.each([
    [20, 40, 90],
    [0, 0, 10],
    [5, 9, 10],
  ])('has the closed-form mean and variance for (min %d, mode %d, max %d)', (a, c, b) => {
    const rng = streamRng(`pert-${a}-${c}-${b}`);
    const values = draws(N, () => pert(rng, a, c, b));
    // Beta(α, β) on [a, b]: mean a + (b − a)·α/(α + β), variance (b − a)²·αβ/((α + β)²(α + β + 1)).
    const alpha = 1 + (4 * (c - a)) / (b - a);
    const beta = 1 + (4 * (b - c)) / (b - a);
    const mean = a + ((b - a) * alpha) / (alpha + beta);
    const variance = ((b - a) ** 2 * alpha * beta) / ((alpha + beta) ** 2 * (alpha + beta + 1));
    expect(mean).toBeCloseTo((a + 4 * c + b) / 6, 12);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(a);
    expect(Math.max(...values)).toBeLessThanOrEqual(b);
    expectMoments(values, mean, variance);
  });

  it('returns min when min equals max', () => {
    expect(pert(streamRng('pert-flat'), 7, 7, 7)).toBe(7);
  });
});
