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
 * [ranges[2(kH + t)], ranges[2(kH + t) + 1]). Month by month, stream by stream, is the order of
 * arrival, so taking the ranges so adds each order's money suspect by suspect in order of
 * arrival, as the totals are defined. Counts are kept in whole numbers, which add up the same in
 * any order, and added to the totals once. A call for each range rather than one loop over all:
 * a function called often is compiled with all it will meet, where one long loop is compiled
 * while it runs.
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
  const S = streams.length;
  const counts = new Float64Array(COUNTED * S);
  const held = model.funnel.constantDraws !== null;
  for (let t = 0; t < H; t++) {
    for (let k = 0; k < S; k++) {
      const { suspects, unitColumn: u, streamColumn: s } = streams[k]!;
      const first = ranges[2 * (k * H + t)]!;
      const end = ranges[2 * (k * H + t) + 1]!;
      const at = k * COUNTED;
      if (!suspects) productsOf(items, first, end, counts, at);
      else if (held) {
        suspectsHeld(
          model,
          items,
          funnelStreams[k]!,
          first,
          end,
          counts,
          at,
          totals,
          monthly,
          u,
          s,
        );
      } else {
        suspectsDrawn(
          model,
          items,
          funnelStreams[k]!,
          first,
          end,
          counts,
          at,
          totals,
          monthly,
          u,
          s,
        );
      }
    }
  }
  for (let k = 0; k < S; k++) {
    const { unitColumn: u, streamColumn: s } = streams[k]!;
    for (let c = 0; c < COUNTED; c++) {
      const n = counts[k * COUNTED + c]!;
      if (n > 0) addTo(totals, u, s, COUNTED_METRICS[c]!, n);
    }
    totals[T.ordersMade]! += counts[k * COUNTED + ORDERS]!;
  }
}

/** What the funnel counts by stream, at these places in a stream's counts. */
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

/** The items of a range that get orders, in order of arrival, as suspectsHeld finds them. */
let ordered = new Int32Array(1024);

/** Counts a products stream's products and those undelivered. */
function productsOf(
  items: Items,
  first: number,
  end: number,
  counts: Float64Array,
  at: number,
): void {
  const { finished } = items;
  let undelivered = 0;
  for (let seq = first; seq < end; seq++) undelivered += +(finished[seq]! < 0);
  counts[at + PRODUCTS]! += end - first;
  counts[at + UNDELIVERED]! += undelivered;
}

/**
 * A range of a suspects stream where neither the order share nor the lag takes a uniform: one
 * uniform a suspect, stepped here from the stream's xor128 state as StreamSet's `next` steps it.
 * The suspects that get orders are listed first, and their money added after.
 */
function suspectsHeld(
  model: Model,
  items: Items,
  source: StreamSet,
  first: number,
  end: number,
  counts: Float64Array,
  at: number,
  totals: Float64Array,
  monthly: Float64Array,
  u: number,
  s: number,
): void {
  const { horizonMonths: H, funnel } = model;
  // Numbers from a Float64Array, not object fields, which V8 would unbox at every use.
  const orderProbability = funnel.numbers[0]!;
  const share = funnel.numbers[1]!;
  const lag = funnel.numbers[2]!;
  const ordersAt = M.ordersMade * H;
  const { finished, value } = items;
  if (ordered.length < end - first)
    ordered = new Int32Array(Math.max(end - first, 2 * ordered.length));
  const list = ordered;
  const held = source.state;
  let s0 = held[0]!;
  let s1 = held[1]!;
  let s2 = held[2]!;
  let s3 = held[3]!;
  let examined = 0;
  let unexamined = 0;
  let orders = 0;
  let n = 0;
  // Without branches: a suspect's fate, assets and order are near coin tosses. Each suspect is
  // written where the next order goes, kept only if it gets one.
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
    const gets =
      (isExamined | isLost) & +(value[seq]! > 0) & +((s3 >>> 0) / 4294967296 < orderProbability);
    orders += gets & isExamined;
    list[n] = seq;
    n += gets;
  }
  held[0] = s0;
  held[1] = s1;
  held[2] = s2;
  held[3] = s3;
  counts[at + ARRIVED]! += end - first;
  counts[at + EXAMINED]! += examined;
  counts[at + UNEXAMINED]! += unexamined;
  counts[at + ORDERS]! += orders;
  const capped = share < 1 ? share : 1;
  // addMoney, written out with its columns in locals (module bindings are read and checked
  // anew at every use).
  const orderValue = T.orderValue;
  const recovered = T.recovered;
  const afterHorizon = T.recoveredAfterHorizon;
  const missed = T.missedRecovery;
  const unitRecovered = u < 0 ? -1 : u + B.recovered;
  const streamRecovered = s < 0 ? -1 : s + B.recovered;
  const unitMissed = u < 0 ? -1 : u + B.missedRecovery;
  const streamMissed = s < 0 ? -1 : s + B.missedRecovery;
  const recoveredAt = M.recovered * H;
  const missedAt = M.missedRecovery * H - 1;
  const { bandUpTo, bandCollected } = funnel;
  const lastBand = bandUpTo.length - 1;
  for (let i = 0; i < n; i++) {
    const seq = list[i]!;
    const fate = finished[seq]!;
    const order = value[seq]! * capped;
    let band = 0;
    while (band < lastBand && order > bandUpTo[band]!) band++;
    const receipt = order * bandCollected[band]!;
    if (fate > 0) {
      monthly[ordersAt + fate - 1]!++;
      totals[orderValue]! += order;
      const paid = fate - 1 + lag;
      if (paid < H) {
        totals[recovered]! += receipt;
        if (unitRecovered >= 0) totals[unitRecovered]! += receipt;
        if (streamRecovered >= 0) totals[streamRecovered]! += receipt;
        monthly[recoveredAt + paid]! += receipt;
      } else {
        totals[afterHorizon]! += receipt;
      }
    } else {
      totals[missed]! += receipt;
      if (unitMissed >= 0) totals[unitMissed]! += receipt;
      if (streamMissed >= 0) totals[streamMissed]! += receipt;
      monthly[missedAt - fate]! += receipt;
    }
  }
}

