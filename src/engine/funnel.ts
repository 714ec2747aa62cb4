import { BREAKDOWN_METRICS, MONTHLY_SERIES, TOTAL_METRICS } from './metrics.ts';
import type { BreakdownMetric, MonthlySeries, TotalMetric } from './metrics.ts';
import type { CompiledFunnel, Model } from './model.ts';
import type { Rng } from './random/rng.ts';
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

/** Counts the funnel keeps by stream, as whole numbers, and adds to the totals at the end. */
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
let counts = new Int32Array(COUNTED * 8);
/** Each stream's unit and stream columns (see CompiledStream), read by the funnel's loop. */
let columns = new Int32Array(2 * 8);

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
 * Counts are kept by stream as whole numbers and added to the totals once, which gives the same
 * sums as adding 1 suspect by suspect; money is added suspect by suspect, in order of arrival.
 * A share and a lag that take no uniforms (constantDraws) are not called at all.
 */
export function recordFunnel(
  model: Model,
  items: Items,
  funnelRng: readonly Rng[],
  totals: Float64Array,
  monthly: Float64Array,
): void {
  const { horizonMonths: H, funnel, streams } = model;
  const { orderProbability, orderShare, monthsToReceipt, constantDraws } = funnel;
  const { count, stream: streamOf, finished, value, lastMonthAndKind } = items;
  if (counts.length < COUNTED * streams.length) counts = new Int32Array(COUNTED * streams.length);
  if (columns.length < 2 * streams.length) columns = new Int32Array(2 * streams.length);
  counts.fill(0, 0, COUNTED * streams.length);
  for (let k = 0; k < streams.length; k++) {
    columns[2 * k] = streams[k]!.unitColumn;
    columns[2 * k + 1] = streams[k]!.streamColumn;
  }
  const tally = counts;
  const unitAndStream = columns;
  const drawn = constantDraws === null;
  const constantShare = drawn ? 0 : constantDraws.orderShare;
  const constantLag = drawn ? 0 : constantDraws.monthsToReceipt;
  for (let seq = 0; seq < count; seq++) {
    const k = streamOf[seq]!;
    const at = k * COUNTED;
    const fate = finished[seq]!;
    if ((lastMonthAndKind[seq]! & 1) === 0) {
      tally[at + PRODUCTS]!++;
      if (fate < 0) tally[at + UNDELIVERED]!++;
      continue;
    }
    tally[at + ARRIVED]!++;
    const rng = funnelRng[k]!;
    const orderDraw = rng();
    const share = drawn ? orderShare(rng, 1) : constantShare;
    const lag = drawn ? monthsToReceipt(rng, 1) : constantLag;
    if (fate === 0) continue;
    tally[at + (fate > 0 ? EXAMINED : UNEXAMINED)]!++;
    const assets = value[seq]!;
    // Without an order the receipt is 0, and adding 0 changes no sum (none is ever −0).
    if (!(assets > 0 && orderDraw < orderProbability)) continue;
    const u = unitAndStream[2 * k]!;
    const s = unitAndStream[2 * k + 1]!;
    const order = assets * (share < 1 ? share : 1);
    const receipt = order * collectedShare(funnel, order);
    if (fate > 0) {
      const month = fate - 1;
      totals[T.ordersMade]!++;
      tally[at + ORDERS]!++;
      monthly[M.ordersMade * H + month]!++;
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
      const month = -fate - 1;
      totals[T.missedRecovery]! += receipt;
      addTo(totals, u, s, B.missedRecovery, receipt);
      monthly[M.missedRecovery * H + month]! += receipt;
    }
  }
  addCounts(streams.length, totals);
}

/**
 * Adds the counts kept by stream to the totals. A function of its own so that the funnel's
 * loop, compiled while it runs, does not meet code it has never run.
 */
function addCounts(streamCount: number, totals: Float64Array): void {
  for (let k = 0; k < streamCount; k++) {
    for (let c = 0; c < COUNTED; c++) {
      const n = counts[k * COUNTED + c]!;
      if (n > 0) addTo(totals, columns[2 * k]!, columns[2 * k + 1]!, COUNTED_METRICS[c]!, n);
    }
  }
}
