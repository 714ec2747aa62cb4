/**
 * The items (suspects or analytical products) waiting for one role in one pool, in triage
 * order: highest priority key first, and among equal keys the oldest first.
 *
 * Each item of a replication has a number, `seq`, in order of arrival, and its data sits at that
 * index in typed arrays. The queue itself is a sorted Float64Array of "ranks": the priority key,
 * quantised and inverted so that smaller is first, times 2²² plus `seq`. A rank alone says both
 * the order and where the item's data is, so each month the arrivals are sorted by the engine's
 * native numeric sort and merged into the waiting ranks, with no objects, no comparator calls
 * and no sorting of the whole queue.
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

/** The data of every item that arrives in one replication, by `seq`. Shared by all queues. */
export class Items {
  count = 0;
  /** The month after which an unfinished item is lost: arrival month + window. */
  lastMonth = new Int32Array(1024);
  remaining = new Float64Array(1024);
  value = new Float64Array(1024);
  /** 1 for a suspect, 0 for a product. */
  suspect = new Uint8Array(1024);

  add(lastMonth: number, hours: number, value: number, suspect: boolean): number {
    const seq = this.count++;
    if (seq === this.remaining.length) this.grow();
    this.lastMonth[seq] = lastMonth;
    this.remaining[seq] = hours;
    this.value[seq] = value;
    this.suspect[seq] = suspect ? 1 : 0;
    return seq;
  }

  private grow(): void {
    const size = this.remaining.length * 2;
    if (size > MAX_ITEMS) {
      throw new RangeError(
        `A replication produced more than ${MAX_ITEMS.toLocaleString('en-GB')} suspects and products; reduce the demand or the horizon.`,
      );
    }
    const lastMonth = new Int32Array(size);
    lastMonth.set(this.lastMonth);
    const remaining = new Float64Array(size);
    remaining.set(this.remaining);
    const value = new Float64Array(size);
    value.set(this.value);
    const suspect = new Uint8Array(size);
    suspect.set(this.suspect);
    Object.assign(this, { lastMonth, remaining, value, suspect });
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
   */
  work(month: number, hours: number, sortArrivals: boolean, items: Items, out: MonthOutcome): void {
    const n = this.arrivalsLength;
    const arrivals = this.arrivals.subarray(0, n);
    if (sortArrivals) arrivals.sort();
    const waiting = this.waiting;
    const w = this.waitingLength;
    if (this.next.length < w + n)
      this.next = new Float64Array(Math.max(w + n, this.next.length * 2));
    const next = this.next;
    const { remaining, value, suspect, lastMonth } = items;
    let i = 0;
    let j = 0;
    let kept = 0;
    let left = hours;
    let backlogSuspects = 0;
    while (i < w || j < n) {
      const rank = j >= n || (i < w && waiting[i]! < arrivals[j]!) ? waiting[i++]! : arrivals[j++]!;
      const seq = rank - Math.floor(rank * INVERSE_MAX_ITEMS) * MAX_ITEMS;
      const isSuspect = suspect[seq] === 1;
      if (left > 0) {
        const need = remaining[seq]!;
        if (need <= left) {
          left -= need;
          out.hoursWorked += need;
          if (isSuspect) {
            const v = value[seq]!;
            out.suspectsExamined++;
            if (v > 0) {
              out.suspectsWithAssetsExamined++;
              out.assetsExamined += v;
            }
          } else {
            out.productsDelivered++;
          }
          continue;
        }
        remaining[seq] = need - left;
        out.hoursWorked += left;
        left = 0;
      }
      if (month >= lastMonth[seq]!) {
        if (isSuspect) {
          out.unexaminedSuspects++;
          out.assetsLost += value[seq]!;
        } else {
          out.undeliveredProducts++;
        }
        continue;
      }
      next[kept++] = rank;
      if (isSuspect) backlogSuspects++;
    }
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
