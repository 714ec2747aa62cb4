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
  /** The slot of each distinct value (its key) seen. */
  private readonly slotOf = new Map<number, number>();
  /** Each slot's key and count, in the order the keys were first seen. */
  private readonly keys: number[] = [];
  private readonly counts: number[] = [];
  /**
   * Slots in ascending order of key. Only the first `placed` slots are in it: slots made since
   * are sorted and merged in when a Stat is next computed, so a page that refreshes a run's
   * hundreds of cells twice a second sorts only the values new since the last refresh.
   */
  private readonly order: number[] = [];
  private placed = 0;
  /**
   * The Stat of the replications in so far, until more come in: a page that redraws while a
   * run goes on asks again for cells no chunk has changed since.
   */
  private cached: Stat | undefined;
  /** The last Stat computed, even if values have come in since: for live displays. */
  private last: Stat | undefined;

  /** Distinct values (keys) held. */
  get distinct(): number {
    return this.keys.length;
  }

  add(x: number): void {
    this.cached = undefined;
    this.n++;
    this.sum.add(x);
    this.sumOfSquares.add(x * x);
    if (x < this.min) this.min = x;
    if (x > this.max) this.max = x;
    this.count(sketchKey(x), 1);
  }

  private count(key: number, count: number): void {
    const slot = this.slotOf.get(key);
    if (slot !== undefined) {
      this.counts[slot]! += count;
      return;
    }
    this.slotOf.set(key, this.keys.length);
    this.keys.push(key);
    this.counts.push(count);
  }

  merge(other: CellSketch): void {
    this.cached = undefined;
    this.n += other.n;
    this.sum.addAll(other.sum);
    this.sumOfSquares.addAll(other.sumOfSquares);
    this.min = Math.min(this.min, other.min);
    this.max = Math.max(this.max, other.max);
    for (let slot = 0; slot < other.keys.length; slot++)
      this.count(other.keys[slot]!, other.counts[slot]!);
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

  /**
   * Merges the slots made since the last Stat into `order`, keeping it sorted by key. In place,
   * from the end: a new array per cell per refresh would outlive the young generation (it is
   * kept until the next refresh) and leave the page's old generation to collect every one.
   */
  private placeNewSlots(): void {
    const { keys, slotOf, order } = this;
    if (this.placed === keys.length) return;
    const fresh = keys.slice(this.placed).sort((a, b) => a - b);
    let i = order.length - 1;
    for (let k = this.placed; k < keys.length; k++) order.push(0);
    // Keys are distinct, so an old slot and a new one never tie.
    for (let j = fresh.length - 1, out = order.length - 1; j >= 0; out--) {
      order[out] = i >= 0 && keys[order[i]!]! > fresh[j]! ? order[i--]! : slotOf.get(fresh[j--]!)!;
    }
    this.placed = keys.length;
  }

  private computeStat(): Stat {
    const n = this.n;
    if (n === 0) return EMPTY_STAT;
    const mean = this.sum.value() / n;
    const variance =
      n > 1 ? Math.max(0, (this.sumOfSquares.value() - n * mean * mean) / (n - 1)) : 0;
    const sd = Math.sqrt(variance);
    this.placeNewSlots();
    const { keys, counts, order } = this;
    // The values of the order statistics the percentiles need (0-based ranks, ascending), read
    // off one walk up the keys in order with their running count.
    const ranks: number[] = [];
    for (const p of Object.values(PERCENTILES)) {
      const i = Math.floor((n - 1) * p);
      ranks.push(i, Math.min(i + 1, n - 1));
    }
    // With few replications one percentile's upper rank can pass the next one's lower rank.
    ranks.sort((a, b) => a - b);
    const values: number[] = [];
    let slot = 0;
    let below = 0;
    for (const rank of ranks) {
      while (below + counts[order[slot]!]! <= rank) below += counts[order[slot++]!]!;
      values.push(keys[order[slot]!]!);
    }
    const quantile = (p: number): number =>
      quantileOfSorted(n, p, (k) => values[ranks.indexOf(k)]!);
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
    out.push(this.keys.length);
    for (let slot = 0; slot < this.keys.length; slot++)
      out.push(this.keys[slot]!, this.counts[slot]!);
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
    while (k-- > 0) {
      const key = data[i++]!;
      into.count(key, data[i++]!);
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
