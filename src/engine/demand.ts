import { queueWithCaseLimit } from './caseLimit.ts';
import type { CompiledStream, Model } from './model.ts';
import { exp } from './random/exp.ts';
import { edge, INNER, standardNormal, STEP } from './random/normal.ts';
import type { Rng, StreamSet } from './random/rng.ts';
import {
  CHECK_DRAWS,
  DRAW_CONSTANT,
  DRAW_LOGNORMAL,
  DRAW_POISSON,
  DRAW_SAMPLER,
} from './random/sampler.ts';
import type { StreamState } from './streamState.ts';
import { Items, packLastMonth, WorkQueue } from './workQueue.ts';

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
 *
 * When `rng` is the draw of `source`, the same draws are made by drawItemsHeld, which holds the
 * generator's state in local variables.
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
  source?: StreamSet,
): void {
  const first = items.count;
  state.caseCount = 0;
  if (source !== undefined && source.draw === rng) {
    // The month's cases first, by their sampler: drawn here, its code stays out of the loop's.
    const cases = stream.cases(rng, stream.growthByMonth[t]!);
    drawItemsHeld(source, stream, state, cases, t, items, out);
  } else drawItems(stream, state, rng, t, items, out);
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
  let { finished } = items;
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
        ({ finished } = items);
      }
      lastMonths[seq] = lastMonthAndKind;
      remaining[seq] = hours;
      values[seq] = value;
      noises[seq] = noise;
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

/**
 * drawItems for a stream drawn from `source`, with the same draws in the same order and the same
 * results, but the generator's state held in local variables rather than in a typed array behind
 * two closures: stepping xor128 in registers takes a few instructions where a call through the
 * closures takes dozens, and a suspect takes five or more uniforms. Items per case, hours and
 * asset values are drawn here as their drawPlan says; a draw it does not make itself (the rare
 * part of a normal, a kind with no plan, hours and value drawn together) writes the state back,
 * calls the sampler and takes the state up again.
 */
