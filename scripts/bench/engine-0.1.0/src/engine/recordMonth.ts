import type { MonthDemand } from './demand.ts';
import { MONTHLY_SERIES, TOTAL_METRICS, type MonthlySeries, type TotalMetric } from './metrics.ts';
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
  const inPostSeries = MONTHLY_SERIES.length;
  const inTrainingSeries = inPostSeries + roles.length;
  for (let g = 0; g < groups.length; g++) {
    const role = groups[g]!.role;
    monthly[(inPostSeries + role) * H + t]! += staff[g]!.inPost;
    monthly[(inTrainingSeries + role) * H + t]! += staff[g]!.inTraining;
  }
  let capacityHours = 0;
  let backlogSuspects = 0;
  let backlogProducts = 0;
  for (let q = 0; q < queues.length; q++) {
    capacityHours += capacity[q]!;
    backlogSuspects += queues[q]!.backlogSuspects;
    backlogProducts += queues[q]!.backlogProducts;
  }

  monthly[M.suspectsArrived * H + t] = demand.suspects;
  monthly[M.suspectsExamined * H + t] = o.suspectsExamined;
  monthly[M.unexaminedSuspects * H + t] = o.unexaminedSuspects;
  monthly[M.backlogSuspects * H + t] = backlogSuspects;
  monthly[M.productsArrived * H + t] = demand.products;
  monthly[M.undeliveredProducts * H + t] = o.undeliveredProducts;
  monthly[M.backlogProducts * H + t] = backlogProducts;
  monthly[M.demandHours * H + t] = demand.hours;
  monthly[M.capacityHours * H + t] = capacityHours;
  monthly[M.missedRecovery * H + t] = o.assetsLost * model.recoveryRate;

  totals[T.suspectsArrived]! += demand.suspects;
  totals[T.suspectsExamined]! += o.suspectsExamined;
  totals[T.unexaminedSuspects]! += o.unexaminedSuspects;
  totals[T.suspectsWithAssets]! += demand.assetHolders;
  totals[T.suspectsWithAssetsExamined]! += o.suspectsWithAssetsExamined;
  totals[T.demandHours]! += demand.hours;
  totals[T.capacityHours]! += capacityHours;
  totals[T.hoursWorked]! += o.hoursWorked;
  totals[T.assetsNotInvestigated]! += o.assetsLost;
  totals[T.recovered]! += o.assetsExamined;
  totals[T.productsArrived]! += demand.products;
  totals[T.productsDelivered]! += o.productsDelivered;
  totals[T.undeliveredProducts]! += o.undeliveredProducts;
  if (t === H - 1) {
    totals[T.backlogSuspects] = backlogSuspects;
    totals[T.backlogProducts] = backlogProducts;
  }
}

/**
 * Completes the horizon totals once every month is recorded: the money, and each role's staff
 * at the end of the horizon (after TOTAL_METRICS, as the Layout orders them).
 */
export function recordHorizon(model: Model, totals: Float64Array, monthly: Float64Array): void {
  const { horizonMonths: H } = model;
  const roleCount = model.roles.length;
  // Money follows from asset values: a share is recovered, and a share of that returns to the force.
  totals[T.recovered]! *= model.recoveryRate;
  totals[T.forceIncome] = totals[T.recovered]! * model.forceShare;
  totals[T.missedRecovery] = totals[T.assetsNotInvestigated]! * model.recoveryRate;
  totals[T.missedForceIncome] = totals[T.missedRecovery]! * model.forceShare;
  const base = TOTAL_METRICS.length;
  const inPostSeries = MONTHLY_SERIES.length;
  const inTrainingSeries = inPostSeries + roleCount;
  for (let r = 0; r < roleCount; r++) {
    totals[base + r] = monthly[(inPostSeries + r) * H + H - 1]!;
    totals[base + roleCount + r] = monthly[(inTrainingSeries + r) * H + H - 1]!;
  }
}
