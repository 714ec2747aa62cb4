import { deviation, quantile } from 'd3-array';
import { describe, expect, it } from 'vitest';
import { PERCENTILES, statOf } from '../../../src/engine/aggregate/statistic.ts';
import { streamRng } from '../../../src/engine/random/rng.ts';

describe('statOf', () => {
  it.each([1, 2, 5, 20, 1001])('gives d3.quantile percentiles for %d values', (n) => {
    const rng = streamRng(`stat-${n}`);
    const values = Float64Array.from(
      { length: n },
      () => Math.exp(10 * rng()) * (rng() < 0.2 ? 0 : 1),
    );
    const stat = statOf(values);
    for (const [name, p] of Object.entries(PERCENTILES))
      expect(stat[name as keyof typeof PERCENTILES]).toBe(quantile(values, p));
    expect(stat.min).toBe(Math.min(...values));
    expect(stat.max).toBe(Math.max(...values));
    expect(stat.mean).toBeCloseTo(values.reduce((a, b) => a + b, 0) / n, 6);
    expect(stat.sd).toBeCloseTo(n > 1 ? deviation(values)! : 0, 6);
    expect(stat.se).toBeCloseTo(stat.sd / Math.sqrt(n), 12);
  });

  it('does not depend on the order of the values', () => {
    const values = Float64Array.from([5.5, 0.1, 3, 1e9, 0.2, 7]);
    expect(statOf(values.slice().reverse())).toEqual(statOf(values));
  });
});
