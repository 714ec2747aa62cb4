import { bin, extent } from 'd3';

export interface HistogramBin {
  /** Lower edge, inclusive. */
  x0: number;
  /** Upper edge, exclusive except for the last bin. */
  x1: number;
  count: number;
}

/**
 * Bins per-replication values on round edges, about `targetBins` of them. Values all equal give
 * one bin of width 1 around them, so a chart still has something to draw.
 */
export function histogram(values: ArrayLike<number>, targetBins = 20): HistogramBin[] {
  const finite = Array.from(values).filter(Number.isFinite);
  if (finite.length === 0) return [];
  const [lo, hi] = extent(finite) as [number, number];
  if (lo === hi) return [{ x0: lo - 0.5, x1: hi + 0.5, count: finite.length }];
  const bins = bin().thresholds(targetBins)(finite);
  return bins.map((b) => ({ x0: b.x0 ?? lo, x1: b.x1 ?? hi, count: b.length }));
}
