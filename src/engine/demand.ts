import type { CompiledStream, Model } from './model.ts';
import type { Rng } from './random/rng.ts';
import { Items, rankOf, WorkQueue } from './workQueue.ts';

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
 * in `out`. The hottest loop of the engine, in a function of its own so the compiler inlines
 * the samplers and the queue into it with an inlining budget of its own.
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
  const { triageByValue, valueWeight, valueShift, noiseWeight } = model;
  const { suspects, assetProbability, items: itemCount, hours: hoursOf, assetValue } = stream;
  const lastMonth = t + stream.windowMonths;
  const cases = stream.cases(rng, stream.growthByMonth[t]!);
  // Carried on from the streams before, so hours are added in the same order as one loop would.
  let demandHours = out.hours;
  let suspectsArrived = 0;
  let productsArrived = 0;
  let assetHolders = 0;
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
      // It is standardNormal(rng) written out: this loop's inlining budget is spent by then, and
      // called, the function would box every number it returns (half a megabyte a replication).
      const u = 1 - rng();
      const v = rng();
      const noise = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
      const seq = items.add(lastMonth, hours, value, suspects);
      if (triageByValue) {
        // log10(1 + 0) is 0: most suspects hold no assets, and skipping the call for them
        // gives the same key.
        const logValue = value === 0 ? 0 : Math.log10(1 + value);
        queue.arrive(rankOf(valueWeight * logValue + valueShift + noiseWeight * noise, seq));
      } else {
        queue.arrive(FIFO_RANK + seq);
      }
    }
  }
  out.suspects += suspectsArrived;
  out.products += productsArrived;
  out.hours = demandHours;
  out.assetHolders += assetHolders;
}
