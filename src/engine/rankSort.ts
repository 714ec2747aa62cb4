/**
 * Sorts of ranks (see workQueue.ts). A rank is its priority part times 2²² plus the item's
 * number.
 *
 * sortRanks sorts ranks whose item numbers increase with position, such as a month's arrivals:
 * sorting them stably by the priority part alone puts them in rank order, which a least-
 * significant-digit radix sort does in four passes of eight bits with no comparisons.
 * aggregate/columnSort.ts runs the same passes over a run's totals, in steps and over arrays of
 * any size; this one stays separate because its counts and scratch arrays are module constants,
 * which a loop run every month cannot do without (see RADIX_MAX).
 *
 * sortSpread sorts a few hundred ranks in any order, as the work queue gathers them.
 */

/** Below this many ranks the native sort is quicker than four counting passes. */
const NATIVE_BELOW = 48;
/**
 * Above this many (far more than a month brings to one queue in any built-in scenario) the native
 * sort is used, so the scratch arrays below can have a fixed size. Being module constants of fixed
 * size lets V8 treat them as constants in the compiled passes, which measures twice as fast as
 * the same passes over arrays held in fields or parameters.
 */
const RADIX_MAX = 8192;
const BUCKETS = 256;
/** 2⁻²²: a rank times this, floored, is its priority part (exact: both are integers < 2⁵³). */
const INVERSE_SEQ_RANGE = 2 ** -22;

const KEYS = new Uint32Array(RADIX_MAX);
const KEYS_OUT = new Uint32Array(RADIX_MAX);
const RANKS_OUT = new Float64Array(RADIX_MAX);
/** The four digits' bucket counts, then their start positions. */
const COUNTS = new Int32Array(4 * BUCKETS);

/**
 * Sorts `ranks[0, n)` ascending in place. The item numbers in their low 22 bits must increase
 * with position, as they do for a queue's arrivals; the result is then exactly what a numeric
 * sort gives.
 */
export function sortRanks(ranks: Float64Array, n: number): void {
  if (n < NATIVE_BELOW || n > RADIX_MAX) {
    ranks.subarray(0, n).sort();
    return;
  }
  COUNTS.fill(0);
  for (let i = 0; i < n; i++) {
    const key = Math.floor(ranks[i]! * INVERSE_SEQ_RANGE) >>> 0;
    KEYS[i] = key;
    COUNTS[key & 255]!++;
    COUNTS[BUCKETS + ((key >>> 8) & 255)]!++;
    COUNTS[2 * BUCKETS + ((key >>> 16) & 255)]!++;
    COUNTS[3 * BUCKETS + (key >>> 24)]!++;
  }
  // An even number of passes: the last one writes back into `ranks`.
  scatter(0, KEYS, KEYS_OUT, ranks, RANKS_OUT, n);
  scatter(1, KEYS_OUT, KEYS, RANKS_OUT, ranks, n);
  scatter(2, KEYS, KEYS_OUT, ranks, RANKS_OUT, n);
  scatter(3, KEYS_OUT, KEYS, RANKS_OUT, ranks, n);
}

/** One stable counting pass on digit `digit` (bits 8·digit to 8·digit + 7) of the keys. */
function scatter(
  digit: number,
  keys: Uint32Array,
  keysTo: Uint32Array,
  ranks: Float64Array,
  ranksTo: Float64Array,
  n: number,
): void {
  const base = digit * BUCKETS;
  const shift = digit * 8;
  let start = 0;
  for (let b = base; b < base + BUCKETS; b++) {
    const count = COUNTS[b]!;
    COUNTS[b] = start;
    start += count;
  }
  for (let i = 0; i < n; i++) {
    const key = keys[i]!;
    const at = COUNTS[base + ((key >>> shift) & 255)]!++;
    keysTo[at] = key;
    ranksTo[at] = ranks[i]!;
  }
}

/** Groups of sortSpread's one counting pass. */
const GROUPS = 256;
const GROUP_STARTS = new Int32Array(GROUPS);
let spread = new Float64Array(1024);

/**
 * Sorts `ranks[0, n)` ascending in place, for the few hundred ranks of no particular order a
 * month's expiry gathers: one counting pass puts them in 256 groups by where they fall between
 * the least and the greatest (a function of the rank that never decreases, so the groups are in
 * order), and an insertion sort puts each group in order. About a third of the work of
 * sortRanks's four passes at this size, and any order of item numbers will do.
 */
export function sortSpread(ranks: Float64Array, n: number): void {
  if (n > 16) {
    let least = ranks[0]!;
    let greatest = least;
    for (let i = 1; i < n; i++) {
      const r = ranks[i]!;
      least = Math.min(least, r);
      greatest = Math.max(greatest, r);
    }
    // Ranks are whole numbers below 2⁵³, so r − least is exact; rounding r − least times the
    // scale never reverses an order, and the greatest falls in group 255 at most.
    const groups = GROUPS;
    const scale = (groups - 1) / (greatest - least);
    const starts = GROUP_STARTS;
    starts.fill(0);
    for (let i = 0; i < n; i++) starts[((ranks[i]! - least) * scale) | 0]!++;
    let at = 0;
    for (let g = 0; g < groups; g++) {
      const count = starts[g]!;
      starts[g] = at;
      at += count;
    }
    if (spread.length < n) spread = new Float64Array(Math.max(n, 2 * spread.length));
    const out = spread;
    for (let i = 0; i < n; i++) {
      const r = ranks[i]!;
      out[starts[((r - least) * scale) | 0]!++] = r;
    }
    ranks.set(out.subarray(0, n));
  }
  for (let i = 1; i < n; i++) {
    const r = ranks[i]!;
    let j = i - 1;
    while (j >= 0 && ranks[j]! > r) {
      ranks[j + 1] = ranks[j]!;
      j--;
    }
    ranks[j + 1] = r;
  }
}
