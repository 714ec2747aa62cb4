import type { CompiledStream, Model } from './model.ts';
import type { Rng } from './random/rng.ts';
import { Items, packLastMonth, rankOf, WorkQueue } from './workQueue.ts';

/** Under first in, first out every key is 0, so an item's rank is this plus its number. */
const FIFO_RANK = rankOf(0, 0);

/** What one month's demand brought, summed over the demand streams. */
export class MonthDemand {
  suspects = 0;
  products = 0;
  hours = 0;
  assetHolders = 0;

  clear(): void {
    this.suspects = 0;
    this.products = 0;
    this.hours = 0;
    this.assetHolders = 0;
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
): void {
  const first = items.count;
  drawItems(stream, rng, t, items, out);
  queueItems(model, queue, items, first);
}

/**
 * Draws the month's cases and their items, in the order the streams are defined to draw them,
 * straight into `items` (with each item's triage noise), and adds them up in `out`.
 */
function drawItems(
  stream: CompiledStream,
  rng: Rng,
  t: number,
  items: Items,
  out: MonthDemand,
): void {
  const { suspects, assetProbability, items: itemCount, hours: hoursOf, assetValue } = stream;
  const lastMonthAndKind = packLastMonth(t + stream.windowMonths, suspects);
  const cases = stream.cases(rng, stream.growthByMonth[t]!);
  // Carried on from the streams before, so hours are added in the same order as one loop would.
  let demandHours = out.hours;
  let suspectsArrived = 0;
  let productsArrived = 0;
  let assetHolders = 0;
  let seq = items.count;
  let { remaining, value: values, noise: noises, lastMonthAndKind: lastMonths } = items;
  for (let c = 0; c < cases; c++) {
    const count = itemCount(rng, 1);
    for (let i = 0; i < count; i++) {
      const hours = hoursOf(rng, 1);
      demandHours += hours;
      let value = 0;
      if (suspects) {
        const holds = rng() < assetProbability;
        const drawn = assetValue(rng, 1);
        if (holds) {
          value = drawn;
          assetHolders++;
        }
        suspectsArrived++;
      } else {
        productsArrived++;
      }
      // The noise is drawn whatever the policy, so changing it leaves every later draw alone.
      const u = 1 - rng();
      const v = rng();
      if (seq === remaining.length) {
        items.grow();
        ({ remaining, value: values, noise: noises, lastMonthAndKind: lastMonths } = items);
      }
      lastMonths[seq] = lastMonthAndKind;
      remaining[seq] = hours;
      values[seq] = value;
      noises[seq] = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
      seq++;
    }
  }
  items.count = seq;
  out.suspects += suspectsArrived;
  out.products += productsArrived;
  out.hours = demandHours;
  out.assetHolders += assetHolders;
}

/** Puts items [first, items.count) in `queue`, each with its triage rank. */
function queueItems(model: Model, queue: WorkQueue, items: Items, first: number): void {
  const { count } = items;
  if (!model.triageByValue) {
    for (let seq = first; seq < count; seq++) queue.arrive(FIFO_RANK + seq);
    return;
  }
  const { valueWeight, valueShift, noiseWeight } = model;
  const { value, noise } = items;
  for (let seq = first; seq < count; seq++) {
    // log10(1 + 0) is 0: most suspects hold no assets, and skipping the call for them gives the
    // same key.
    const v = value[seq]!;
    const logValue = v === 0 ? 0 : Math.log10(1 + v);
    queue.arrive(rankOf(valueWeight * logValue + valueShift + noiseWeight * noise[seq]!, seq));
  }
}
