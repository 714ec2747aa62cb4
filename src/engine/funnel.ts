import { BREAKDOWN_METRICS, MONTHLY_SERIES, TOTAL_METRICS } from './metrics.ts';
import type { BreakdownMetric, MonthlySeries, TotalMetric } from './metrics.ts';
import type { CompiledFunnel, Model } from './model.ts';
import type { StreamSet } from './random/rng.ts';
import type { Items } from './workQueue.ts';

const T = Object.fromEntries(TOTAL_METRICS.map((m, i) => [m, i])) as Record<TotalMetric, number>;
const M = Object.fromEntries(MONTHLY_SERIES.map((m, i) => [m, i])) as Record<MonthlySeries, number>;
const B = Object.fromEntries(BREAKDOWN_METRICS.map((m, i) => [m, i])) as Record<
  BreakdownMetric,
  number
>;

/** Adds `x` to a breakdown metric of a unit and of a stream; a column of -1 is an alias, not kept. */
function addTo(totals: Float64Array, u: number, s: number, metric: number, x: number): void {
  if (u >= 0) totals[u + metric]! += x;
  if (s >= 0) totals[s + metric]! += x;
}

/** The share of an order of value `order` collected: that of the first band it fits in. */
export function collectedShare(funnel: CompiledFunnel, order: number): number {
  const { bandUpTo, bandCollected } = funnel;
  const last = bandUpTo.length - 1;
  let b = 0;
  while (b < last && order > bandUpTo[b]!) b++;
  return bandCollected[b]!;
}

/**
 * Runs every suspect of a replication through the recovery funnel once the horizon is over,
 * when each suspect's fate (examined in a month, lost in a month, or still waiting) is known,
 * and writes the money, the orders and the breakdowns by unit and by stream.
 *
 * Each suspects stream's suspects take, in order of arrival, three draws from the stream's own
 * funnel random stream (`funnel:<unit>:<stream>`): a uniform for the order, the order's share of
 * the assets, and the months to receipt. All three are drawn for every suspect, whatever its
 * fate and whether or not it holds assets, so a change of staffing or policy leaves each
 * suspect's funnel draws where they were, and the draws of demand are not moved at all.
 *
 * `ranges` holds, for stream k and month t, the items that stream brought that month:
 * [ranges[2(kH + t)], ranges[2(kH + t) + 1]). The streams are taken one at a time, each with its
 * generator's state in local variables (a share and a lag that take no uniforms are not called
 * at all), counting in whole numbers, which add up the same in any order, and noting each
 * suspect's order; the money is then added suspect by suspect in order of arrival.
 */
export function recordFunnel(
  model: Model,
  items: Items,
  funnelStreams: readonly StreamSet[],
  ranges: Int32Array,
  totals: Float64Array,
  monthly: Float64Array,
): void {
  const { streams, horizonMonths: H } = model;
  const counts = new Float64Array(COUNTED);
  const held = model.funnel.constantDraws !== null;
  // A call for each stream and month rather than one loop over all: a function called often is
  // compiled with all it will meet, where one long loop is compiled while it runs.
  for (let k = 0; k < streams.length; k++) {
    const { suspects, unitColumn: u, streamColumn: s } = streams[k]!;
    counts.fill(0);
    for (let t = 0; t < H; t++) {
      const first = ranges[2 * (k * H + t)]!;
      const end = ranges[2 * (k * H + t) + 1]!;
      if (!suspects) productsOf(items, first, end, counts);
      else if (held) suspectsHeld(model, items, funnelStreams[k]!, first, end, counts, monthly);
      else suspectsDrawn(model, items, funnelStreams[k]!, first, end, counts, monthly);
    }
    for (let c = 0; c < COUNTED; c++) {
      if (counts[c]! > 0) addTo(totals, u, s, COUNTED_METRICS[c]!, counts[c]!);
    }
    totals[T.ordersMade]! += counts[ORDERS]!;
  }
  // Each month's items, of all streams, are numbered one after another.
  const last = 2 * (streams.length - 1) * H + 1;
  for (let t = 0; t < H && streams.length > 0; t++) {
    addMoney(model, items, ranges[2 * t]!, ranges[last + 2 * t]!, totals, monthly);
  }
}

/** What the funnel counts by stream, at these places in its counts. */
const ARRIVED = 0;
const EXAMINED = 1;
const UNEXAMINED = 2;
const ORDERS = 3;
const PRODUCTS = 4;
const UNDELIVERED = 5;
const COUNTED = 6;
const COUNTED_METRICS = [
  B.suspectsArrived,
  B.suspectsExamined,
  B.unexaminedSuspects,
  B.ordersMade,
  B.productsArrived,
  B.undeliveredProducts,
];

/**
 * After the horizon, a suspect's triage noise and rank are no longer read: the funnel keeps its
 * order's value in `noise` (−1 for no order; every item gets one or the other) and its months to
 * receipt in `rank`.
 */
const NO_ORDER = -1;

/** Counts a products stream's products and those undelivered. */
function productsOf(items: Items, first: number, end: number, counts: Float64Array): void {
  const { finished, noise: orderOf } = items;
  let undelivered = 0;
  for (let seq = first; seq < end; seq++) {
    if (finished[seq]! < 0) undelivered++;
    orderOf[seq] = NO_ORDER;
  }
  counts[PRODUCTS]! += end - first;
  counts[UNDELIVERED]! += undelivered;
}

/**
 * A suspects stream where neither the order share nor the lag takes a uniform: one uniform a
 * suspect, stepped here from the stream's xor128 state as StreamSet's `next` steps it.
 */
