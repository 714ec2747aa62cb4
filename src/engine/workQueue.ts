import { sortSpread } from './rankSort.ts';
import { EngineLimitError } from './limitError.ts';

/**
 * The items (suspects or analytical products) waiting for one role in one pool, in triage
 * order: highest priority key first, and among equal keys the oldest first.
 *
 * Each item of a replication has a number, `seq`, in order of arrival, and its data sits at that
 * index in typed arrays. An item's "rank" is its priority key, quantised and inverted so that
 * smaller is first, times 2²² plus `seq`: a rank alone says both the order and where the item's
 * data is. The queue keeps its items in buckets of nearby keys and orders a bucket only when
 * work reaches it (see WorkQueue), so most items, which wait at low priority until their window
 * closes, are never sorted at all.
 */

/** Items one replication may hold in all queues together. */
export const MAX_ITEMS = 2 ** 22;
const INVERSE_MAX_ITEMS = 2 ** -22;
/** Steps of the priority key per unit: keys closer than 2⁻²³ are taken in arrival order. */
const KEY_STEPS = 2 ** 23;
/** Priority keys are clamped to ±KEY_LIMIT; scores are standardised, so this is rarely reached. */
const KEY_LIMIT = 2 ** 7;
/**
 * The lowest key: one step above −KEY_LIMIT, so the largest rank, (2·KEY_LIMIT·KEY_STEPS − 1)
 * times MAX_ITEMS plus seq, stays below 2⁵³ and every rank is an exact integer.
 */
const KEY_FLOOR = -KEY_LIMIT + 1 / KEY_STEPS;

/** What happened to a queue's items in one month. */
export class MonthOutcome {
  suspectsExamined = 0;
  suspectsWithAssetsExamined = 0;
  assetsExamined = 0;
  unexaminedSuspects = 0;
  assetsLost = 0;
  productsDelivered = 0;
  undeliveredProducts = 0;
  hoursWorked = 0;

  clear(): void {
    this.suspectsExamined = 0;
    this.suspectsWithAssetsExamined = 0;
    this.assetsExamined = 0;
    this.unexaminedSuspects = 0;
    this.assetsLost = 0;
    this.productsDelivered = 0;
    this.undeliveredProducts = 0;
    this.hoursWorked = 0;
  }
}

/** An item's `lastMonthAndKind` (see Items): its last month times two, plus 1 for a suspect. */
export function packLastMonth(lastMonth: number, suspect: boolean): number {
  return lastMonth * 2 + (suspect ? 1 : 0);
}

/** The data of every item that arrives in one replication, by `seq`. Shared by all queues. */
export class Items {
  count = 0;
  /**
   * The month after which an unfinished item is lost (arrival month + window) times two, plus 1
   * for a suspect and 0 for a product. Packed so that carrying a waiting item from one month to
   * the next reads one number, not two, from a place no other item is near.
   */
  lastMonthAndKind = new Int32Array(1024);
  remaining = new Float64Array(1024);
  value = new Float64Array(1024);
  /** The standard normal noise drawn with each item, read when it is ranked for its queue. */
  noise = new Float64Array(1024);
  /**
   * What became of the item: 0 while it waits, the month it was finished plus 1, or minus
   * (the month it was lost plus 1). Read once the horizon is over, by the recovery funnel.
   */
  finished = new Int32Array(1024);
  /** The item's rank in its queue, set when the queue takes it in. */
  rank = new Float64Array(1024);
  /** The next item in the item's queue bucket, or -1 (see WorkQueue). */
  link = new Int32Array(1024);

  add(lastMonth: number, hours: number, value: number, suspect: boolean): number {
    const seq = this.count++;
    if (seq === this.remaining.length) this.grow();
    this.lastMonthAndKind[seq] = packLastMonth(lastMonth, suspect);
    this.remaining[seq] = hours;
    this.value[seq] = value;
    this.finished[seq] = 0;
    return seq;
  }