/**
 * A range of a suspects stream where the order share or the lag takes uniforms: a uniform for
 * every suspect, the sampler's draws for those that get orders, and each order's money added as
 * it is met.
 */
function suspectsDrawn(
  model: Model,
  items: Items,
  source: StreamSet,
  first: number,
  end: number,
  counts: Float64Array,
  at: number,
  totals: Float64Array,
  monthly: Float64Array,
  u: number,
  s: number,
): void {
  const { horizonMonths: H, funnel } = model;
  const { orderProbability, orderShare, monthsToReceipt } = funnel;
  const ordersAt = M.ordersMade * H;
  const { finished, value } = items;
  const rng = source.draw;
  let examined = 0;
  let unexamined = 0;
  let orders = 0;
  for (let seq = first; seq < end; seq++) {
    const orderDraw = rng();
    const fate = finished[seq]!;
    if (fate > 0) examined++;
    else if (fate < 0) unexamined++;
    const assets = value[seq]!;
    // Only a suspect that gets an order draws its share and lag, whatever its fate: whether it
    // does depends on its own draws alone, so the staffing never moves anyone's draws.
    if (assets > 0 && orderDraw < orderProbability) {
      const share = orderShare(rng, 1);
      const lag = monthsToReceipt(rng, 1);
      if (fate === 0) continue;
      if (fate > 0) {
        orders++;
        monthly[ordersAt + fate - 1]!++;
      }
      addMoney(funnel, H, totals, monthly, u, s, fate, assets * (share < 1 ? share : 1), lag);
    }
  }
  counts[at + ARRIVED]! += end - first;
  counts[at + EXAMINED]! += examined;
  counts[at + UNEXAMINED]! += unexamined;
  counts[at + ORDERS]! += orders;
}

/**
 * Adds the money of one order of value `order`: its value and receipt for an examined suspect
 * (fate > 0: in the month paid, or after the horizon), its receipt as missed for a lost one.
 */
function addMoney(
  funnel: CompiledFunnel,
  H: number,
  totals: Float64Array,
  monthly: Float64Array,
  u: number,
  s: number,
  fate: number,
  order: number,
  lag: number,
): void {
  const receipt = order * collectedShare(funnel, order);
  if (fate > 0) {
    const month = fate - 1;
    totals[T.orderValue]! += order;
    const paid = month + lag;
    if (paid < H) {
      totals[T.recovered]! += receipt;
      addTo(totals, u, s, B.recovered, receipt);
      monthly[M.recovered * H + paid]! += receipt;
    } else {
      totals[T.recoveredAfterHorizon]! += receipt;
    }
  } else {
    totals[T.missedRecovery]! += receipt;
    addTo(totals, u, s, B.missedRecovery, receipt);
    monthly[M.missedRecovery * H - fate - 1]! += receipt;
  }
}