function suspectsHeld(
  model: Model,
  items: Items,
  source: StreamSet,
  first: number,
  end: number,
  counts: Float64Array,
  monthly: Float64Array,
): void {
  const { horizonMonths: H, funnel } = model;
  // Numbers from a Float64Array, not object fields, which V8 would unbox at every use.
  const orderProbability = funnel.numbers[0]!;
  const share = funnel.numbers[1]!;
  const lag = funnel.numbers[2]!;
  const capped = share < 1 ? share : 1;
  const ordersAt = M.ordersMade * H;
  const { finished, value, noise: orderOf, rank: lagOf } = items;
  const held = source.state;
  let s0 = held[0]!;
  let s1 = held[1]!;
  let s2 = held[2]!;
  let s3 = held[3]!;
  let examined = 0;
  let unexamined = 0;
  let orders = 0;
  // Without branches: a suspect's fate, assets and order are near coin tosses. With `ordered`
  // 1 or 0, the order is assets·share·1 − 0 (the same double) or −1 (NO_ORDER), and the month's
  // count of orders gains 1 or 0.
  for (let seq = first; seq < end; seq++) {
    const x = s0 ^ (s0 << 11);
    s0 = s1;
    s1 = s2;
    s2 = s3;
    s3 = s3 ^ (s3 >>> 19) ^ x ^ (x >>> 8);
    const fate = finished[seq]!;
    const isExamined = +(fate > 0);
    const isLost = +(fate < 0);
    examined += isExamined;
    unexamined += isLost;
    const assets = value[seq]!;
    const ordered =
      (isExamined | isLost) & +(assets > 0) & +((s3 >>> 0) / 4294967296 < orderProbability);
    const orderedExamined = ordered & isExamined;
    orders += orderedExamined;
    monthly[ordersAt + ((fate - 1) & -isExamined)]! += orderedExamined;
    orderOf[seq] = assets * capped * ordered - (1 - ordered);
    lagOf[seq] = lag;
  }
  held[0] = s0;
  held[1] = s1;
  held[2] = s2;
  held[3] = s3;
  counts[ARRIVED]! += end - first;
  counts[EXAMINED]! += examined;
  counts[UNEXAMINED]! += unexamined;
  counts[ORDERS]! += orders;
}

/** A suspects stream where the order share or the lag takes uniforms: every draw by its sampler. */
function suspectsDrawn(
  model: Model,
  items: Items,
  source: StreamSet,
  first: number,
  end: number,
  counts: Float64Array,
  monthly: Float64Array,
): void {
  const { horizonMonths: H, funnel } = model;
  const { orderProbability, orderShare, monthsToReceipt } = funnel;
  const ordersAt = M.ordersMade * H;
  const { finished, value, noise: orderOf, rank: lagOf } = items;
  const rng = source.draw;
  let examined = 0;
  let unexamined = 0;
  let orders = 0;
  for (let seq = first; seq < end; seq++) {
    const orderDraw = rng();
    const share = orderShare(rng, 1);
    const lag = monthsToReceipt(rng, 1);
    const fate = finished[seq]!;
    let order = -1;
    if (fate !== 0) {
      if (fate > 0) examined++;
      else unexamined++;
      const assets = value[seq]!;
      if (assets > 0 && orderDraw < orderProbability) {
        order = assets * (share < 1 ? share : 1);
        lagOf[seq] = lag;
        if (fate > 0) {
          orders++;
          monthly[ordersAt + fate - 1]!++;
        }
      }
    }
    orderOf[seq] = order;
  }
  counts[ARRIVED]! += end - first;
  counts[EXAMINED]! += examined;
  counts[UNEXAMINED]! += unexamined;
  counts[ORDERS]! += orders;
}

/**
 * Adds the money of the orders of items [first, end), in order of arrival: its value and receipt for an examined
 * suspect (in the month paid, or after the horizon), its receipt as missed for a lost one.
 * Without an order the receipt is 0, and adding 0 changes no sum (none is ever −0).
 */
function addMoney(
  model: Model,
  items: Items,
  first: number,
  end: number,
  totals: Float64Array,
  monthly: Float64Array,
): void {
  const { horizonMonths: H, funnel, streams } = model;
  const { stream: streamOf, finished, noise: orderOf, rank: lagOf } = items;
  const recoveredAt = M.recovered * H;
  const missedAt = M.missedRecovery * H;
  const orderValue = T.orderValue;
  const recovered = T.recovered;
  const afterHorizon = T.recoveredAfterHorizon;
  const missed = T.missedRecovery;
  const recoveredColumn = B.recovered;
  const missedColumn = B.missedRecovery;
  for (let seq = first; seq < end; seq++) {
    const order = orderOf[seq]!;
    if (order < 0) continue;
    const { unitColumn: u, streamColumn: s } = streams[streamOf[seq]!]!;
    const receipt = order * collectedShare(funnel, order);
    const fate = finished[seq]!;
    if (fate > 0) {
      const month = fate - 1;
      totals[orderValue]! += order;
      const paid = month + lagOf[seq]!;
      if (paid < H) {
        totals[recovered]! += receipt;
        addTo(totals, u, s, recoveredColumn, receipt);
        monthly[recoveredAt + paid]! += receipt;
      } else {
        totals[afterHorizon]! += receipt;
      }
    } else {
      totals[missed]! += receipt;
      addTo(totals, u, s, missedColumn, receipt);
      monthly[missedAt - fate - 1]! += receipt;
    }
  }
}
