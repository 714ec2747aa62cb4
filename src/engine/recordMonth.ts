import type { MonthDemand } from './demand.ts';
import {
  MONTHLY_SERIES,
  ROLE_SERIES,
  TOTAL_METRICS,
  type MonthlySeries,
  type TotalMetric,
} from './metrics.ts';
import type { Model } from './model.ts';
import type { StaffState } from './staffFlows.ts';
import type { MonthOutcome, WorkQueue } from './workQueue.ts';

const T = Object.fromEntries(TOTAL_METRICS.map((m, i) => [m, i])) as Record<TotalMetric, number>;
const M = Object.fromEntries(MONTHLY_SERIES.map((m, i) => [m, i])) as Record<MonthlySeries, number>;

/** The state of a replication once a month has been simulated, as the Workspace holds it. */
export interface MonthEnd {
  readonly staff: readonly StaffState[];
  readonly queues: readonly WorkQueue[];
  /** Hours each queue had this month. */
  readonly capacity: Float64Array;
  readonly demand: MonthDemand;
  readonly outcome: MonthOutcome;
}

/**
 * Writes month `t` of a replication: its monthly series to `monthly[series * horizonMonths + t]`
 * (the role series after MONTHLY_SERIES, as the Layout orders them) and its flows added to the
 * horizon `totals`; the backlogs in the totals are those of the last month.
 */
export function recordMonth(
  model: Model,
  month: MonthEnd,
  t: number,
  totals: Float64Array,
  monthly: Float64Array,
): void {
  const { horizonMonths: H, roles, groups } = model;
  const { staff, queues, capacity, demand, outcome: o } = month;
  // Role series follow MONTHLY_SERIES in ROLE_SERIES order, one series per role each.
  const first = MONTHLY_SERIES.length;
  const R = roles.length;
  for (let g = 0; g < groups.length; g++) {
    const role = groups[g]!.role;
    const s = staff[g]!;
    monthly[(first + role) * H + t]! += s.inPost;
    monthly[(first + R + role) * H + t]! += s.inTraining;
    monthly[(first + 2 * R + role) * H + t]! += s.inRecruitment;
    monthly[(first + 3 * R + role) * H + t]! += s.waitingForSeat;
    monthly[(first + 4 * R + role) * H + t]! += s.seatsUsed;
  }
  let capacityHours = 0;
  let backlogSuspects = 0;
  let backlogProducts = 0;
  for (let q = 0; q < queues.length; q++) {
    capacityHours += capacity[q]!;
    backlogSuspects += queues[q]!.backlogSuspects;
    backlogProducts += queues[q]!.backlogProducts;
  }

  // Suspects beyond a case limit are unexamined in the month they arrive.
  const unexamined = o.unexaminedSuspects + demand.unexaminedAtArrival;
  const assetsLost = o.assetsLost + demand.assetsUnexaminedAtArrival;
  monthly[M.suspectsArrived * H + t] = demand.suspects;
  monthly[M.suspectsExamined * H + t] = o.suspectsExamined;
  monthly[M.unexaminedSuspects * H + t] = unexamined;
  monthly[M.backlogSuspects * H + t] = backlogSuspects;
  monthly[M.productsArrived * H + t] = demand.products;
  monthly[M.undeliveredProducts * H + t] = o.undeliveredProducts;
  monthly[M.backlogProducts * H + t] = backlogProducts;
  monthly[M.demandHours * H + t] = demand.hours;
  monthly[M.capacityHours * H + t] = capacityHours;
  monthly[M.suppressedSuspects * H + t] = demand.suppressedSuspects;

  totals[T.suspectsArrived]! += demand.suspects;
  totals[T.suspectsExamined]! += o.suspectsExamined;
  totals[T.unexaminedSuspects]! += unexamined;
  totals[T.suspectsWithAssets]! += demand.assetHolders;
  totals[T.suspectsWithAssetsExamined]! += o.suspectsWithAssetsExamined;
  totals[T.demandHours]! += demand.hours;
  totals[T.capacityHours]! += capacityHours;
  totals[T.hoursWorked]! += o.hoursWorked;
  totals[T.assetsNotInvestigated]! += assetsLost;
  totals[T.assetsInvestigated]! += o.assetsExamined;
  totals[T.productsArrived]! += demand.products;
  totals[T.productsDelivered]! += o.productsDelivered;
  totals[T.undeliveredProducts]! += o.undeliveredProducts;
  totals[T.suppressedSuspects]! += demand.suppressedSuspects;
  totals[T.suppressedAssets]! += demand.suppressedAssets;
  totals[T.suppressedProducts]! += demand.suppressedProducts;
  if (t === H - 1) {
    totals[T.backlogSuspects] = backlogSuspects;
    totals[T.backlogProducts] = backlogProducts;
  }
}

/**
 * Completes the horizon totals once every month and the funnel are recorded: the force's share
 * of the money, and each role's staff
 * at the end of the horizon (after TOTAL_METRICS, as the Layout orders them).
 */
export function recordHorizon(model: Model, totals: Float64Array, monthly: Float64Array): void {
  const { horizonMonths: H } = model;
  const roleCount = model.roles.length;
  // The recovery funnel (funnel.ts) has written the receipts; a share of them returns to the force.
  totals[T.forceIncome] = totals[T.recovered]! * model.forceShare;
  totals[T.missedForceIncome] = totals[T.missedRecovery]! * model.forceShare;
  const base = TOTAL_METRICS.length;
  const first = MONTHLY_SERIES.length;
  for (let k = 0; k < ROLE_SERIES.length * roleCount; k++) {
    totals[base + k] = monthly[(first + k) * H + H - 1]!;
  }
}
