import { describe, expect, it } from 'vitest';
import { histogram } from '../../src/results/histogram.ts';

describe('histogram', () => {
  it('counts every value exactly once in bins that tile the range', () => {
    const values = Float64Array.from({ length: 1000 }, (_, i) => (i * 7919) % 1000);
    const bins = histogram(values, 10);
    expect(bins.reduce((n, b) => n + b.count, 0)).toBe(1000);
    for (let i = 1; i < bins.length; i++) expect(bins[i]!.x0).toBe(bins[i - 1]!.x1);
    expect(bins[0]!.x0).toBeLessThanOrEqual(0);
    expect(bins.at(-1)!.x1).toBeGreaterThanOrEqual(999);
  });

  it('gives one bin around values that are all equal', () => {
    expect(histogram([5, 5, 5])).toEqual([{ x0: 4.5, x1: 5.5, count: 3 }]);
  });

  it('returns no bins for no values and ignores values that are not finite', () => {
    expect(histogram([])).toEqual([]);
    expect(histogram([NaN, 1, 2, Infinity]).reduce((n, b) => n + b.count, 0)).toBe(2);
  });
});
