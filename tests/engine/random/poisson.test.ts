import { describe, expect, it } from 'vitest';
import { poisson } from '../../../src/engine/random/poisson.ts';
import { streamRng } from '../../../src/engine/random/rng.ts';
import { draws, expectMoments } from './moments.ts';

/** Draws per check: the tolerances are K·σ/√N. */
const N = 20_000;

describe('poisson', () => {
  it.each([0.2, 3, 9.9, 10, 37, 2500])('has mean and variance equal to %d', (mean) => {
    const rng = streamRng(`poisson-${mean}`);
    const values = draws(N, () => poisson(rng, mean));
    expect(values.every((k) => Number.isInteger(k) && k >= 0)).toBe(true);
    expectMoments(values, mean, mean);
  });

  it('gives the Poisson probability of each small count on the rejection path', () => {
    const mean = 12;
    const rng = streamRng('poisson-pmf');
    const values = draws(N, () => poisson(rng, mean));
    let pmf = Math.exp(-mean);
    for (let k = 0; k <= 25; k++) {
      if (k > 0) pmf *= mean / k;
      const share = values.filter((x) => x === k).length / N;
      expect(Math.abs(share - pmf)).toBeLessThanOrEqual(5 * Math.sqrt((pmf * (1 - pmf)) / N));
    }
  });

  it('draws 0 for a mean of 0', () => {
    const rng = streamRng('poisson-0');
    expect(poisson(rng, 0)).toBe(0);
  });
});