  /** Doubles the room for items, keeping those in. */
  grow(): void {
    const size = this.remaining.length * 2;
    if (size > MAX_ITEMS) {
      throw new EngineLimitError(
        `A replication produced more than ${MAX_ITEMS.toLocaleString('en-GB')} suspects and products; reduce the demand or the horizon.`,
      );
    }
    const lastMonthAndKind = new Int32Array(size);
    lastMonthAndKind.set(this.lastMonthAndKind);
    const remaining = new Float64Array(size);
    remaining.set(this.remaining);
    const value = new Float64Array(size);
    value.set(this.value);
    const noise = new Float64Array(size);
    noise.set(this.noise);
    const finished = new Int32Array(size);
    finished.set(this.finished);
    const rank = new Float64Array(size);
    rank.set(this.rank);
    const link = new Int32Array(size);
    link.set(this.link);
    Object.assign(this, {
      lastMonthAndKind,
      remaining,
      value,
      noise,
      finished,
      rank,
      link,
    });
  }
}

/**
 * The rank of an item: sorts ascending in triage order. `key` is its priority, higher first.
 *
 * The key's steps, (KEY_LIMIT − k)·KEY_STEPS, are rounded half up as ⌊x + 0.5⌋, which V8 compiles
 * to a few instructions where Math.round takes a call. The two agree here: x ≥ 0.5 gives an
 * exact sum or one whose rounding cannot reach the next integer, and an x below 0.5 comes from
 * a k within 2⁻²³ of KEY_LIMIT, where k's spacing makes x a multiple of 2⁻²³ and the sum exact.
 */
export function rankOf(key: number, seq: number): number {
  const k = key > KEY_LIMIT ? KEY_LIMIT : key < KEY_FLOOR ? KEY_FLOOR : key;
  return Math.floor((KEY_LIMIT - k) * KEY_STEPS + 0.5) * MAX_ITEMS + seq;
}

/**
 * Buckets of a queue. A bucket holds the items whose priority keys share their bits from
 * BUCKET_SHIFT up, 2⁻⁷ of a score unit wide, so every rank of one bucket comes before every rank
 * of the next; the buckets cover scores from −8 to +8, and the first and last also take the
 * (rare) items beyond.
 */
const BUCKETS = 2048;
const BUCKET_SHIFT = 16;
/** Subtracted from a key's high bits so that a score of 0 falls in bucket BUCKETS / 2. */
const BUCKET_OFFSET = ((KEY_LIMIT * KEY_STEPS) >>> BUCKET_SHIFT) - BUCKETS / 2;

/**
 * The items waiting for one role in one pool. They are kept in buckets by priority key (see
 * BUCKETS), each bucket a list linked through `Items.link` and sorted by rank only when work
 * reaches it, so an item that waits at low priority until its window closes is never ordered.
 * Items join in ranges of consecutive numbers sharing a last month (one stream's arrivals of one
 * month), and each month's expiry scans only the ranges whose last month it is. An item finished
 * or lost stays in its bucket's list (with `finished` non-zero) until work or a sort passes it.
 */
export class WorkQueue {
  /** Ranks from `arrive`, admitted at the start of `work`. */
  private arrivals = new Float64Array(256);
  private arrivalsLength = 0;
  /** First and last item of each bucket's list, or -1 for an empty bucket. */
  private readonly head = new Int32Array(BUCKETS).fill(-1);
  private readonly tail = new Int32Array(BUCKETS);
  /** 1 when a bucket's list may be out of rank order. */
  private readonly unsorted = new Uint8Array(BUCKETS);
  /** The rank of each bucket's last item, or one above it once items are taken out behind it. */
  private readonly lastRank = new Float64Array(BUCKETS);
  /** No bucket below this holds an item. */
  private low = BUCKETS;
  /** Ranges of items [first, end), each on the list of its last month, linked by `rangeNext`. */
  private rangeFirst = new Int32Array(64);
  private rangeEnd = new Int32Array(64);
  private rangeNext = new Int32Array(64);
  private rangeCount = 0;
  /** First and last range of each last month's list, or -1 for none. */
  private monthHead = new Int32Array(64).fill(-1);
  private monthTail = new Int32Array(64);
  /** No last month below this has a range. */
  private expiryLow = 0;
  /** Items numbered below this had joined when the last month's work ended. */
  private waitingBelow = 0;
  /** Scratch for admitRange's list of suspects holding assets. */
  private holders = new Int32Array(256);
  /** Scratch for sorting a bucket and for the ranks of a month's lost suspects with assets. */
  private scratch = new Float64Array(256);
  /** Suspects and products admitted and neither finished nor lost. */
  private suspectsIn = 0;
  private productsIn = 0;
  /** Suspects waiting at the end of the last month worked. */
  backlogSuspects = 0;
  /** Products waiting at the end of the last month worked. */
  backlogProducts = 0;

