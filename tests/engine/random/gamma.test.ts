import { describe, expect, it } from 'vitest';
import { standardGamma } from '../../../src/engine/random/gamma.ts';
import { streamRng } from '../../../src/engine/random/rng.ts';
import { draws, expectMoments } from './moments.ts';

/** Draws per check: the tolerances are K·σ/√N. */
const N = 20_000;

describe('standardGamma', () => {
  it.each([0.3, 0.8, 1, 2.5, 30])('has mean and variance equal to its shape %d', (shape) => {
    const rng = streamRng(`gamma-${shape}`);
    const values = draws(N, () => standardGamma(rng, shape));
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expectMoments(values, shape, shape);
  });
});
