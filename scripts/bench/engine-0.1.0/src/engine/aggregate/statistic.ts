import { ExactSum } from './exactSum.ts';
import { runToEnd, STEP_VALUES } from './steps.ts';

/** How a quantity varied across replications. `se` is the Monte Carlo standard error of the mean. */
export interface Stat {
  mean: number;
  sd: number;
  se: number;
  p05: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
  min: number;
  max: number;
}

export const PERCENTILES = { p05: 0.05, p25: 0.25, p50: 0.5, p75: 0.75, p95: 0.95 } as const;

/** A Stat of values with nothing in them (no replications yet). */
export const EMPTY_STAT: Stat = {
  mean: NaN,
  sd: NaN,
  se: NaN,
  p05: NaN,
  p25: NaN,
  p50: NaN,
  p75: NaN,
  p95: NaN,
  min: NaN,
  max: NaN,
};

/**
 * The p-quantile of sorted values as d3's `quantile` computes it: linear interpolation between
 * order statistics (R's type 7). `at(k)` is the k-th smallest value, 0-based.
 */
export function quantileOfSorted(n: number, p: number, at: (k: number) => number): number {
  const h = (n - 1) * p;
  const i = Math.floor(h);
  const a = at(i);
  return i + 1 < n ? a + (at(i + 1) - a) * (h - i) : a;
}

/**
 * The Stat of one value per replication. Percentiles are d3's `quantile` (linear interpolation
 * between order statistics, R's type 7) of the exact values; the mean is an exact sum.
 */
export function statOf(values: Float64Array): Stat {
  return statOfSorted(Float64Array.from(values).sort());
}

/** The Stat of values already sorted ascending. */
export function statOfSorted(sorted: Float32Array | Float64Array): Stat {
  return runToEnd(statOfSortedSteps(sorted));
}

/** statOfSorted in steps of at most STEP_VALUES values (two exact sums over the values). */
export function* statOfSortedSteps(sorted: Float32Array | Float64Array): Generator<void, Stat> {
  const n = sorted.length;
  if (n === 0) return EMPTY_STAT;
  const sum = new ExactSum();
  for (let from = 0; from < n; from += STEP_VALUES) {
    const to = Math.min(n, from + STEP_VALUES);
    for (let i = from; i < to; i++) sum.add(sorted[i]!);
    yield;
  }
  const mean = sum.value() / n;
  const squares = new ExactSum();
  for (let from = 0; from < n; from += STEP_VALUES) {
    const to = Math.min(n, from + STEP_VALUES);
    for (let i = from; i < to; i++) squares.add((sorted[i]! - mean) ** 2);
    yield;
  }
  const at = (k: number) => sorted[k]!;
  const sd = n > 1 ? Math.sqrt(squares.value() / (n - 1)) : 0;
  return {
    mean,
    sd,
    se: sd / Math.sqrt(n),
    p05: quantileOfSorted(n, PERCENTILES.p05, at),
    p25: quantileOfSorted(n, PERCENTILES.p25, at),
    p50: quantileOfSorted(n, PERCENTILES.p50, at),
    p75: quantileOfSorted(n, PERCENTILES.p75, at),
    p95: quantileOfSorted(n, PERCENTILES.p95, at),
    min: sorted[0]!,
    max: sorted[n - 1]!,
  };
}
