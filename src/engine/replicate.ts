import { CellSketch } from './aggregate/sketch.ts';
import { MONTHLY_SERIES, TOTAL_METRICS, type MonthlySeries, type TotalMetric } from './metrics.ts';
import { drawDemand, MonthDemand } from './demand.ts';
import type { Model } from './model.ts';
import { streamRng, streamSeed, type Rng } from './random/rng.ts';
import { StaffState } from './staffFlows.ts';
import { Items, MonthOutcome, WorkQueue } from './workQueue.ts';

const T = Object.fromEntries(TOTAL_METRICS.map((m, i) => [m, i])) as Record<TotalMetric, number>;
const M = Object.fromEntries(MONTHLY_SERIES.map((m, i) => [m, i])) as Record<MonthlySeries, number>;

/**
 * Everything one replication needs that can be reused by the next: staff states, queues and
 * scratch arrays, and the sketches a chunk fills. One per model per thread; a replication resets
 * it and writes its results.
 */
export class Workspace {
  readonly staff: StaffState[];
  readonly queues: WorkQueue[];
  readonly capacity: Float64Array;
  readonly seatsAccrued: Float64Array;
  readonly outcome = new MonthOutcome();
  readonly demand = new MonthDemand();
  readonly items = new Items();
  /** One sketch per cell of the layout, which runChunk clears and refills for each chunk. */
  readonly cells: CellSketch[];

  constructor(readonly model: Model) {
    this.staff = model.groups.map((g) => new StaffState(g, model.roles[g.role]!));
    this.queues = Array.from({ length: model.queueCount }, () => new WorkQueue());
    this.capacity = new Float64Array(model.queueCount);
    this.seatsAccrued = new Float64Array(model.roles.length);
    this.cells = Array.from({ length: model.layout.cellCount }, () => new CellSketch());
  }
}

/**
 * Simulates replication `index` of a run seeded `seed`, writing its horizon totals to
 * `totals[0 .. layout.totalNames.length)` and its monthly series to
 * `monthly[series * horizonMonths + month]`. Pure: the output depends on (model, seed, index)
 * alone, whichever thread runs it and whatever ran before.
 */
