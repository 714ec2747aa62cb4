import { bin } from 'd3-array';
import { describe, expect, it } from 'vitest';
import { histogram, histogramOfSorted } from '../../../src/engine/aggregate/histogram.ts';

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

describe('histogram against d3.bin', () => {
  it('makes the bins d3.bin makes, with the same counts', () => {
    let seed = 11;
    const uniform = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const samples = [
      Float64Array.from({ length: 5000 }, () => Math.round(uniform() * 3000)),
      Float64Array.from({ length: 5000 }, () => Math.exp(8 + 2 * uniform()) * 1.37),
      Float64Array.from({ length: 300 }, () => -50 + uniform() * 0.01),
    ];
    for (const values of samples) {
      const expected = bin().thresholds(24)(Array.from(values));
      expect(histogram(values, 24)).toEqual(
        expected.map((b) => ({ x0: b.x0, x1: b.x1, count: b.length })),
      );
    }
  });

  it('puts each value in the bin whose edges hold it: lower edge inclusive, upper exclusive but for the last', () => {
    const values = Float64Array.from({ length: 2000 }, (_, i) => (i % 41) * 2.5);
    const bins = histogram(values, 10);
    for (const [k, b] of bins.entries()) {
      const last = k === bins.length - 1;
      const inside = values.filter((x) => x >= b.x0 && (last ? x <= b.x1 : x < b.x1)).length;
      expect(b.count).toBe(inside);
    }
  });
});

describe('histogramOfSorted', () => {
  let seed = 5;
  const uniform = () => (seed = (seed * 16807) % 2147483647) / 2147483647;

  it('makes the bins histogram() makes of the same values, in single or double precision', () => {
    const samples = [
      Float64Array.from({ length: 4000 }, () => Math.round(uniform() * 900)),
      Float64Array.from({ length: 4000 }, () => Math.exp(6 + 3 * uniform())),
      Float64Array.from({ length: 7 }, (_, i) => i * 0.5),
      Float64Array.from({ length: 50 }, (_, i) => (i % 10) * 2.5),
    ];
    for (const values of samples) {
      const single = Float32Array.from(values);
      expect(histogramOfSorted(Float64Array.from(values).sort())).toEqual(histogram(values));
      expect(histogramOfSorted(Float32Array.from(single).sort(), 10)).toEqual(
        histogram(single, 10),
      );
    }
  });

  it('leaves out values that are not finite at either end, and agrees on the edge cases', () => {
    const values = [-Infinity, -Infinity, 3, 3, 4, 9, Infinity, NaN];
    expect(histogramOfSorted(Float64Array.from(values))).toEqual(histogram(values));
    expect(histogramOfSorted(Float64Array.from(values)).reduce((n, b) => n + b.count, 0)).toBe(4);
    expect(histogramOfSorted(Float64Array.of(5, 5, 5))).toEqual(histogram([5, 5, 5]));
    expect(histogramOfSorted(new Float64Array(0))).toEqual([]);
    expect(histogramOfSorted(Float64Array.of(NaN))).toEqual([]);
  });
});
