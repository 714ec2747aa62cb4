import { CellSketch } from './aggregate/sketch.ts';
import { drawDemand, MonthDemand } from './demand.ts';
import type { Model } from './model.ts';
import { streamRng, streamSeed, type Rng } from './random/rng.ts';
import { recordHorizon, recordMonth } from './recordMonth.ts';
import { seatsOffered, StaffState } from './staffFlows.ts';
import { Items, MonthOutcome, WorkQueue } from './workQueue.ts';

/**
 * Everything one replication needs that can be reused by the next: staff states, queues and
 * scratch arrays, and the sketches a chunk fills. One per model per thread; a replication resets
 * it and writes its results.
 */
export class Workspace {
  readonly staff: StaffState[];
  readonly queues: WorkQueue[];
  readonly capacity: Float64Array;
  readonly outcome = new MonthOutcome();
  readonly demand = new MonthDemand();
  readonly items = new Items();
  /** One sketch per cell of the layout, which runChunk clears and refills for each chunk. */
  readonly cells: CellSketch[];

  constructor(readonly model: Model) {
    this.staff = model.groups.map((g) => new StaffState(g, model.roles[g.role]!));
    this.queues = Array.from({ length: model.queueCount }, () => new WorkQueue());
    this.capacity = new Float64Array(model.queueCount);
    this.cells = Array.from({ length: model.layout.cellCount }, () => new CellSketch());
  }
}

/**
 * Simulates replication `index` of a run seeded `seed`, writing its horizon totals to
 * `totals[0 .. layout.totalNames.length)` and its monthly series to
 * `monthly[series * horizonMonths + month]`. Pure: the output depends on (model, seed, index)
 * alone, whichever thread runs it and whatever ran before. Each month runs its steps on the
 * workspace, and recordMonth then writes down what they left.
 */
export function replicate(
  ws: Workspace,
  seed: string,
  index: number,
  totals: Float64Array,
  monthly: Float64Array,
): void {
  const { model, staff, queues, capacity, outcome, demand, items } = ws;
  const { horizonMonths: H, roles, groups, streams, layout, triageByValue } = model;
  totals.fill(0, 0, layout.totalNames.length);
  monthly.fill(0, 0, layout.monthlyNames.length * H);
  const staffRng: Rng[] = groups.map((g) => streamRng(streamSeed(seed, index, g.part)));
  const demandRng: Rng[] = streams.map((s) => streamRng(streamSeed(seed, index, s.part)));
  for (const s of staff) s.reset();
  for (const q of queues) q.reset();
  items.count = 0;

  for (let t = 0; t < H; t++) {
    // 1. Staff flows.
    for (let g = 0; g < groups.length; g++) staff[g]!.leaveAndQualify(staffRng[g]!, t);
    for (let r = 0; r < roles.length; r++) {
      // A seat not taken in the month it is offered is lost.
      let seats = seatsOffered(roles[r]!.seatsPerYear, t);
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
    }

    // 3. Demand.
    demand.clear();
    for (let k = 0; k < streams.length; k++) {
      const stream = streams[k]!;
      drawDemand(model, stream, demandRng[k]!, t, queues[stream.queue]!, items, demand);
    }

    // 4–5. Work and expiry.
    outcome.clear();
    for (let q = 0; q < queues.length; q++) {
      queues[q]!.work(t, capacity[q]!, triageByValue, items, outcome);
    }

    recordMonth(model, ws, t, totals, monthly);
  }
  recordHorizon(model, totals, monthly);
}
