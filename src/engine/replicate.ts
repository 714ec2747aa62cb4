import { CellSketch } from './aggregate/sketch.ts';
import { drawDemand, MonthDemand } from './demand.ts';
import { recordFunnel } from './funnel.ts';
import { compileModel, type Model } from './model.ts';
import { drawUncertain, scenarioWith } from './uncertainDraws.ts';
import { StreamSet, streamSeed, type Rng } from './random/rng.ts';
import { recordHorizon, recordMonth } from './recordMonth.ts';
import { seatsOffered, StaffState } from './staffFlows.ts';
import { StreamState } from './streamState.ts';
import { suppressedShare } from './suppression.ts';
import { Items, MonthOutcome, WorkQueue } from './workQueue.ts';

/**
 * Everything one replication needs that can be reused by the next: staff states, queues and
 * scratch arrays, and the sketches a chunk fills. One per model per thread; a replication resets
 * it and writes its results.
 */
export class Workspace {
  staff: StaffState[];
  readonly queues: WorkQueue[];
  streams: StreamState[];
  readonly capacity: Float64Array;
  readonly outcome = new MonthOutcome();
  readonly demand = new MonthDemand();
  readonly items = new Items();
  /** One sketch per cell of the layout, which runChunk clears and refills for each chunk. */
  readonly cells: CellSketch[];
  /** The items each demand stream brought each month, as recordFunnel reads them. */
  readonly ranges: Int32Array;
  /**
   * The random streams of a replication, seeded anew for each one: by staff group, the staff
   * flows' and the accreditation draws'; by demand stream, the demand's, the suppression's, the
   * hours-and-value copula's and the funnel's. Kept rather than made for each replication, so the
   * generator functions the loops call stay the same ones.
   */
  private readonly staffStreams: StreamSet[];
  private readonly accreditStreams: StreamSet[];
  readonly demandStreams: StreamSet[];
  private readonly suppressStreams: StreamSet[];
  private readonly copulaStreams: StreamSet[];
  private readonly funnelStreams: StreamSet[];

  constructor(readonly model: Model) {
    this.staff = model.groups.map((g) => new StaffState(g, model.roles[g.role]!));
    this.queues = Array.from({ length: model.queueCount }, () => new WorkQueue());
    this.streams = model.streams.map((s) => new StreamState(s));
    this.capacity = new Float64Array(model.queueCount);
    this.cells = Array.from({ length: model.layout.cellCount }, () => new CellSketch());
    this.drawn = new Float64Array(model.uncertain.length);
    this.ranges = new Int32Array(2 * model.streams.length * model.horizonMonths);
    const sets = (n: number) => Array.from({ length: n }, () => new StreamSet(1));
    this.staffStreams = sets(model.groups.length);
    this.accreditStreams = sets(model.groups.length);
    this.demandStreams = sets(model.streams.length);
    this.suppressStreams = sets(model.streams.length);
    this.copulaStreams = sets(model.streams.length);
    this.funnelStreams = sets(model.streams.length);
  }

  /**
   * Seeds the random streams of replication `index` for `model` (this workspace's model or one
   * drawn from it, with the same groups and streams) and hands them to the staff and stream
   * states; returns the draws of staff flows, accreditation (undefined where a role accredits
   * everyone) and demand, and the funnel's streams.
   */
  seedStreams(
    model: Model,
    seed: string,
    index: number,
  ): { staff: Rng[]; accredit: (Rng | undefined)[]; demand: Rng[]; funnel: StreamSet[] } {
    const draw = (set: StreamSet, part: string): Rng => {
      set.seed(0, streamSeed(seed, index, part));
      return set.draw;
    };
    const { groups, roles, streams } = model;
    const staff = groups.map((g, i) => draw(this.staffStreams[i]!, g.part));
    // The optional steps draw from streams of their own, seeded only where a file uses them.
    const accredit = groups.map((g, i) =>
      roles[g.role]!.accreditationRate < 1
        ? draw(this.accreditStreams[i]!, g.accreditPart)
        : undefined,
    );
    const demand = streams.map((s, k) => draw(this.demandStreams[k]!, s.part));
    for (let k = 0; k < streams.length; k++) {
      const { suppression, hoursValue } = streams[k]!;
      const state = this.streams[k]!;
      state.suppressRng = suppression ? draw(this.suppressStreams[k]!, suppression.part) : null;
      if (hoursValue) state.hoursValue!.rng = draw(this.copulaStreams[k]!, hoursValue.part);
    }
    for (let k = 0; k < streams.length; k++) draw(this.funnelStreams[k]!, streams[k]!.funnelPart);
    return { staff, accredit, demand, funnel: this.funnelStreams };
  }

  /** This replication's draws of the uncertain assumptions, in the order of model.uncertain. */
  readonly drawn: Float64Array;

  /**
   * The model replication `index` runs: the compiled model itself, or, when the scenario has
   * uncertain assumptions, the scenario at this replication's draws compiled afresh, with
   * staff and stream states for its groups and streams.
   */
  modelFor(seed: string, index: number): Model {
    const { model } = this;
    if (model.uncertain.length === 0) return model;
    drawUncertain(model.uncertain, seed, index, this.drawn);
    const drawn = compileModel(scenarioWith(model.scenario, model.uncertain, this.drawn), model);
    this.staff = drawn.groups.map((g) => new StaffState(g, drawn.roles[g.role]!));
    this.streams = drawn.streams.map((s) => new StreamState(s));
    return drawn;
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
  const model = ws.modelFor(seed, index);
  const { staff, queues, capacity, outcome, demand, items, streams: streamStates, ranges } = ws;
  const { horizonMonths: H, roles, groups, streams, layout, triageByValue } = model;
  totals.fill(0, 0, layout.totalNames.length);
  monthly.fill(0, 0, layout.monthlyNames.length * H);
  const {
    staff: staffRng,
    accredit: accreditRng,
    demand: demandRng,
    funnel: funnelStreams,
  } = ws.seedStreams(model, seed, index);
  for (const s of staff) s.reset();
  for (const q of queues) q.reset();
  items.count = 0;

  for (let t = 0; t < H; t++) {
    // 1. Staff flows.
    for (let g = 0; g < groups.length; g++)
      staff[g]!.leaveAndQualify(staffRng[g]!, t, accreditRng[g]);
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
      const state = streamStates[k]!;
      const queue = queues[stream.queue]!;
      if (stream.suppression) {
        state.suppressShare = suppressedShare(
          stream.suppression,
          queue,
          items,
          capacity[stream.queue]!,
        );
      }
      ranges[2 * (k * H + t)] = items.count;
      drawDemand(model, stream, demandRng[k]!, t, queue, items, demand, state, ws.demandStreams[k]);
      ranges[2 * (k * H + t) + 1] = items.count;
    }

    // 4–5. Work and expiry.
    outcome.clear();
    for (let q = 0; q < queues.length; q++) {
      queues[q]!.work(t, capacity[q]!, triageByValue, items, outcome);
    }

    recordMonth(model, ws, t, totals, monthly);
  }
  // 7. The recovery funnel, once every suspect's fate is known.
  recordFunnel(model, items, funnelStreams, ranges, totals, monthly);
  recordHorizon(model, totals, monthly);
  const drawnAt = layout.totalNames.length - ws.drawn.length;
  for (let j = 0; j < ws.drawn.length; j++) totals[drawnAt + j] = ws.drawn[j]!;
}
