import { runToEnd, STEP_VALUES } from '../engine/aggregate/steps.ts';

/**
 * Values ranked in a step: each takes two binary searches, so an eighth of STEP_VALUES keeps a
 * step to a few milliseconds, well inside a frame, while the sort before them runs when the
 * workers are idle.
 */
export const RANK_STEP = STEP_VALUES / 8;

/** Ranks 1..n, ties sharing their average rank. */
export function ranks(values: ArrayLike<number>): Float64Array {
  return runToEnd(ranksSteps(values));
}

/**
 * `ranks` in steps: one native sort of the values, then each value's rank found by binary search
 * in the sorted copy, RANK_STEP values a step. Values at sorted positions lo..hi−1 (0-based)
 * share the ranks lo + 1..hi, whose average is (lo + hi + 1) / 2.
 */
export function* ranksSteps(values: ArrayLike<number>): Generator<void, Float64Array> {
  const n = values.length;
  const sorted = Float64Array.from(values).sort();
  yield;
  const out = new Float64Array(n);
  for (let start = 0; start < n; start += RANK_STEP) {
    const end = Math.min(n, start + RANK_STEP);
    for (let i = start; i < end; i++) {
      const v = values[i]!;
      out[i] = (firstAbove(sorted, v, true) + firstAbove(sorted, v, false) + 1) / 2;
    }
    yield;
  }
  return out;
}

/** The first position in `sorted` whose value is ≥ v (`orEqual`) or > v. */
function firstAbove(sorted: Float64Array, v: number, orEqual: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < v || (!orEqual && sorted[mid] === v)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Pearson correlation of the ranks; NaN when either side does not vary. */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  return correlationOfRanks(ranks(x), ranks(y));
}

/** Pearson correlation of two rankings of the same n items (each a permutation of 1..n, with ties averaged). */
export function correlationOfRanks(rx: Float64Array, ry: Float64Array): number {
  const n = rx.length;
  const mean = (n + 1) / 2;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const a = rx[i]! - mean;
    const b = ry[i]! - mean;
    sxy += a * b;
    sxx += a * a;
    syy += b * b;
  }
  return sxx === 0 || syy === 0 ? NaN : sxy / Math.sqrt(sxx * syy);
}
