import { queueWithCaseLimit } from './caseLimit.ts';
import type { CompiledStream, Model } from './model.ts';
import { standardNormal } from './random/normal.ts';
import type { Rng } from './random/rng.ts';
import type { StreamState } from './streamState.ts';
import { Items, packLastMonth, rankOf, WorkQueue } from './workQueue.ts';

/** Under first in, first out every key is 0, so an item's rank is this plus its number. */
const FIFO_RANK = rankOf(0, 0);

/** What one month's demand brought, summed over the demand streams. */
export class MonthDemand {
  suspects = 0;
  products = 0;
  hours = 0;
  assetHolders = 0;
  /** Suspects of cases never referred (suppressed demand), and their assets; not in `suspects`. */
  suppressedSuspects = 0;
  suppressedAssets = 0;
  /** Products of cases never referred; not in `products`. */
  suppressedProducts = 0;
  /** Suspects beyond a case limit, unexamined as they arrive, and their assets. */
  unexaminedAtArrival = 0;
  assetsUnexaminedAtArrival = 0;

  clear(): void {
    this.suspects = 0;
    this.products = 0;
    this.hours = 0;
    this.assetHolders = 0;
    this.suppressedSuspects = 0;
    this.suppressedAssets = 0;
    this.suppressedProducts = 0;
    this.unexaminedAtArrival = 0;
    this.assetsUnexaminedAtArrival = 0;
  }
}

/**
 * Draws one demand stream's cases for month `t` from its random stream, adds each item (suspect
 * or product) to `items` and to the stream's queue with its triage rank, and adds up what came
 * in `out`. In two loops, each a function of its own: V8 inlines a call only within a budget per
 * function, and a sampler call it leaves out boxes every number it returns, which is garbage
 * per draw (docs/benchmarks.md has what it cost when drawing and queueing shared one function).
 */
export function drawDemand(
  model: Model,
  stream: CompiledStream,
  rng: Rng,
  t: number,
  queue: WorkQueue,
  items: Items,
  out: MonthDemand,
  state: StreamState,
): void {
  const first = items.count;
  state.caseCount = 0;
  drawItems(stream, state, rng, t, items, out);
  if (stream.maxPerCase === Infinity) queueItems(model, stream, t, queue, items, first);
  else queueWithCaseLimit(model, stream, state, queue, items, first, out, t);
}

/**
 * Draws the month's cases and their items, in the order the streams are defined to draw them,
 * straight into `items` (with each item's triage noise), and adds them up in `out`. The items of
 * a case that is not referred (suppressed demand) are drawn all the same, so every later draw
 * stays where it was, and are counted apart rather than kept.
 */
function drawItems(
  stream: CompiledStream,
  state: StreamState,
  rng: Rng,
  t: number,
  items: Items,
  out: MonthDemand,
): void {
  const { suspects, assetProbability, items: itemCount } = stream;
  const { hours: hoursOf, assetValue, suppressRng, suppressShare } = state;
  const limited = stream.maxPerCase !== Infinity;
  const { skipAssetValue } = stream;
  const lastMonthAndKind = packLastMonth(t + stream.windowMonths, suspects);
  const cases = stream.cases(rng, stream.growthByMonth[t]!);
  // Carried on from the streams before, so hours are added in the same order as one loop would.
  let demandHours = out.hours;
  let suspectsArrived = 0;
  let productsArrived = 0;
  let assetHolders = 0;
  let suppressedItems = 0;
  let suppressedAssets = 0;
  let seq = items.count;
  let { remaining, value: values, noise: noises, lastMonthAndKind: lastMonths } = items;
  let { stream: streamOf, finished } = items;
  for (let c = 0; c < cases; c++) {
    // One uniform for every case, whether or not the queue is behind this month, so the
    // suppression stream's draws line up in any two runs.
    const notReferred = suppressRng !== null && suppressRng() < suppressShare;
    const count = itemCount(rng, 1);
    for (let i = 0; i < count; i++) {
      const hours = hoursOf(rng, 1);
      let value = 0;
      let holds = false;
      if (suspects) {
        holds = rng() < assetProbability;
        // A value never used is skipped (its uniforms taken, not turned into a value), unless
        // hours and value are drawn together, whose copula needs every draw.
        if (holds) value = assetValue(rng, 1);
        else if (state.hoursValue) assetValue(rng, 1);
        else skipAssetValue(rng);
      }
      // The noise is drawn whatever the policy, so changing it leaves every later draw alone.
      const noise = standardNormal(rng);
      if (notReferred) {
        suppressedItems++;
        suppressedAssets += value;
        continue;
      }
      demandHours += hours;
      if (suspects) {
        if (holds) assetHolders++;
        suspectsArrived++;
      } else {
        productsArrived++;
      }
      if (seq === remaining.length) {
        items.grow();
        ({ remaining, value: values, noise: noises, lastMonthAndKind: lastMonths } = items);
        ({ stream: streamOf, finished } = items);
      }
      lastMonths[seq] = lastMonthAndKind;
      remaining[seq] = hours;
      values[seq] = value;
      noises[seq] = noise;
      streamOf[seq] = stream.index;
      finished[seq] = 0;
      seq++;
    }
    if (limited && !notReferred) state.endCase(seq);
  }
  items.count = seq;
  out.suspects += suspectsArrived;
  out.products += productsArrived;
  out.hours = demandHours;
  out.assetHolders += assetHolders;
  if (suspects) {
    out.suppressedSuspects += suppressedItems;
    out.suppressedAssets += suppressedAssets;
  } else {
    out.suppressedProducts += suppressedItems;
  }
}

/** Puts items [first, items.count) in `queue`, each with its triage rank. */
function queueItems(
  model: Model,
  stream: CompiledStream,
  t: number,
  queue: WorkQueue,
  items: Items,
  first: number,
): void {
  const { count } = items;
  const n = count - first;
  if (n === 0) return;
  queue.expireAfter(first, count, t + stream.windowMonths, stream.suspects ? n : 0, stream.suspects ? 0 : n);
  if (!model.triageByValue) {
    for (let seq = first; seq < count; seq++) queue.admit(items, seq, FIFO_RANK + seq);
    return;
  }
  const { valueWeight, valueShift, noiseWeight } = model;
  const { value, noise } = items;
  for (let seq = first; seq < count; seq++) {
    // log10(1 + 0) is 0: most suspects hold no assets, and skipping the call for them gives the
    // same key.
    const v = value[seq]!;
    const logValue = v === 0 ? 0 : Math.log10(1 + v);
    queue.admit(items, seq, rankOf(valueWeight * logValue + valueShift + noiseWeight * noise[seq]!, seq));
  }
}
