import { ExactSum } from './exactSum.ts';
import { EMPTY_STAT, PERCENTILES, quantileOfSorted, type Stat } from './statistic.ts';

/**
 * The distribution across replications of one cell (one series in one month or year), kept in
 * memory that does not grow with the number of replications: an exact count of each distinct
 * value, exact sums and the exact extremes. Counts of people and items are whole numbers and are
 * kept exactly; hours and pounds are kept to four significant figures (within 0.05%), which
 * bounds the distinct values. Merging is order-free, so any chunking gives the same result.
 */
export class CellSketch {
  n = 0;
  readonly sum = new ExactSum();
  readonly sumOfSquares = new ExactSum();
  min = Infinity;
  max = -Infinity;
  readonly counts = new Map<number, number>();
  /**
   * The Stat of the replications in so far, until more come in: a page that redraws while a
   * run goes on asks again for cells no chunk has changed since.
   */
  private cached: Stat | undefined;
  /** The last Stat computed, even if values have come in since: for live displays. */
  private last: Stat | undefined;

  add(x: number): void {
    this.cached = undefined;
    this.n++;
    this.sum.add(x);
    this.sumOfSquares.add(x * x);
    if (x < this.min) this.min = x;
    if (x > this.max) this.max = x;
    const key = sketchKey(x);
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  merge(other: CellSketch): void {
    this.cached = undefined;
    this.n += other.n;
    this.sum.addAll(other.sum);
    this.sumOfSquares.addAll(other.sumOfSquares);
    this.min = Math.min(this.min, other.min);
    this.max = Math.max(this.max, other.max);
    for (const [key, count] of other.counts)
      this.counts.set(key, (this.counts.get(key) ?? 0) + count);
  }

  stat(): Stat {
    this.cached ??= this.computeStat();
    this.last = this.cached;
    return this.cached;
  }

  /** Whether stat() would have to compute (values came in since it last did). */
  get stale(): boolean {
    return this.cached === undefined;
  }

  /** The latest Stat computed, computing one only if there has never been one. */
  latestStat(): Stat {
    return this.last ?? this.stat();
  }

  private computeStat(): Stat {
    const n = this.n;
    if (n === 0) return EMPTY_STAT;
    const mean = this.sum.value() / n;
    const variance =
      n > 1 ? Math.max(0, (this.sumOfSquares.value() - n * mean * mean) / (n - 1)) : 0;
    const sd = Math.sqrt(variance);
    const keys = Float64Array.from(this.counts.keys()).sort();
    const cumulative = new Float64Array(keys.length);
    let c = 0;
    for (let i = 0; i < keys.length; i++) cumulative[i] = c += this.counts.get(keys[i]!)!;
    // The value of order statistic k (0-based) in the sorted replications.
    const orderStat = (k: number): number => {
      let lo = 0;
      let hi = keys.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid]! > k) hi = mid;
        else lo = mid + 1;
      }
      return keys[lo]!;
    };
    const quantile = (p: number): number => quantileOfSorted(n, p, orderStat);
    return {
      mean,
      sd,
      se: sd / Math.sqrt(n),
      p05: quantile(PERCENTILES.p05),
      p25: quantile(PERCENTILES.p25),
      p50: quantile(PERCENTILES.p50),
      p75: quantile(PERCENTILES.p75),
      p95: quantile(PERCENTILES.p95),
      min: this.min,
      max: this.max,
    };
  }

  /** Appends this sketch to a flat list of numbers, for sending between threads. */
  encode(out: number[]): void {
    out.push(this.n, this.min, this.max);
    this.sum.encode(out);
    this.sumOfSquares.encode(out);
    out.push(this.counts.size);
    for (const [key, count] of this.counts) out.push(key, count);
  }

  /**
   * Merges a sketch written by `encode` at `at` into `into`; returns the position after it. The
   * numbers are added in the order `merge` would add them, straight from the data.
   */
  static decode(data: Float64Array, at: number, into: CellSketch): number {
    let i = at;
    into.cached = undefined;
    into.n += data[i++]!;
    into.min = Math.min(into.min, data[i++]!);
    into.max = Math.max(into.max, data[i++]!);
    let k = data[i++]!;
    while (k-- > 0) into.sum.add(data[i++]!);
    k = data[i++]!;
    while (k-- > 0) into.sumOfSquares.add(data[i++]!);
    k = data[i++]!;
    const counts = into.counts;
    while (k-- > 0) {
      const key = data[i++]!;
      const count = data[i++]!;
      counts.set(key, (counts.get(key) ?? 0) + count);
    }
    return i;
  }
}

/** Whole numbers as they are; other values to four significant figures. */
export function sketchKey(x: number): number {
  if (Number.isInteger(x) || !Number.isFinite(x)) return x;
  const unit = Math.pow(10, Math.floor(Math.log10(Math.abs(x))) - 3);
  return Math.round(x / unit) * unit;
}
