import { normalQuantile } from '../../src/engine/random/normalQuantile.ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inThreadEvaluate } from '../../src/decision/evaluate.ts';
import {
  lookSchedule,
  meanAndSd,
  ReplicationStore,
  sequentialZ,
  wilsonInterval,
} from '../../src/decision/sequential.ts';
import { runScenario } from '../../src/engine/run.ts';
import { tinyScenario } from './tinyScenario.ts';

describe('lookSchedule', () => {
  it('doubles from the first look and always ends at the cap', () => {
    expect(lookSchedule(2000)).toEqual([50, 100, 200, 400, 800, 1600, 2000]);
    expect(lookSchedule(400)).toEqual([50, 100, 200, 400]);
    expect(lookSchedule(30)).toEqual([30]);
    expect(lookSchedule(100, 100)).toEqual([100]);
  });

  it('refuses a cap below one replication', () => {
    expect(() => lookSchedule(0)).toThrow(/at least 1/);
  });
});

describe('sequentialZ', () => {
  it('splits the error evenly over the looks (Bonferroni)', () => {
    expect(sequentialZ(0.95, 1)).toBeCloseTo(1.959963985, 8);
    // 7 looks: each two-sided at 0.05 / 7, so z = Φ⁻¹(1 − 0.025 / 7).
    expect(sequentialZ(0.95, 7)).toBeCloseTo(normalQuantile(1 - 0.025 / 7), 12);
    expect(sequentialZ(0.95, 7)).toBeGreaterThan(2.6);
  });
});

describe('wilsonInterval', () => {
  it('stays inside 0 and 1 and is not a point at a share of 0 or 1', () => {
    const z = 1.96;
    const [low0, high0] = wilsonInterval(0, 50, z);
    expect(low0).toBe(0);
    expect(high0).toBeCloseTo(z ** 2 / (50 + z ** 2), 12);
    const [low1, high1] = wilsonInterval(50, 50, z);
    expect(low1).toBeCloseTo(50 / (50 + z ** 2), 12);
    expect(high1).toBe(1);
  });

  it('holds its share and narrows as the count grows', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, share) => {
          const hits = Math.round(share * n);
          const [low, high] = wilsonInterval(hits, n, 2);
          expect(low).toBeLessThanOrEqual(hits / n + 1e-12);
          expect(high).toBeGreaterThanOrEqual(hits / n - 1e-12);
          const [low4, high4] = wilsonInterval(hits * 4, n * 4, 2);
          expect(high4 - low4).toBeLessThanOrEqual(high - low + 1e-12);
        },
      ),
      { interruptAfterTimeLimit: 2000 },
    );
  });
});

describe('meanAndSd', () => {
  it('gives the sample mean and standard deviation of the first n values', () => {
    expect(meanAndSd([2, 4, 4, 4, 5, 5, 7, 9])).toEqual({ mean: 5, sd: Math.sqrt(32 / 7) });
    expect(meanAndSd([1, 3, 100], 2)).toEqual({ mean: 2, sd: Math.SQRT2 });
  });
});

describe('ReplicationStore', () => {
  it('continued in steps gives the values of one long run, replication by replication', async () => {
    const scenario = tinyScenario({ casesPerMonth: { dist: 'poisson', mean: 10 }, inPost: 2 });
    const store = new ReplicationStore(scenario, 'seq', 'unexaminedSuspects', inThreadEvaluate(7));
    await store.upTo(13);
    await store.upTo(13);
    await store.upTo(40);
    const stepped = await store.upTo(90);
    const long = runScenario(scenario, { seed: 'seq', replications: 90 }).values(
      'unexaminedSuspects',
    );
    expect(store.replications).toBe(90);
    expect(Array.from(stepped)).toEqual(Array.from(long));
  });
});
