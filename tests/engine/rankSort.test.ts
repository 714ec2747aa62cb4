import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortRanks, sortSpread } from '../../src/engine/rankSort.ts';
import { MAX_ITEMS, rankOf } from '../../src/engine/workQueue.ts';

/** Ranks of `keys` for items numbered in arrival order from `firstSeq`, as a queue holds them. */
function arrivals(keys: number[], firstSeq = 0): Float64Array {
  return Float64Array.from(keys, (key, i) => rankOf(key, firstSeq + i));
}

function sortedNatively(ranks: Float64Array, n: number): Float64Array {
  const copy = ranks.slice();
  copy.subarray(0, n).sort();
  return copy;
}

describe('sortRanks', () => {
  it('gives exactly the numeric sort for arrivals of any size, ties and clamped keys included', () => {
    const key = fc.oneof(
      fc.double({ min: -4, max: 4, noNaN: true }),
      // Few distinct keys: ties must stay in arrival order.
      fc.integer({ min: -2, max: 2 }),
      fc.constantFrom(-1e9, -128, 128, 1e9),
    );
    fc.assert(
      fc.property(
        fc.array(key, { maxLength: 1200, size: 'max' }),
        fc.integer({ min: 0, max: MAX_ITEMS - 1300 }),
        (keys, firstSeq) => {
          const ranks = arrivals(keys, firstSeq);
          const expected = sortedNatively(ranks, ranks.length);
          sortRanks(ranks, ranks.length);
          expect(ranks).toEqual(expected);
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });

  it('sorts only the first n ranks and leaves the rest of the array alone', () => {
    const ranks = arrivals(Array.from({ length: 400 }, (_, i) => Math.sin(i) * 3));
    const before = ranks.slice();
    sortRanks(ranks, 300);
    expect(ranks.subarray(300)).toEqual(before.subarray(300));
    expect(ranks.subarray(0, 300)).toEqual(sortedNatively(before, 300).subarray(0, 300));
  });

  it('sorts a month larger than its scratch arrays', () => {
    const keys = Array.from({ length: 9000 }, (_, i) => Math.cos(i * 0.37) * 2);
    const ranks = arrivals(keys);
    const expected = sortedNatively(ranks, ranks.length);
    sortRanks(ranks, ranks.length);
    expect(ranks).toEqual(expected);
  });
});

describe('sortSpread', () => {
  it('gives exactly the numeric sort of ranks in any order, ties of key and clamped keys included', () => {
    const key = fc.oneof(
      fc.double({ min: -4, max: 4, noNaN: true }),
      fc.integer({ min: -2, max: 2 }),
      fc.constantFrom(-1e9, -128, 128, 1e9),
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: MAX_ITEMS - 1 }), { maxLength: 700 }),
        fc.array(key, { minLength: 700, maxLength: 700 }),
        (seqs, keys) => {
          const ranks = Float64Array.from(seqs, (seq, i) => rankOf(keys[i]!, seq));
          const expected = ranks.slice().sort();
          sortSpread(ranks, ranks.length);
          expect(ranks).toEqual(expected);
        },
      ),
      { seed: 7, numRuns: 200, interruptAfterTimeLimit: 20_000 },
    );
  });

  it('sorts only the first n ranks', () => {
    const ranks = Float64Array.from({ length: 300 }, (_, i) => rankOf(Math.sin(i) * 3, 5 * i));
    const before = ranks.slice();
    sortSpread(ranks, 200);
    expect(ranks.subarray(200)).toEqual(before.subarray(200));
    expect(ranks.subarray(0, 200)).toEqual(before.subarray(0, 200).slice().sort());
  });
});
