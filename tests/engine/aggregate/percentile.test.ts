import { describe, expect, it } from 'vitest';
import { CellSketch } from '../../../src/engine/aggregate/sketch.ts';
import { statOf, statOfSorted, type Stat } from '../../../src/engine/aggregate/statistic.ts';

type Percentiles = Pick<Stat, 'p05' | 'p25' | 'p50' | 'p75' | 'p95'>;

/**
 * Values and their percentiles as docs/model.md defines them: linear interpolation between
 * order statistics (R type 7), the p-quantile of n sorted values x₀ … xₙ₋₁ being
 * x_i + (x_{i+1} − x_i)(h − i) with h = (n − 1)p and i = ⌊h⌋. Worked by hand, not by a library.
 */
const CASES: { name: string; values: number[]; expected: Percentiles }[] = [
  {
    // h = 20p falls on whole ranks.
    name: 'the 21 whole numbers 0 … 20',
    values: Array.from({ length: 21 }, (_, i) => 20 - i),
    expected: { p05: 1, p25: 5, p50: 10, p75: 15, p95: 19 },
  },
  {
    // h = p: every percentile lies between the two values, none at either end.
    name: 'two values',
    values: [20, 10],
    expected: { p05: 10.5, p25: 12.5, p50: 15, p75: 17.5, p95: 19.5 },
  },
  {
    // h = 3p: 0.15, 0.75, 1.5, 2.25, 2.85.
    name: 'four unevenly spaced values',
    values: [8, 1, 4, 2],
    expected: { p05: 1.15, p25: 1.75, p50: 3, p75: 5, p95: 7.4 },
  },
  {
    name: 'one value',
    values: [7],
    expected: { p05: 7, p25: 7, p50: 7, p75: 7, p95: 7 },
  },
];

function percentiles(stat: Stat): Percentiles {
  return { p05: stat.p05, p25: stat.p25, p50: stat.p50, p75: stat.p75, p95: stat.p95 };
}

function expectPercentiles(stat: Stat, expected: Percentiles): void {
  const got = percentiles(stat);
  for (const key of Object.keys(expected) as (keyof Percentiles)[])
    expect(got[key], key).toBeCloseTo(expected[key], 12);
}

describe('percentiles interpolate linearly between order statistics (R type 7)', () => {
  it.each(CASES)('of a replication total: $name', ({ values, expected }) => {
    expectPercentiles(statOf(Float64Array.from(values)), expected);
  });

  it.each(CASES)('of totals kept in single precision: $name', ({ values, expected }) => {
    expectPercentiles(statOfSorted(Float32Array.from(values).sort()), expected);
  });

  it.each(CASES)('of a monthly cell’s sketch: $name', ({ values, expected }) => {
    const sketch = new CellSketch();
    for (const x of values) sketch.add(x);
    expectPercentiles(sketch.stat(), expected);
  });
});