function drawItemsHeld(
  source: StreamSet,
  stream: CompiledStream,
  state: StreamState,
  cases: number,
  t: number,
  items: Items,
  out: MonthDemand,
): void {
  // Module bindings are read and checked anew at every use; locals are read once.
  const exponential = exp;
  const inner = INNER;
  const step = STEP;
  const constant = DRAW_CONSTANT;
  const poisson = DRAW_POISSON;
  const lognormal = DRAW_LOGNORMAL;
  const check = CHECK_DRAWS;
  const { suspects, items: itemCount, skipAssetValue, drawPlan } = stream;
  const { hours: hoursOf, assetValue, suppressRng, suppressShare } = state;
  // Numbers read in the loop come from typed arrays: a number field of an object may be boxed,
  // and V8 then unboxes it at every use.
  const assetProbability = drawPlan[9]!;
  const copula = state.hoursValue !== null;
  const itemsKind = drawPlan[0]!;
  const itemsA = drawPlan[1]!;
  const itemsB = drawPlan[2]!;
  const hoursKind = copula ? DRAW_SAMPLER : drawPlan[3]!;
  const hoursA = drawPlan[4]!;
  const hoursB = drawPlan[5]!;
  const valueKind = copula ? DRAW_SAMPLER : drawPlan[6]!;
  const valueA = drawPlan[7]!;
  const valueB = drawPlan[8]!;
  const limited = stream.maxPerCase !== Infinity;
  const lastMonthAndKind = packLastMonth(t + stream.windowMonths, suspects);
  const { state: held, draw } = source;
  let s0 = held[0]!;
  let s1 = held[1]!;
  let s2 = held[2]!;
  let s3 = held[3]!;
  // One xor128 step, as StreamSet's `next`, is written out at each draw below: x = s0,
  // t = x ^ (x << 11), then the state shifts down and s3 = s3 ^ (s3 >>> 19) ^ t ^ (t >>> 8).
  // A uniform is (s3 >>> 0) / 2³², and the 32 bits a normal draw reads, u·2³² − 2³¹, are s3
  // with its top bit flipped.
  let demandHours = out.hours;
  let suspectsArrived = 0;
  let productsArrived = 0;
  let assetHolders = 0;
  let suppressedItems = 0;
  let suppressedAssets = 0;
  const firstSeq = items.count;
  let seq = firstSeq;
  let { remaining, value: values, noise: noises, lastMonthAndKind: lastMonths } = items;
  let { finished } = items;
  // Items whose asset value is held as its exponent until after the loop.
  let exponents = exponentScratch;
  let deferred = 0;
  for (let c = 0; c < cases; c++) {
    const notReferred = suppressRng !== null && suppressRng() < suppressShare;
    let count: number;
    if (itemsKind === poisson) {
      let x = s0 ^ (s0 << 11);
      s0 = s1;
      s1 = s2;
      s2 = s3;
      s3 = s3 ^ (s3 >>> 19) ^ x ^ (x >>> 8);
      let product = 1 - (s3 >>> 0) / 4294967296;
      let k = 0;
      while (product > itemsA) {
        k++;
        x = s0 ^ (s0 << 11);
        s0 = s1;
        s1 = s2;
        s2 = s3;
        s3 = s3 ^ (s3 >>> 19) ^ x ^ (x >>> 8);
        product *= 1 - (s3 >>> 0) / 4294967296;
      }
      count = itemsB + k;
    } else if (itemsKind === constant) {
      count = itemsA;
    } else {
      held[0] = s0;
      held[1] = s1;
      held[2] = s2;
      held[3] = s3;
      count = itemCount(draw, 1);
      s0 = held[0]!;
      s1 = held[1]!;
      s2 = held[2]!;
      s3 = held[3]!;
    }
    // Room for the whole case before its items, so the arrays stay the same through them.
    if (!notReferred && seq + count > remaining.length) {
      while (seq + count > items.remaining.length) items.grow();
      ({ remaining, value: values, noise: noises, lastMonthAndKind: lastMonths } = items);
      ({ finished } = items);
    }
    if (deferred + count > exponents.length) {
      exponentScratch = growInts(exponents, deferred + count);
      exponents = exponentScratch;
    }
    for (let i = 0; i < count; i++) {
      let hours: number;
      if (hoursKind === lognormal) {
        const x = s0 ^ (s0 << 11);
        s0 = s1;
        s1 = s2;
        s2 = s3;
        s3 = s3 ^ (s3 >>> 19) ^ x ^ (x >>> 8);
        const u = s3 ^ -2147483648;
        const layer = u >>> 25;
        const j = u & 0xffffff;
        let z: number;
        if (j < inner[layer]!) {
          // The sign bit picks ±1, multiplied in rather than branched on: it is a coin toss.
          z = j * step[layer]! * (1 - ((u >>> 23) & 2));
        } else {
          held[0] = s0;
          held[1] = s1;
          held[2] = s2;
          held[3] = s3;
          z = edge(draw, u, layer, j);
          s0 = held[0]!;
          s1 = held[1]!;
          s2 = held[2]!;
          s3 = held[3]!;
        }
        // The exponent; e^x is worked out for the items kept, after the loop.
        hours = hoursA + hoursB * z;
      } else if (hoursKind === constant) {
        hours = hoursA;
      } else {
        held[0] = s0;
        held[1] = s1;
        held[2] = s2;
        held[3] = s3;
        hours = hoursOf(draw, 1);
        s0 = held[0]!;
        s1 = held[1]!;
        s2 = held[2]!;
        s3 = held[3]!;
      }
      let value = 0;
      // 1 or 0: whether the suspect holds assets, a near coin toss the loop does not branch on
      // where it need not; and whether `value` is an exponent waiting for the loop after.
      let holds = 0;
      let exponent = 0;
      if (suspects) {
        const x = s0 ^ (s0 << 11);
        s0 = s1;
        s1 = s2;
        s2 = s3;
        s3 = s3 ^ (s3 >>> 19) ^ x ^ (x >>> 8);
        holds = +((s3 >>> 0) / 4294967296 < assetProbability);
        if (valueKind === lognormal) {
          // Drawn whether or not the suspect holds assets; worked out only if it does.
          const y = s0 ^ (s0 << 11);
          s0 = s1;
          s1 = s2;
          s2 = s3;
          s3 = s3 ^ (s3 >>> 19) ^ y ^ (y >>> 8);
          const u = s3 ^ -2147483648;
          const layer = u >>> 25;
          const j = u & 0xffffff;
          let z: number;
          if (j < inner[layer]!) {
            z = j * step[layer]! * (1 - ((u >>> 23) & 2));
          } else {
            held[0] = s0;
            held[1] = s1;
            held[2] = s2;
            held[3] = s3;
            z = edge(draw, u, layer, j);
            s0 = held[0]!;
            s1 = held[1]!;
            s2 = held[2]!;
            s3 = held[3]!;
          }
          // The exponent, as for hours, for a holder; 0 for anyone else (+ 0 makes a −0 +0).
          value = (valueA + valueB * z) * holds + 0;
          exponent = holds;
        } else if (valueKind === constant) {
          if (holds === 1) value = valueA;
        } else {
          held[0] = s0;
          held[1] = s1;
          held[2] = s2;
          held[3] = s3;
          if (holds === 1) value = assetValue(draw, 1);
          else if (copula) assetValue(draw, 1);
          else skipAssetValue(draw);
          s0 = held[0]!;
          s1 = held[1]!;
          s2 = held[2]!;
          s3 = held[3]!;
        }
      }
      // The triage noise, a standard normal.
      const x = s0 ^ (s0 << 11);
      s0 = s1;
      s1 = s2;
      s2 = s3;
      s3 = s3 ^ (s3 >>> 19) ^ x ^ (x >>> 8);
      const u = s3 ^ -2147483648;
      const layer = u >>> 25;
      const j = u & 0xffffff;
      let noise: number;
      if (j < inner[layer]!) {
        noise = j * step[layer]! * (1 - ((u >>> 23) & 2));
      } else {
        held[0] = s0;
        held[1] = s1;
        held[2] = s2;
        held[3] = s3;
        noise = edge(draw, u, layer, j);
        s0 = held[0]!;
        s1 = held[1]!;
        s2 = held[2]!;
        s3 = held[3]!;
      }
      if (notReferred) {
        suppressedItems++;
        if (exponent === 1) {
          value = exponential(value);
          if (check) checkFinite(value);
        }
        suppressedAssets += value;
        continue;
      }
      if (suspects) {
        assetHolders += holds;
        suspectsArrived++;
      } else {
        productsArrived++;
      }
      lastMonths[seq] = lastMonthAndKind;
      remaining[seq] = hours;
      values[seq] = value;
      noises[seq] = noise;
      finished[seq] = 0;
      exponents[deferred] = seq;
      deferred += exponent;
      seq++;
    }
    if (limited && !notReferred) state.endCase(seq);
  }
  held[0] = s0;
  held[1] = s1;
  held[2] = s2;
  held[3] = s3;
  // Lognormal hours and asset values from their exponents, in a loop of their own: with no
  // draws between them, the exponentials of successive items overlap in the processor.
  // Demand hours are added item by item in order of arrival, as before.
  if (hoursKind === lognormal) {
    for (let i = firstSeq; i < seq; i++) {
      const hours = exponential(remaining[i]!);
      if (check) checkFinite(hours);
      remaining[i] = hours;
      demandHours += hours;
    }
  } else {
    for (let i = firstSeq; i < seq; i++) demandHours += remaining[i]!;
  }
  for (let i = 0; i < deferred; i++) {
    const item = exponents[i]!;
    const value = exponential(values[item]!);
    if (check) checkFinite(value);
    values[item] = value;
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

/** Scratch for drawItemsHeld's list of items whose asset value waits as its exponent. */
let exponentScratch = new Int32Array(1024);

function growInts(a: Int32Array<ArrayBuffer>, atLeast: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(Math.max(atLeast, 2 * a.length));
  b.set(a);
  return b;
}

/** As finiteDraws checks a sampler's draws, in tests and development builds (CHECK_DRAWS). */
function checkFinite(x: number): void {
  if (!(Math.abs(x) <= Number.MAX_VALUE)) {
    throw new RangeError(`A demand draw came out as ${String(x)}, not a finite number.`);
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
  queue.expireAfter(
    first,
    count,
    t + stream.windowMonths,
    stream.suspects ? n : 0,
    stream.suspects ? 0 : n,
  );
  queue.admitRange(items, first, count, model.triageByValue ? model.triageWeights : null);
}
