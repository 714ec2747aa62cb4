import { bin } from 'd3';

export interface HistogramBin {
  /** Lower edge, inclusive. */
  x0: number;
  /** Upper edge, exclusive except for the last bin. */
  x1: number;
  count: number;
}

/**
 * Bins per-replication values on round edges, about `targetBins` of them, as d3.bin would.
 * Values all equal give one bin of width 1 around them, so a chart still has something to draw.
 *
 * The edges d3.bin chooses depend only on the values' extent, so they are taken from d3.bin of
 * the two extremes and the values are counted into them: one pass and no copies, where d3.bin
 * itself would build an array of every value (tens of megabytes, and a long task, for a
 * million replications).
 */
export function histogram(values: ArrayLike<number>, targetBins = 20): HistogramBin[] {
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
  const edges = bin().thresholds(targetBins)([lo, hi]);
  const bins = edges.map((b) => ({ x0: b.x0 ?? lo, x1: b.x1 ?? hi, count: 0 }));
  // The bin of x is the number of inner edges at or below it. d3's edges are evenly spaced, so
  // a division finds it or its neighbour, and comparisons with the edges make it exact.
  const inner = Float64Array.from(bins.slice(1), (b) => b.x0);
  const last = inner.length;
  const origin = bins[0]!.x0;
  const width = (bins[last]!.x1 - origin) / bins.length;
  const counts = new Float64Array(bins.length);
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
