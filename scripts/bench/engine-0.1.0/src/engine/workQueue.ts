import { sortRanks } from './rankSort.ts';
import { EngineLimitError } from './limitError.ts';

/**
 * The items (suspects or analytical products) waiting for one role in one pool, in triage
 * order: highest priority key first, and among equal keys the oldest first.
 *
 * Each item of a replication has a number, `seq`, in order of arrival, and its data sits at that
 * index in typed arrays. The queue itself is a sorted Float64Array of "ranks": the priority key,
 * quantised and inverted so that smaller is first, times 2²² plus `seq`. A rank alone says both
 * the order and where the item's data is, so each month the arrivals are radix-sorted
 * (rankSort.ts) and merged into the waiting ranks, with no objects, no comparator calls and no
 * sorting of the whole queue.
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

  add(lastMonth: number, hours: number, value: number, suspect: boolean): number {
    const seq = this.count++;
    if (seq === this.remaining.length) this.grow();
    this.lastMonthAndKind[seq] = packLastMonth(lastMonth, suspect);
    this.remaining[seq] = hours;
    this.value[seq] = value;
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
    Object.assign(this, { lastMonthAndKind, remaining, value, noise });
  }
}

/** The rank of an item: sorts ascending in triage order. `key` is its priority, higher first. */
export function rankOf(key: number, seq: number): number {
  const k = key > KEY_LIMIT ? KEY_LIMIT : key < KEY_FLOOR ? KEY_FLOOR : key;
  return Math.round((KEY_LIMIT - k) * KEY_STEPS) * MAX_ITEMS + seq;
}

export class WorkQueue {
  private waiting = new Float64Array(256);
  private waitingLength = 0;
  private next = new Float64Array(256);
  private arrivals = new Float64Array(256);
  private arrivalsLength = 0;
  /** Suspects waiting at the end of the last month worked. */
  backlogSuspects = 0;
  /** Products waiting at the end of the last month worked. */
  backlogProducts = 0;

  reset(): void {
    this.waitingLength = 0;
    this.arrivalsLength = 0;
    this.backlogSuspects = 0;
    this.backlogProducts = 0;
  }

  arrive(rank: number): void {
    if (this.arrivalsLength === this.arrivals.length)
      this.arrivals = grow(this.arrivals, this.arrivalsLength);
    this.arrivals[this.arrivalsLength++] = rank;
  }

  /**
   * Spends `hours` on the items in triage order (a partly worked item keeps its progress), then
   * loses the unfinished items whose window has closed. `sortArrivals` is false when arrivals
   * are already in triage order, as under first-in first-out.
   *
   * An item is finished when its remaining hours are covered, so an item needing 0 hours is
   * finished even when no hours are left; the first item that cannot be finished takes what
   * is left, and work stops there.
   *
   * Arrivals are merged into the waiting items in one pass. Once work stops, the pass only
   * carries items over or loses them: most items a month touches are past that point, so that
   * part is a loop of its own with the outcome counts in locals.
   */
  work(month: number, hours: number, sortArrivals: boolean, items: Items, out: MonthOutcome): void {
    const n = this.arrivalsLength;
    const arrivals = this.arrivals;
    if (sortArrivals && n > 1) sortRanks(arrivals, n);
    const waiting = this.waiting;
    const w = this.waitingLength;
    if (this.next.length < w + n)
      this.next = new Float64Array(Math.max(w + n, this.next.length * 2));
    const next = this.next;
    const { remaining, value, lastMonthAndKind } = items;
    let i = 0;
    let j = 0;
    let kept = 0;
    let left = hours;
    let backlogSuspects = 0;
    // Sums in locals, written back once: a number field of an object updated item by item is
    // boxed anew at every update, a quarter of a megabyte of garbage per replication.
    let hoursWorked = out.hoursWorked;
    let suspectsExamined = out.suspectsExamined;
    let suspectsWithAssetsExamined = out.suspectsWithAssetsExamined;
    let assetsExamined = out.assetsExamined;
    let productsDelivered = out.productsDelivered;
    // Work items in rank order up to the first that the hours left cannot finish.
    while (i < w || j < n) {
      const rank = j >= n || (i < w && waiting[i]! < arrivals[j]!) ? waiting[i++]! : arrivals[j++]!;
      // The item number the rank carries in its low bits. Written out, not called: where V8
      // leaves a call out of line it boxes every rank passed, which is garbage per item.
      const seq = rank - Math.floor(rank * INVERSE_MAX_ITEMS) * MAX_ITEMS;
      const state = lastMonthAndKind[seq]!;
      const need = remaining[seq]!;
      if (need <= left) {
        left -= need;
        hoursWorked += need;
        if ((state & 1) === 1) {
          const v = value[seq]!;
          suspectsExamined++;
          if (v > 0) {
            suspectsWithAssetsExamined++;
            assetsExamined += v;
          }
        } else {
          productsDelivered++;
        }
        continue;
      }
      remaining[seq] = need - left;
      hoursWorked += left;
      if (month >= state >> 1) {
        if ((state & 1) === 1) {
          out.unexaminedSuspects++;
          out.assetsLost += value[seq]!;
        } else {
          out.undeliveredProducts++;
        }
      } else {
        next[kept++] = rank;
        backlogSuspects += state & 1;
      }
      break;
    }
    out.hoursWorked = hoursWorked;
    out.suspectsExamined = suspectsExamined;
    out.suspectsWithAssetsExamined = suspectsWithAssetsExamined;
    out.assetsExamined = assetsExamined;
    out.productsDelivered = productsDelivered;
    // Carry the rest over in rank order, or lose those whose window has closed.
    let unexaminedSuspects = 0;
    let undeliveredProducts = 0;
    let assetsLost = out.assetsLost;
    while (i < w || j < n) {
      const rank = j >= n || (i < w && waiting[i]! < arrivals[j]!) ? waiting[i++]! : arrivals[j++]!;
      const seq = rank - Math.floor(rank * INVERSE_MAX_ITEMS) * MAX_ITEMS;
      const state = lastMonthAndKind[seq]!;
      if (month >= state >> 1) {
        if ((state & 1) === 1) {
          unexaminedSuspects++;
          assetsLost += value[seq]!;
        } else {
          undeliveredProducts++;
        }
      } else {
        next[kept++] = rank;
        backlogSuspects += state & 1;
      }
    }
    out.unexaminedSuspects += unexaminedSuspects;
    out.undeliveredProducts += undeliveredProducts;
    out.assetsLost = assetsLost;
    this.arrivalsLength = 0;
    this.next = waiting;
    this.waiting = next;
    this.waitingLength = kept;
    this.backlogSuspects = backlogSuspects;
    this.backlogProducts = kept - backlogSuspects;
  }
}

function grow(a: Float64Array<ArrayBuffer>, length: number): Float64Array<ArrayBuffer> {
  const b = new Float64Array(a.length * 2);
  b.set(a.subarray(0, length));
  return b;
}
