import { describe, expect, it } from 'vitest';
import {
  estimateWithHalfWidth,
  inThreadRange,
  runUntilPrecise,
  type RunRange,
} from '../../src/decision/precision.ts';
import { tinyScenario } from './tinyScenario.ts';

const scenario = tinyScenario({ casesPerMonth: { dist: 'poisson', mean: 10 }, inPost: 2 });

/** Runs each batch's chunks last first, as a pool whose workers finish out of order would. */
function reversed(chunkSize: number): RunRange {
  const inner = inThreadRange(chunkSize);
  return async (...args) => (await inner(...args)).reverse();
}

describe('precision', () => {
  it('stops at the same count whatever the chunking or the order chunks arrive in', async () => {
    const options = {
      metric: 'unexaminedSuspects' as const,
      statistic: 'mean' as const,
      relativeTolerance: 0.02,
      seed: 'p',
      batchSize: 40,
      maxReplications: 2000,
    };
    const a = await runUntilPrecise(scenario, options, inThreadRange(7));
    const b = await runUntilPrecise(scenario, options, inThreadRange(100));
    const c = await runUntilPrecise(scenario, options, reversed(3));
    expect(a.precise).toBe(true);
    expect(a.replications % 40).toBe(0);
    expect(a.replications).toBeGreaterThan(40);
    expect(b.replications).toBe(a.replications);
    expect(c.replications).toBe(a.replications);
    expect(b.estimate).toBe(a.estimate);
    expect(c.checks).toEqual(a.checks);
    expect(a.halfWidth).toBeLessThanOrEqual(0.02 * a.estimate);
  });

  it('stops at the cap when the tolerance cannot be met, saying so', async () => {
    const r = await runUntilPrecise(
      scenario,
      {
        metric: 'unexaminedSuspects',
        statistic: 'p95',
        relativeTolerance: 1e-6,
        seed: 'p',
        batchSize: 30,
        maxReplications: 70,
      },
      inThreadRange(),
    );
    expect(r.precise).toBe(false);
    expect(r.replications).toBe(70);
    expect(r.checks.map((c) => c.replications)).toEqual([30, 60, 70]);
  });

  it('gives the mean a half-width of 1.96 standard errors', () => {
    const check = estimateWithHalfWidth(Float64Array.from([1, 2, 3, 4]), 'mean');
    expect(check.estimate).toBe(2.5);
    expect(check.halfWidth).toBeCloseTo((1.96 * Math.sqrt(5 / 3)) / 2, 12);
  });

  it('bounds a percentile between order statistics and calls it unbounded when the sample is too small', () => {
    const values = Float64Array.from({ length: 1000 }, (_, i) => i);
    // Ranks 500 ∓ 1.96·√250 = 469.0 and 531.0, i.e. values 468 and 530.
    expect(estimateWithHalfWidth(values, 'p50').halfWidth).toBe(31);
    expect(estimateWithHalfWidth(Float64Array.from([1, 2, 3]), 'p95').halfWidth).toBe(Infinity);
  });
});
