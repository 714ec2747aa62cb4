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
  /**
   * Each slot's key and count, in the order the keys were first seen: [key, count, key, ...].
   * Typed arrays rather than a Map of numbers: the hundreds of thousands of distinct values a
   * big run's cells hold stay out of the JavaScript heap, so the page's garbage collector has
   * nothing of them to mark, and take about a third of the memory.
   */
  private entries = new Float64Array(2 * INITIAL_SLOTS);
  /**
   * Open addressing with linear probing, from a key's hash to its slot + 1 (0 is empty). Twice
   * as many places as `entries` has slots, so it is never more than half full.
   */
  private table = new Int32Array(2 * INITIAL_SLOTS);
  private slots = 0;
  /**
   * Slots in ascending order of key. Only the first `placed` slots are in it: slots made since
   * are sorted and merged in when a Stat is next computed, so a page that refreshes a run's
   * hundreds of cells twice a second sorts only the values new since the last refresh. Made on
   * the first Stat: a worker's sketches are only encoded.
   */
  private order = EMPTY_ORDER;
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
    return this.slots;
  }

  /** Empties the sketch, keeping its room: a worker refills the same sketches chunk after chunk. */
  clear(): void {
    this.n = 0;
    this.sum.clear();
    this.sumOfSquares.clear();
    this.min = Infinity;
    this.max = -Infinity;
    this.table.fill(0);
    this.slots = 0;
    this.placed = 0;
    this.cached = undefined;
    this.last = undefined;
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

  /**
   * The place in `table` of `key`'s slot, or of the empty place where it would go. Keys are
   * as `count` stores them: 0 for -0 and one NaN for all NaNs, so equal keys hash alike.
   */
  private placeOf(key: number): number {
    const { table, entries } = this;
    const mask = table.length - 1;
    for (let at = hashOf(key) & mask; ; at = (at + 1) & mask) {
      const slot = table[at]! - 1;
      if (slot < 0) return at;
      const k = entries[2 * slot]!;
      if (k === key || (k !== k && key !== key)) return at;
    }
  }

  /** Adds `count` to `value`'s slot, made if new. Values compare as a Map's keys do. */
  private count(value: number, count: number): void {
    const key = value === 0 ? 0 : value === value ? value : NaN;
    let at = this.placeOf(key);
    const slot = this.table[at]! - 1;
    if (slot >= 0) {
      this.entries[2 * slot + 1]! += count;
      return;
    }
    if (this.slots === this.entries.length / 2) {
      this.grow();
      at = this.placeOf(key);
    }
    this.entries[2 * this.slots] = key;
    this.entries[2 * this.slots + 1] = count;
    this.table[at] = ++this.slots;
  }

  /** Doubles the slots and the table, placing every slot again in the order it was made. */
  private grow(): void {
    const entries = new Float64Array(this.entries.length * 2);
    entries.set(this.entries);
    this.entries = entries;
    this.table = new Int32Array(this.table.length * 2);
    for (let slot = 0; slot < this.slots; slot++)
      this.table[this.placeOf(entries[2 * slot]!)] = slot + 1;
  }

  merge(other: CellSketch): void {
    this.cached = undefined;
    this.n += other.n;
    this.sum.addAll(other.sum);
    this.sumOfSquares.addAll(other.sumOfSquares);
    this.min = Math.min(this.min, other.min);
    this.max = Math.max(this.max, other.max);
    const { entries } = other;
    for (let slot = 0; slot < other.slots; slot++)
      this.count(entries[2 * slot]!, entries[2 * slot + 1]!);
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
   * Merges the slots made since the last Stat into `order`, keeping it sorted by key, in place
   * from the end: `order` is made again only when the slots outgrow it, so a live run's
   * refreshes leave the page no old arrays to collect.
   */
  private placeNewSlots(): void {
    const { entries, slots, placed } = this;
    if (placed === slots) return;
    if (this.order.length < slots) {
      const order = new Int32Array(entries.length / 2);
      order.set(this.order.subarray(0, placed));
      this.order = order;
    }
    const { order, table } = this;
    const fresh = new Float64Array(slots - placed);
    for (let slot = placed; slot < slots; slot++) fresh[slot - placed] = entries[2 * slot]!;
    fresh.sort();
    // Keys are distinct, so an old slot and a new one never tie.
    let i = placed - 1;
    for (let j = fresh.length - 1, out = slots - 1; j >= 0; out--) {
      order[out] =
        i >= 0 && entries[2 * order[i]!]! > fresh[j]!
          ? order[i--]!
          : table[this.placeOf(fresh[j--]!)]! - 1;
    }
    this.placed = slots;
  }

  private computeStat(): Stat {
    const n = this.n;
    if (n === 0) return EMPTY_STAT;
    const mean = this.sum.value() / n;
    const variance =
      n > 1 ? Math.max(0, (this.sumOfSquares.value() - n * mean * mean) / (n - 1)) : 0;
    const sd = Math.sqrt(variance);
    this.placeNewSlots();
    const { entries, order } = this;
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
    let at = 0;
    let below = 0;
    for (const rank of ranks) {
      while (below + entries[2 * order[at]! + 1]! <= rank) below += entries[2 * order[at++]! + 1]!;
      values.push(entries[2 * order[at]!]!);
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
    out.push(this.slots);
    for (let k = 0; k < 2 * this.slots; k++) out.push(this.entries[k]!);
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

/** Slots a new sketch has room for; it doubles them as it needs. */
const INITIAL_SLOTS = 8;
const EMPTY_ORDER = new Int32Array(0);

const hashBits = new Float64Array(1);
const hashWords = new Uint32Array(hashBits.buffer);

/** Mixes both halves of a double's bits (whole numbers differ only in the high half). */
function hashOf(key: number): number {
  hashBits[0] = key;
  let h = Math.imul(hashWords[0]! ^ Math.imul(hashWords[1]!, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 15;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Whole numbers as they are; other values to four significant figures. */
export function sketchKey(x: number): number {
  if (Number.isInteger(x) || !Number.isFinite(x)) return x;
  const unit = Math.pow(10, Math.floor(Math.log10(Math.abs(x))) - 3);
  return Math.round(x / unit) * unit;
}
