import { describe, expect, it, vi } from 'vitest';
import { poisson } from '../../src/engine/random/poisson.ts';
import { streamRng } from '../../src/engine/random/rng.ts';
import { standardNormal } from '../../src/engine/random/normal.ts';
import { fitTrend } from '../../src/fit/trend.ts';

// Thousands of replications or fits: seconds of work on a busy machine, not a hang.
vi.setConfig({ testTimeout: 60_000 });

/** Monthly counts with mean `level`·(1 + growth)^(t/12). */
function growingCounts(level: number, growth: number, months: number, seed: string): number[] {
  const rng = streamRng(seed);
  return Array.from({ length: months }, (_, t) => poisson(rng, level * (1 + growth) ** (t / 12)));
}

describe('yearly trend', () => {
  it('a 95% interval holds the true growth in about 95 of 100 histories', () => {
    let inside = 0;
    const histories = 200;
    for (let i = 0; i < histories; i++) {
      const t = fitTrend(growingCounts(60, 0.1, 36, `trend-${i}`), 'counts');
      expect(t.low).toBeLessThan(t.estimate);
      expect(t.high).toBeGreaterThan(t.estimate);
      if (t.low <= 0.1 && 0.1 <= t.high) inside++;
    }
    // Binomial(200, 0.95): sd 3.1 histories; allow 4 sd either side.
    expect(Math.abs(inside - 190)).toBeLessThanOrEqual(13);
  });

  it('finds exact growth in noiseless positive values', () => {
    const xs = Array.from({ length: 24 }, (_, t) => 100 * 1.2 ** (t / 12));
    const t = fitTrend(xs, 'positive');
    expect(t.estimate).toBeCloseTo(0.2, 12);
    expect(t.high - t.low).toBeLessThan(1e-9);
  });

  it('widens the interval for counts more variable than a Poisson', () => {
    const rng = streamRng('overdispersed');
    const lumpy = Array.from({ length: 48 }, () =>
      poisson(rng, 40 * Math.exp(0.6 * standardNormal(rng))),
    );
    const rng2 = streamRng('plain');
    const plain = Array.from({ length: 48 }, () => poisson(rng2, 40));
    const width = (xs: number[]) => {
      const t = fitTrend(xs, 'counts');
      return t.high - t.low;
    };
    expect(width(lumpy)).toBeGreaterThan(2 * width(plain));
  });
});
