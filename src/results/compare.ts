import { statOf, type Stat } from '../engine/aggregate/statistic.ts';

/** A metric in two runs and their difference (current − baseline). */
export interface Comparison {
  baseline: Stat;
  current: Stat;
  /**
   * Of the per-replication differences when the runs are paired (same seed: replication i of
   * both runs shares its random numbers), otherwise of the difference of independent draws.
   */
  difference: Stat;
  paired: boolean;
}

/**
 * Compares one metric across two runs. With the same seed the runs use common random numbers,
 * so differences are taken replication by replication and their range is far narrower than the
 * two runs' own ranges; the first `min(n, m)` replications of each are used.
 */
export function compareMetric(
  baseline: Float64Array,
  current: Float64Array,
  paired: boolean,
): Comparison {
  const n = Math.min(baseline.length, current.length);
  const diffs = new Float64Array(n);
  if (paired) {
    for (let i = 0; i < n; i++) diffs[i] = current[i]! - baseline[i]!;
  } else {
    // Unpaired: pair replication i with a different, fixed partner so the pairs are independent.
    const shift = Math.floor(n / 2);
    for (let i = 0; i < n; i++) diffs[i] = current[i]! - baseline[(i + shift) % n]!;
  }
  return {
    baseline: statOf(baseline),
    current: statOf(current),
    difference: statOf(diffs),
    paired,
  };
}

/** Per-replication values by metric name, as RunAggregate.values gives them. */
export interface ValuesSource {
  values(name: string): Float64Array;
}

/** A row of the compare table. */
export interface ComparedMetric extends Comparison {
  metric: string;
  label: string;
  unit: 'count' | 'pounds';
}

/**
 * Compares the headline metrics of two runs. Paired only when both used the same seed; a
 * metric missing from either run (a role added or removed) is left out.
 */
export function compareRuns(
  baseline: ValuesSource,
  current: ValuesSource,
  metrics: readonly { metric: string; label: string; unit: 'count' | 'pounds' }[],
  sameSeed: boolean,
): ComparedMetric[] {
  const rows: ComparedMetric[] = [];
  for (const m of metrics) {
    let a: Float64Array;
    let b: Float64Array;
    try {
      a = baseline.values(m.metric);
      b = current.values(m.metric);
    } catch {
      continue;
    }
    rows.push({ ...m, ...compareMetric(a, b, sameSeed) });
  }
  return rows;
}