  reset(): void {
    this.arrivalsLength = 0;
    this.head.fill(-1);
    this.unsorted.fill(0);
    this.low = BUCKETS;
    this.rangeCount = 0;
    this.monthHead.fill(-1);
    this.expiryLow = 0;
    this.waitingBelow = 0;
    this.suspectsIn = 0;
    this.productsIn = 0;
    this.backlogSuspects = 0;
    this.backlogProducts = 0;
  }

  /**
   * Hours still needed by the items waiting since the end of the last month worked (not this
   * month's arrivals), added up in triage order.
   */
  waitingHours(items: Items): number {
    const { remaining, finished, link } = items;
    const { head, tail, unsorted, waitingBelow } = this;
    let hours = 0;
    for (let b = this.low; b < BUCKETS; b++) {
      if (head[b]! < 0) continue;
      if (unsorted[b] === 1 && this.sortBucket(b, items) < 0) continue;
      // Items finished or lost are taken out of the list on the way.
      let previous = -1;
      for (let seq = head[b]!; seq >= 0; seq = link[seq]!) {
        if (finished[seq] !== 0) {
          if (previous < 0) head[b] = link[seq]!;
          else link[previous] = link[seq]!;
          continue;
        }
        if (seq < waitingBelow) hours += remaining[seq]!;
        previous = seq;
      }
      if (previous < 0) head[b] = -1;
      else tail[b] = previous;
    }
    return hours;
  }

  /** Queues the item a rank names; it joins the buckets when the month is worked. */
  arrive(rank: number): void {
    if (this.arrivalsLength === this.arrivals.length)
      this.arrivals = grow(this.arrivals, this.arrivalsLength);
    this.arrivals[this.arrivalsLength++] = rank;
  }

  /**
   * Puts item `seq`, of rank `rank`, in its bucket at once. The caller names the range it is in
   * with `expireAfter`.
   */
  admit(items: Items, seq: number, rank: number): void {
    const { head, tail, lastRank } = this;
    const { rank: rankOfItem, link } = items;
    rankOfItem[seq] = rank;
    link[seq] = -1;
    const high = (Math.floor(rank * INVERSE_MAX_ITEMS) >>> BUCKET_SHIFT) - BUCKET_OFFSET;
    const b = high < 0 ? 0 : high >= BUCKETS ? BUCKETS - 1 : high;
    if (head[b]! < 0) {
      head[b] = seq;
      this.unsorted[b] = 0;
      if (b < this.low) this.low = b;
    } else {
      link[tail[b]!] = seq;
      if (rank < lastRank[b]!) this.unsorted[b] = 1;
    }
    tail[b] = seq;
    lastRank[b] = rank;
  }

  /**
   * Admits items [first, end), as `admit` would with each item's rank: rankOf of the triage key
   * weights[0]·log10(1 + value) + weights[1] + weights[2]·noise (see Model.triageWeights), or
   * of key 0 for every item (first in, first out) when `weights` is null. Written out with
   * rankOf's and the buckets' constants as numbers, so that the loop reads no module binding
   * and no number from an object field, each of which V8 would read and check at every item.
   */
  admitRange(items: Items, first: number, end: number, weights: Float64Array | null): void {
    const { head, tail, unsorted, lastRank } = this;
    const { rank: rankOfItem, link, value, noise } = items;
    const byValue = weights !== null;
    const valueWeight = byValue ? weights[0]! : 0;
    const valueShift = byValue ? weights[1]! : 0;
    const noiseWeight = byValue ? weights[2]! : 0;
    // KEY_LIMIT = 128, KEY_FLOOR = −128 + 2⁻²³, KEY_STEPS = 2²³, MAX_ITEMS = 2²²,
    // BUCKET_SHIFT = 16, BUCKET_OFFSET = 15360 and BUCKETS = 2048.
    const floor = -128 + 1 / 8388608;
    if (byValue) {
      // The value's part of each key, log10(1 + value), goes in `rank` for now. log10(1 + 0) is
      // 0, and most suspects hold nothing: the holders are listed without a branch (whether a
      // suspect holds is near a coin toss), and only they take the logarithm.
      if (this.holders.length < end - first) this.holders = new Int32Array(2 * (end - first));
      const holders = this.holders;
      let n = 0;
      for (let seq = first; seq < end; seq++) {
        rankOfItem[seq] = 0;
        holders[n] = seq;
        n += +(value[seq]! !== 0);
      }
      for (let i = 0; i < n; i++) {
        const seq = holders[i]!;
        rankOfItem[seq] = Math.log10(1 + value[seq]!);
      }
    }
    let low = this.low;
    for (let seq = first; seq < end; seq++) {
      const key = byValue
        ? valueWeight * rankOfItem[seq]! + valueShift + noiseWeight * noise[seq]!
        : 0;
      const k = key > 128 ? 128 : key < floor ? floor : key;
      const steps = Math.floor((128 - k) * 8388608 + 0.5);
      const rank = steps * 4194304 + seq;
      rankOfItem[seq] = rank;
      link[seq] = -1;
      const high = (steps >>> 16) - 15360;
      const b = high < 0 ? 0 : high >= 2048 ? 2047 : high;
      if (head[b]! < 0) {
        head[b] = seq;
        unsorted[b] = 0;
        if (b < low) low = b;
      } else {
        link[tail[b]!] = seq;
        // Branch-free: whether a rank comes below the last is a coin toss under value triage.
        unsorted[b]! |= +(rank < lastRank[b]!);
      }
      tail[b] = seq;
      lastRank[b] = rank;
    }
    this.low = low;
  }

