import { describe, expect, it, vi } from 'vitest';
import { amountSampler, countSampler } from '../../src/engine/random/sampler.ts';
import { streamRng } from '../../src/engine/random/rng.ts';
import { backtest } from '../../src/fit/backtest.ts';
import type { Distribution } from '../../src/scenario/distribution.ts';

// Thousands of replications or fits: seconds of work on a busy machine, not a hang.
vi.setConfig({ testTimeout: 60_000 });

function history(d: Distribution, months: number, seed: string, counts: boolean): number[] {
  const draw = (counts ? countSampler : amountSampler)(d);
  const rng = streamRng(seed);
  return Array.from({ length: months }, () => draw(rng, 1));
}

describe('back-testing', () => {
  it('over many histories from a correctly specified model, coverage is near nominal', () => {
    const histories = 150;
    const holdout = 12;
    let in50 = 0;
    let in90 = 0;
    for (let i = 0; i < histories; i++) {
      const xs = history({ dist: 'gamma', mean: 20, sd: 12 }, 48, `bt-${i}`, false);
      const b = backtest(xs, 'positive', holdout, `draws-${i}`);
      in50 += b.coverage50;
      in90 += b.coverage90;
    }
    const months = histories * holdout;
    // Months of one history share its fit, so allow twice the binomial standard error, at 4 sd.
    const tol = (p: number) => 4 * 2 * Math.sqrt((p * (1 - p)) / months);
    expect(Math.abs(in50 / histories - 0.5)).toBeLessThanOrEqual(tol(0.5));
    expect(Math.abs(in90 / histories - 0.9)).toBeLessThanOrEqual(tol(0.9));
  });

  it('counts are covered at least nominally (a count on a band edge is inside)', () => {
    let in90 = 0;
    for (let i = 0; i < 100; i++) {
      const xs = history({ dist: 'poisson', mean: 30 }, 36, `btc-${i}`, true);
      in90 += backtest(xs, 'counts', 12, `c-${i}`).coverage90;
    }
    expect(in90 / 100).toBeGreaterThanOrEqual(0.9 - 4 * 2 * Math.sqrt((0.9 * 0.1) / 1200));
  });

  it('a level that jumps after the fit is caught: coverage falls far below nominal', () => {
    const before = history({ dist: 'poisson', mean: 30 }, 24, 'jump-a', true);
    const after = history({ dist: 'poisson', mean: 60 }, 12, 'jump-b', true);
    const b = backtest([...before, ...after], 'counts', 12);
    expect(b.coverage90).toBeLessThan(0.2);
    expect(b.months.map((m) => m.month)).toEqual(Array.from({ length: 12 }, (_, i) => 25 + i));
  });

  it('gives the same answer every time and refuses too long a hold-out', () => {
    const xs = history({ dist: 'poisson', mean: 10 }, 20, 'same', true);
    expect(backtest(xs, 'counts', 6)).toEqual(backtest(xs, 'counts', 6));
    expect(() => backtest(xs, 'counts', 15)).toThrow('from 1 to 14');
  });
});
