import { describe, expect, it } from 'vitest';
import { standardNormal } from '../../../src/engine/random/normal.ts';
import { streamRng } from '../../../src/engine/random/rng.ts';
import { draws, expectMoments } from './moments.ts';

/** Draws per check: the tolerances are K·σ/√N. */
const N = 20_000;

describe('standardNormal', () => {
  it('has mean 0 and variance 1', () => {
    const rng = streamRng('normal');
    expectMoments(
      draws(N, () => standardNormal(rng)),
      0,
      1,
    );
  });

  it('puts 90% of draws below 1.2816', () => {
    const rng = streamRng('normal-p90');
    const below = draws(N, () => standardNormal(rng)).filter((x) => x < 1.2815515655446004).length;
    const se = Math.sqrt((0.9 * 0.1) / N);
    expect(Math.abs(below / N - 0.9)).toBeLessThanOrEqual(5 * se);
  });
});
