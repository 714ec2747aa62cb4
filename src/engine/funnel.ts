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
 */
export function recordFunnel(
  model: Model,
  items: Items,
  funnelRng: readonly Rng[],
  totals: Float64Array,
  monthly: Float64Array,
): void {
  const { horizonMonths: H, funnel, streams } = model;
  const { orderProbability, orderShare, monthsToReceipt } = funnel;
  const { count, stream: streamOf, finished, value, lastMonthAndKind } = items;
  for (let seq = 0; seq < count; seq++) {
    const stream = streams[streamOf[seq]!]!;
    const u = stream.unitColumn;
    const s = stream.streamColumn;
    const fate = finished[seq]!;
    if ((lastMonthAndKind[seq]! & 1) === 0) {
      addTo(totals, u, s, B.productsArrived, 1);
      if (fate < 0) {
        addTo(totals, u, s, B.undeliveredProducts, 1);
      }
      continue;
    }
    addTo(totals, u, s, B.suspectsArrived, 1);
    const rng = funnelRng[stream.index]!;
    const orderDraw = rng();
    const share = orderShare(rng, 1);
    const lag = monthsToReceipt(rng, 1);
    if (fate === 0) continue;
    const assets = value[seq]!;
    const ordered = assets > 0 && orderDraw < orderProbability;
    const order = ordered ? assets * (share < 1 ? share : 1) : 0;
    const receipt = ordered ? order * collectedShare(funnel, order) : 0;
    if (fate > 0) {
      const month = fate - 1;
      addTo(totals, u, s, B.suspectsExamined, 1);
      if (!ordered) continue;
      totals[T.ordersMade]!++;
      addTo(totals, u, s, B.ordersMade, 1);
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
      addTo(totals, u, s, B.unexaminedSuspects, 1);
      totals[T.missedRecovery]! += receipt;
      addTo(totals, u, s, B.missedRecovery, receipt);
      monthly[M.missedRecovery * H + month]! += receipt;
    }
  }
}
