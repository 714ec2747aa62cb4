import { describe, expect, it, vi } from 'vitest';
import { pairedRates, quartiles, runsOf, scalingRates } from '../../../scripts/bench/timing.ts';
import type { RunRequest } from '../../../src/runner/runner.ts';
import type { Scenario } from '../../../src/scenario/schema.ts';

describe('quartiles', () => {
  it('takes the medians of the lower and upper halves', () => {
    expect(quartiles([5, 1, 4, 2, 3])).toEqual([1.5, 4.5]);
    expect(quartiles([8, 1, 7, 2, 6, 3])).toEqual([2, 7]);
  });

  it('refuses fewer than two values', () => {
    expect(() => quartiles([1])).toThrow(RangeError);
  });
});

describe('pairedRates', () => {
  it('is the median of the pairs’ own ratios, not the ratio of the medians', async () => {
    const ones = [10, 20, 30];
    const manys = [19, 36, 60];
    const rates = await pairedRates(
      3,
      async (round) => ones[round]!,
      async (round) => manys[round]!,
    );
    expect(rates.one).toBe(20);
    expect(rates.many).toBe(36);
    // Ratios 1.9, 1.8 and 2: their median, where 36 ÷ 20 would give 1.8.
    expect(rates.ratio).toBeCloseTo(1.9, 12);
    expect(rates.ratioQuartiles).toEqual([1.8, 2]);
  });

  it('swaps which side goes first every round', async () => {
    const order: string[] = [];
    await pairedRates(
      3,
      async () => (order.push('one'), 1),
      async () => (order.push('many'), 2),
    );
    expect(order).toEqual(['one', 'many', 'many', 'one', 'one', 'many']);
  });
});

describe('scalingRates', () => {
  it('runs each pool untimed first, then times runs of workers × the replications on the larger', async () => {
    const calls: string[] = [];
    const rates = await scalingRates(
      3,
      10,
      2,
      async (replications, seed) => void calls.push(`one ${replications} ${seed}`),
      async (replications, seed) => void calls.push(`many ${replications} ${seed}`),
    );
    expect(calls.slice(0, 6)).toEqual([
      'one 10 settling-0',
      'many 20 settling-0',
      'one 10 settling-1',
      'many 20 settling-1',
      'one 10 settling-2',
      'many 20 settling-2',
    ]);
    expect(calls.slice(6)).toEqual([
      'one 10 bench-0',
      'many 20 bench-0',
      'many 20 bench-1',
      'one 10 bench-1',
      'one 10 bench-2',
      'many 20 bench-2',
    ]);
    expect(rates.ratio).toBeGreaterThan(0);
  });

  it('gives replications per second of the timed runs alone', async () => {
    let now = 0;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => now);
    try {
      // 10 ms a replication on one worker, 5.5 ms on two; a settling run takes far longer.
      const pool = (msPerReplication: number) => async (replications: number, seed: string) => {
        now += seed.startsWith('settling') ? 1e6 : replications * msPerReplication;
      };
      const rates = await scalingRates(3, 10, 2, pool(10), pool(5.5));
      expect(rates.one).toBeCloseTo(100, 9);
      expect(rates.many).toBeCloseTo(1000 / 5.5, 9);
      expect(rates.ratio).toBeCloseTo(10 / 5.5, 9);
    } finally {
      clock.mockRestore();
    }
  });
});

describe('runsOf', () => {
  it('runs the scenario on the pool with the seed and replications asked for', async () => {
    const asked: RunRequest[] = [];
    const scenario = { name: 'S' } as Scenario;
    const pool = { run: async (request: RunRequest) => void asked.push(request) };
    await runsOf(pool as never, scenario)(12, 'bench-3');
    expect(asked).toEqual([{ scenario, seed: 'bench-3', replications: 12 }]);
  });
});