  /**
   * Notes that the items admitted from [first, end), `suspects` suspects and `products`
   * products, are lost if not finished by the end of month `lastMonth`.
   */
  expireAfter(
    first: number,
    end: number,
    lastMonth: number,
    suspects: number,
    products: number,
  ): void {
    this.suspectsIn += suspects;
    this.productsIn += products;
    if (lastMonth >= this.monthHead.length) this.growMonths(lastMonth);
    const last = this.monthHead[lastMonth]! < 0 ? -1 : this.monthTail[lastMonth]!;
    // One item after another of one stream and month extends the range it follows.
    if (last >= 0 && this.rangeEnd[last] === first) {
      this.rangeEnd[last] = end;
      return;
    }
    if (this.rangeCount === this.rangeFirst.length) this.growRanges();
    const r = this.rangeCount++;
    this.rangeFirst[r] = first;
    this.rangeEnd[r] = end;
    this.rangeNext[r] = -1;
    if (last < 0) this.monthHead[lastMonth] = r;
    else this.rangeNext[last] = r;
    this.monthTail[lastMonth] = r;
    if (lastMonth < this.expiryLow) this.expiryLow = lastMonth;
  }

  /**
   * Spends `hours` on the items in triage order (a partly worked item keeps its progress), then
   * loses the unfinished items whose window has closed. `sortArrivals` is false when arrivals
   * are already in triage order, as under first-in first-out; the buckets find that out for
   * themselves, so it changes nothing.
   *
   * An item is finished when its remaining hours are covered, so an item needing 0 hours is
   * finished even when no hours are left; the first item that cannot be finished takes what
   * is left, and work stops there.
   */
  work(month: number, hours: number, sortArrivals: boolean, items: Items, out: MonthOutcome): void {
    void sortArrivals;
    if (this.arrivalsLength > 0) this.admitArrivals(items);
    const { head, unsorted } = this;
    const { remaining, value, lastMonthAndKind, finished, link } = items;
    const done = month + 1;
    let left = hours;
    let queued = this.suspectsIn + this.productsIn;
    let suspectsDone = 0;
    // Sums in locals, written back once: a number field of an object updated item by item is
    // boxed anew at every update.
    let hoursWorked = out.hoursWorked;
    let suspectsExamined = out.suspectsExamined;
    let suspectsWithAssetsExamined = out.suspectsWithAssetsExamined;
    let assetsExamined = out.assetsExamined;
    let productsDelivered = out.productsDelivered;
    let b = this.low;
    // BUCKETS as a number: a module binding is read and checked again at every use.
    buckets: while (queued > 0 && b < 2048) {
      let seq = head[b]!;
      if (seq < 0) {
        b++;
        continue;
      }
      if (unsorted[b] === 1) {
        // Sorted into scratch and worked from there, with no list to follow item by item;
        // only the items work leaves are linked again.
        const n = this.gatherSorted(b, items);
        const ranks = this.scratch;
        for (let i = 0; i < n; i++) {
          const rank = ranks[i]!;
          const item = rank - Math.floor(rank * 2.384185791015625e-7) * 4194304;
          const need = remaining[item]!;
          if (need > left) {
            remaining[item] = need - left;
            hoursWorked += left;
            this.relink(b, items, i, n);
            break buckets;
          }
          left -= need;
          hoursWorked += need;
          finished[item] = done;
          queued--;
          if ((lastMonthAndKind[item]! & 1) === 1) {
            const v = value[item]!;
            suspectsDone++;
            suspectsExamined++;
            suspectsWithAssetsExamined += +(v > 0);
            assetsExamined += v;
          } else {
            productsDelivered++;
          }
        }
        head[b] = -1;
        b++;
        continue;
      }
      // A sorted bucket (under first in, first out, the whole queue) is followed along its list
      // only as far as work goes.
      while (seq >= 0) {
        const after = link[seq]!;
        if (finished[seq] === 0) {
          const need = remaining[seq]!;
          if (need > left) {
            // The first item that cannot be finished takes the hours left; it heads its bucket.
            remaining[seq] = need - left;
            hoursWorked += left;
            head[b] = seq;
            break buckets;
          }
          left -= need;
          hoursWorked += need;
          finished[seq] = done;
          queued--;
          if ((lastMonthAndKind[seq]! & 1) === 1) {
            // Adding a value of 0 changes no sum; whether a suspect holds assets is counted
            // without a branch, being near a coin toss.
            const v = value[seq]!;
            suspectsDone++;
            suspectsExamined++;
            suspectsWithAssetsExamined += +(v > 0);
            assetsExamined += v;
          } else {
            productsDelivered++;
          }
        }
        seq = after;
      }
      head[b] = -1;
      b++;
    }
    this.low = b;
    this.suspectsIn -= suspectsDone;
    this.productsIn = queued - this.suspectsIn;
    out.hoursWorked = hoursWorked;
    out.suspectsExamined = suspectsExamined;
    out.suspectsWithAssetsExamined = suspectsWithAssetsExamined;
    out.assetsExamined = assetsExamined;
    out.productsDelivered = productsDelivered;
    this.expire(month, items, out);
    this.backlogSuspects = this.suspectsIn;
    this.backlogProducts = this.productsIn;
    this.waitingBelow = items.count;
  }