export function replicate(
  ws: Workspace,
  seed: string,
  index: number,
  totals: Float64Array,
  monthly: Float64Array,
): void {
  const { model, staff, queues, capacity, seatsAccrued, outcome, demand, items: itemData } = ws;
  const { horizonMonths: H, roles, groups, streams, layout } = model;
  const roleCount = roles.length;
  totals.fill(0, 0, layout.totalNames.length);
  monthly.fill(0, 0, layout.monthlyNames.length * H);
  const staffRng: Rng[] = groups.map((g) => streamRng(streamSeed(seed, index, g.part)));
  const demandRng: Rng[] = streams.map((s) => streamRng(streamSeed(seed, index, s.part)));
  for (const s of staff) s.reset();
  for (const q of queues) q.reset();
  itemData.count = 0;
  seatsAccrued.fill(0);
  const inPostSeries = MONTHLY_SERIES.length;
  const inTrainingSeries = inPostSeries + roleCount;
  const { triageByValue } = model;

  for (let t = 0; t < H; t++) {
    // 1. Staff flows.
    for (let g = 0; g < groups.length; g++) staff[g]!.leaveAndQualify(staffRng[g]!, t);
    for (let r = 0; r < roleCount; r++) {
      const role = roles[r]!;
      let seats = Infinity;
      if (role.seatsPerMonth !== Infinity) {
        // Whole seats accrue month by month; a seat not taken this month is lost.
        seatsAccrued[r]! += role.seatsPerMonth;
        seats = Math.floor(seatsAccrued[r]!);
        seatsAccrued[r]! -= seats;
      }
      for (let g = 0; g < groups.length; g++) {
        if (groups[g]!.role === r) seats -= staff[g]!.startTraining(t, seats);
      }
    }
    for (let g = 0; g < groups.length; g++) staff[g]!.recruit(t);

    // 2. Capacity.
    capacity.fill(0);
    for (let g = 0; g < groups.length; g++) {
      const group = groups[g]!;
      const role = roles[group.role]!;
      const s = staff[g]!;
      capacity[group.queue]! +=
        (s.inPost + role.traineeProductivity * s.inTraining) * role.hoursPerMonth * group.available;
      monthly[(inPostSeries + group.role) * H + t]! += s.inPost;
      monthly[(inTrainingSeries + group.role) * H + t]! += s.inTraining;
    }

    // 3. Demand.
    demand.clear();
    for (let k = 0; k < streams.length; k++) {
      const stream = streams[k]!;
      drawDemand(model, stream, demandRng[k]!, t, queues[stream.queue]!, itemData, demand);
    }
    const {
      suspects: suspectsArrived,
      products: productsArrived,
      hours: demandHours,
      assetHolders,
    } = demand;

    // 4–5. Work and expiry.
    const o = outcome;
    o.clear();
    let capacityHours = 0;
    let backlogSuspects = 0;
    let backlogProducts = 0;
    for (let q = 0; q < queues.length; q++) {
      capacityHours += capacity[q]!;
      queues[q]!.work(t, capacity[q]!, triageByValue, itemData, o);
      backlogSuspects += queues[q]!.backlogSuspects;
      backlogProducts += queues[q]!.backlogProducts;
    }

    monthly[M.suspectsArrived * H + t] = suspectsArrived;
    monthly[M.suspectsExamined * H + t] = o.suspectsExamined;
    monthly[M.unexaminedSuspects * H + t] = o.unexaminedSuspects;
    monthly[M.backlogSuspects * H + t] = backlogSuspects;
    monthly[M.productsArrived * H + t] = productsArrived;
    monthly[M.undeliveredProducts * H + t] = o.undeliveredProducts;
    monthly[M.backlogProducts * H + t] = backlogProducts;
    monthly[M.demandHours * H + t] = demandHours;
    monthly[M.capacityHours * H + t] = capacityHours;
    monthly[M.missedRecovery * H + t] = o.assetsLost * model.recoveryRate;

    totals[T.suspectsArrived]! += suspectsArrived;
    totals[T.suspectsExamined]! += o.suspectsExamined;
    totals[T.unexaminedSuspects]! += o.unexaminedSuspects;
    totals[T.suspectsWithAssets]! += assetHolders;
    totals[T.suspectsWithAssetsExamined]! += o.suspectsWithAssetsExamined;
    totals[T.demandHours]! += demandHours;
    totals[T.capacityHours]! += capacityHours;
    totals[T.hoursWorked]! += o.hoursWorked;
    totals[T.assetsNotInvestigated]! += o.assetsLost;
    totals[T.recovered]! += o.assetsExamined;
    totals[T.productsArrived]! += productsArrived;
    totals[T.productsDelivered]! += o.productsDelivered;
    totals[T.undeliveredProducts]! += o.undeliveredProducts;
    if (t === H - 1) {
      totals[T.backlogSuspects] = backlogSuspects;
      totals[T.backlogProducts] = backlogProducts;
    }
  }

  // Money follows from asset values: a share is recovered, and a share of that returns to the force.
  totals[T.recovered]! *= model.recoveryRate;
  totals[T.forceIncome] = totals[T.recovered]! * model.forceShare;
  totals[T.missedRecovery] = totals[T.assetsNotInvestigated]! * model.recoveryRate;
  totals[T.missedForceIncome] = totals[T.missedRecovery]! * model.forceShare;
  const base = TOTAL_METRICS.length;
  for (let r = 0; r < roleCount; r++) {
    totals[base + r] = monthly[(inPostSeries + r) * H + H - 1]!;
    totals[base + roleCount + r] = monthly[(inTrainingSeries + r) * H + H - 1]!;
  }
}
