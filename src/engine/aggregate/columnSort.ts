/**
 * Sorts one total's single-precision values across replications in steps of at most
 * STEP_VALUES values, so a page can spread the sort of a million replications over many short
 * tasks. Each value's bit pattern is mapped to an unsigned key that sorts in the same order as
 * the number (negative numbers' bits inverted, positive numbers' sign bit set), the keys are
 * sorted by a stable least-significant-digit radix sort, four passes of eight bits, and mapped
 * back in place. The order is exactly the numeric sort's, −0 before +0 included.
 */

import { STEP_VALUES } from './steps.ts';

const BUCKETS = 256;

/** The sort key of a float32 bit pattern. */
export function floatKey(bits: number): number {
  return (bits ^ ((bits >> 31) | 0x80000000)) >>> 0;
}

/** The float32 bit pattern of a sort key: the inverse of floatKey. */
function keyBits(key: number): number {
  return (key & 0x80000000 ? key ^ 0x80000000 : ~key) >>> 0;
}

export class ColumnSort {
  /** Sort keys of the values to sort; `sort` leaves the sorted values' bit patterns here. */
  keys = new Uint32Array(0);
  private keysOut = new Uint32Array(0);
  private readonly counts = new Int32Array(4 * BUCKETS);

  /**
   * Makes room for `n` keys, keeping none of the old ones. Grows at least twofold, so a run
   * whose replications keep arriving makes a handful of arrays, not one per refresh.
   */
  reserve(n: number): void {
    if (this.keys.length >= n) return;
    const size = Math.max(n, 2 * this.keys.length);
    this.keys = new Uint32Array(size);
    this.keysOut = new Uint32Array(size);
  }

  /**
   * Sorts `keys[0, n)`, filled by the caller with floatKey of each value, yielding every
   * STEP_VALUES values; returns the sorted values, a view of `keys` valid until the next sort.
   */
  *sort(n: number): Generator<void, Float32Array> {
    const { counts } = this;
    let keys = this.keys;
    let keysTo = this.keysOut;
    counts.fill(0);
    for (let from = 0; from < n; from += STEP_VALUES) {
      const to = Math.min(n, from + STEP_VALUES);
      for (let i = from; i < to; i++) {
        const key = keys[i]!;
        counts[key & 255]!++;
        counts[BUCKETS + ((key >>> 8) & 255)]!++;
        counts[2 * BUCKETS + ((key >>> 16) & 255)]!++;
        counts[3 * BUCKETS + (key >>> 24)]!++;
      }
      yield;
    }
    for (let digit = 0; digit < 4; digit++) {
      const base = digit * BUCKETS;
      const shift = digit * 8;
      let start = 0;
      for (let b = base; b < base + BUCKETS; b++) {
        const count = counts[b]!;
        counts[b] = start;
        start += count;
      }
      for (let from = 0; from < n; from += STEP_VALUES) {
        const to = Math.min(n, from + STEP_VALUES);
        for (let i = from; i < to; i++) {
          const key = keys[i]!;
          keysTo[counts[base + ((key >>> shift) & 255)]!++] = key;
        }
        yield;
      }
      [keys, keysTo] = [keysTo, keys];
    }
    // Four passes: the sorted keys are back in this.keys.
    for (let from = 0; from < n; from += STEP_VALUES) {
      const to = Math.min(n, from + STEP_VALUES);
      for (let i = from; i < to; i++) keys[i] = keyBits(keys[i]!);
      yield;
    }
    return new Float32Array(keys.buffer, 0, n);
  }
}