  /** Admits the ranks queued by `arrive`, each in a range of its own or extending the last. */
  private admitArrivals(items: Items): void {
    const { arrivals } = this;
    const { lastMonthAndKind } = items;
    for (let j = 0; j < this.arrivalsLength; j++) {
      const rank = arrivals[j]!;
      // The item number the rank carries in its low bits, written out (see INVERSE_MAX_ITEMS).
      const seq = rank - Math.floor(rank * INVERSE_MAX_ITEMS) * MAX_ITEMS;
      this.admit(items, seq, rank);
      const state = lastMonthAndKind[seq]!;
      this.expireAfter(seq, seq + 1, state >> 1, state & 1, 1 - (state & 1));
    }
    this.arrivalsLength = 0;
  }

  /**
   * Loses the items still queued whose last month is `month` or before. The assets of lost
   * suspects are added up in triage order, as one pass down the queue would meet them.
   */
  private expire(month: number, items: Items, out: MonthOutcome): void {
    const { finished, lastMonthAndKind, value, rank: rankOfItem } = items;
    const { monthHead, rangeFirst, rangeEnd, rangeNext } = this;
    const lost = -(month + 1);
    let unexaminedSuspects = 0;
    let undeliveredProducts = 0;
    let holders = 0;
    const through = Math.min(month, monthHead.length - 1);
    for (let m = this.expiryLow; m <= through; m++) {
      for (let r = monthHead[m]!; r >= 0; r = rangeNext[r]!) {
        const first = rangeFirst[r]!;
        const end = rangeEnd[r]!;
        if (this.scratch.length < holders + end - first) {
          this.scratch = grow(this.scratch, holders, holders + end - first);
        }
        const ranks = this.scratch;
        // Without branches: whether an item is still queued, and whether it holds assets, are
        // near coin tosses. An item still queued has finished 0, and takes `lost`; adding a
        // value of 0 changes no sum, so only holders need ordering, and each item's rank is
        // written where the next holder's goes, kept only if it is one.
        for (let seq = first; seq < end; seq++) {
          const fate = finished[seq]!;
          const isLost = 1 - ((fate | (0 - fate)) >>> 31);
          finished[seq] = fate + isLost * lost;
          const suspect = lastMonthAndKind[seq]! & 1;
          const lostSuspect = isLost & suspect;
          unexaminedSuspects += lostSuspect;
          undeliveredProducts += isLost - lostSuspect;
          ranks[holders] = rankOfItem[seq]!;
          holders += lostSuspect & +(value[seq] !== 0);
        }
      }
      monthHead[m] = -1;
    }
    if (month + 1 > this.expiryLow) this.expiryLow = month + 1;
    this.suspectsIn -= unexaminedSuspects;
    this.productsIn -= undeliveredProducts;
    out.unexaminedSuspects += unexaminedSuspects;
    out.undeliveredProducts += undeliveredProducts;
    if (holders === 0) return;
    const ranks = this.scratch;
    sortSpread(ranks, holders);
    let assetsLost = out.assetsLost;
    for (let i = 0; i < holders; i++) {
      const rank = ranks[i]!;
      assetsLost += value[rank - Math.floor(rank * 2.384185791015625e-7) * 4194304]!;
    }
    out.assetsLost = assetsLost;
  }

