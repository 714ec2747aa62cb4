import { bin } from 'd3-array';

export interface HistogramBin {
  /** Lower edge, inclusive. */
  x0: number;
  /** Upper edge, exclusive except for the last bin. */
  x1: number;
  count: number;
}

/** Bins a results chart asks for: d3.bin rounds the edges, so it may make a few more or fewer. */
export const HISTOGRAM_BINS = 24;

/**
 * The empty bins d3.bin would make for values from `lo` to `hi` (finite, lo < hi), with their
 * inner edges: bin k holds the values with exactly k inner edges at or below them.
 */
function emptyBins(lo: number, hi: number, targetBins: number) {
  const bins = bin()
    .thresholds(targetBins)([lo, hi])
    .map((b) => ({ x0: b.x0 ?? lo, x1: b.x1 ?? hi, count: 0 }));
  const inner = bins.slice(1).map((b) => b.x0);
  return { bins, inner };
}

/**
 * Bins per-replication values on round edges, about `targetBins` of them, as d3.bin would.
 * Values all equal give one bin of width 1 around them, so a chart still has something to draw.
 *
 * The edges d3.bin chooses depend only on the values' extent, so they are taken from d3.bin of
 * the two extremes and the values are counted into them: one pass and no copies, where d3.bin
 * itself would build an array of every value.
 */
export function histogram(values: ArrayLike<number>, targetBins = HISTOGRAM_BINS): HistogramBin[] {
  let lo = Infinity;
  let hi = -Infinity;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    if (!Number.isFinite(x)) continue;
    n++;
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  if (n === 0) return [];
  if (lo === hi) return [{ x0: lo - 0.5, x1: hi + 0.5, count: n }];
  const { bins, inner } = emptyBins(lo, hi, targetBins);
  // d3's edges are evenly spaced, so a division finds a value's bin or its neighbour, and
  // comparisons with the edges make it exact.
  const last = inner.length;
  const origin = bins[0]!.x0;
  const width = (bins[last]!.x1 - origin) / bins.length;
  const counts = bins.map(() => 0);
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    if (!Number.isFinite(x)) continue;
    let k = Math.min(last, Math.max(0, Math.floor((x - origin) / width)));
    while (k > 0 && x < inner[k - 1]!) k--;
    while (k < last && x >= inner[k]!) k++;
    counts[k]!++;
  }
  for (const [k, b] of bins.entries()) b.count = counts[k]!;
  return bins;
}

/** The first index in sorted[from, to) whose value is not below x (to if none is). */
function lowerBound(sorted: ArrayLike<number>, x: number, from: number, to: number): number {
  while (from < to) {
    const mid = (from + to) >>> 1;
    if (sorted[mid]! < x) from = mid + 1;
    else to = mid;
  }
  return from;
}

/**
 * `histogram` of values already sorted ascending (values that are not finite at either end), in
 * a binary search per edge rather than a pass over the values: a million sorted replications
 * are binned in microseconds.
 */
export function histogramOfSorted(
  sorted: Float32Array | Float64Array,
  targetBins = HISTOGRAM_BINS,
): HistogramBin[] {
  let first = 0;
  let end = sorted.length;
  while (first < end && !Number.isFinite(sorted[first]!)) first++;
  while (end > first && !Number.isFinite(sorted[end - 1]!)) end--;
  if (first === end) return [];
  const lo = sorted[first]!;
  const hi = sorted[end - 1]!;
  if (lo === hi) return [{ x0: lo - 0.5, x1: hi + 0.5, count: end - first }];
  const { bins, inner } = emptyBins(lo, hi, targetBins);
  let below = first;
  for (const [k, b] of bins.entries()) {
    const upTo = k < inner.length ? lowerBound(sorted, inner[k]!, below, end) : end;
    b.count = upTo - below;
    below = upTo;
  }
  return bins;
}