  /**
   * Sorts bucket b's list by rank, leaving out the items finished or lost; returns its first
   * item, or -1 when none is left.
   */
  private sortBucket(b: number, items: Items): number {
    const n = this.gatherSorted(b, items);
    if (n === 0) return -1;
    this.relink(b, items, 0, n);
    return this.head[b]!;
  }

  /**
   * Puts the ranks of bucket b's items still queued in `scratch`, sorted, and returns how many;
   * an empty bucket is marked so. The bucket's list is left for `relink` to write again.
   */
  private gatherSorted(b: number, items: Items): number {
    const { head, unsorted } = this;
    const { finished, link, rank: rankOfItem } = items;
    let n = 0;
    for (let seq = head[b]!; seq >= 0; seq = link[seq]!) {
      if (finished[seq] !== 0) continue;
      if (n === this.scratch.length) this.scratch = grow(this.scratch, n);
      this.scratch[n++] = rankOfItem[seq]!;
    }
    unsorted[b] = 0;
    if (n === 0) {
      head[b] = -1;
      return 0;
    }
    const ranks = this.scratch;
    // Up to 24 ranks by insertion, more by sortSpread.
    if (n <= 24) {
      for (let i = 1; i < n; i++) {
        const r = ranks[i]!;
        let j = i - 1;
        while (j >= 0 && ranks[j]! > r) {
          ranks[j + 1] = ranks[j]!;
          j--;
        }
        ranks[j + 1] = r;
      }
    } else {
      sortSpread(ranks, n);
    }
    return n;
  }

  /** Makes the items of scratch[from, n), in that order, bucket b's list. */
  private relink(b: number, items: Items, from: number, n: number): void {
    const { head, tail } = this;
    const { link } = items;
    const ranks = this.scratch;
    let previous = -1;
    for (let i = from; i < n; i++) {
      const rank = ranks[i]!;
      const seq = rank - Math.floor(rank * 2.384185791015625e-7) * 4194304;
      if (previous < 0) head[b] = seq;
      else link[previous] = seq;
      previous = seq;
    }
    link[previous] = -1;
    tail[b] = previous;
    this.lastRank[b] = ranks[n - 1]!;
  }

  private growMonths(month: number): void {
    const size = Math.max(month + 1, this.monthHead.length * 2);
    const head = new Int32Array(size).fill(-1);
    head.set(this.monthHead);
    const tail = new Int32Array(size);
    tail.set(this.monthTail);
    this.monthHead = head;
    this.monthTail = tail;
  }

  private growRanges(): void {
    const size = this.rangeFirst.length * 2;
    for (const key of ['rangeFirst', 'rangeEnd', 'rangeNext'] as const) {
      const grown = new Int32Array(size);
      grown.set(this[key]);
      this[key] = grown;
    }
  }
}

function grow(
  a: Float64Array<ArrayBuffer>,
  length: number,
  atLeast = 0,
): Float64Array<ArrayBuffer> {
  const b = new Float64Array(Math.max(a.length * 2, atLeast));
  b.set(a.subarray(0, length));
  return b;
}
