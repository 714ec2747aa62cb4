import type { ChunkResult } from '../chunk.ts';
import {
  MONTHLY_SERIES,
  ROLE_SERIES,
  TOTAL_METRICS,
  YEARLY_SERIES,
  monthlyCell,
  yearlyCell,
  type Layout,
  type MonthlySeries,
  type TotalMetric,
  type YearlySeries,
} from '../metrics.ts';
import { CellSketch } from './sketch.ts';
import { statOfSorted, type Stat } from './statistic.ts';

/** A run's results as the command line prints them and the app draws them. */
export interface Summary {
  replications: number;
  horizonMonths: number;
  totals: Record<TotalMetric, Stat>;
  endOfHorizon: { inPost: Record<string, Stat>; inTraining: Record<string, Stat> };
  monthly: Record<MonthlySeries, Stat[]> & {
    inPost: Record<string, Stat[]>;
    inTraining: Record<string, Stat[]>;
  };
  yearly: Record<YearlySeries, Stat[]>;
}

/**
 * The results of a run as chunks arrive, in any order. Horizon totals are kept for every
 * replication because exact percentiles, histograms, paired differences between runs and goal
 * seeking all need them. They are kept in single precision (4 bytes per metric per
 * replication, so a million-replication run keeps 80 MB, not 160): counts of people and items
 * are whole numbers below 2²⁴ and stay exact, hours and pounds keep seven significant figures.
 * Monthly and yearly series go into fixed-size sketches. The summary depends on which replications are in, never on the order
 * they came in or how they were chunked.
 */
/** Cells merged between two yields of `refresh()`. */
const CELLS_PER_STEP = 16;
/** Chunks whose sketches may wait for `refresh()` before `add()` merges them itself. */
const MAX_PENDING_CHUNKS = 16;

export class RunAggregate {
  private store: Float32Array;
  /** Reused for each total's values while its Stat is computed, so summaries make no garbage. */
  private scratch = new Float64Array(0);
  private readonly sketches: CellSketch[];
  /**
   * Chunks' sketches not yet merged, with how far each has been read. Merging a chunk's
   * hundreds of cells takes tens of milliseconds, so `add()` only queues them: `refresh()` merges
   * them a few cells at a time, and anything that reads the sketches merges the rest first.
   */
  private readonly pending: { cells: Float64Array; at: number; cell: number }[] = [];
  /** Chunks received, as [start, count], kept sorted by start. */
  private readonly ranges: [number, number][] = [];
  private received = 0;
  /** Stats of totals, each with the number of replications it was computed from. */
  private readonly totalStats = new Map<string, { stat: Stat; replications: number }>();

  constructor(
    readonly layout: Layout,
    expectedReplications = 1024,
  ) {
    this.store = new Float32Array(Math.max(1, expectedReplications) * layout.totalNames.length);
    this.sketches = Array.from({ length: layout.cellCount }, () => new CellSketch());
  }

  /** Replications received so far. */
  get replications(): number {
    return this.received;
  }

  add(chunk: ChunkResult): void {
    const width = this.layout.totalNames.length;
    const end = (chunk.start + chunk.count) * width;
    if (end > this.store.length) {
      const grown = new Float32Array(Math.max(end, this.store.length * 2));
      grown.set(this.store);
      this.store = grown;
    }
    this.store.set(chunk.totals, chunk.start * width);
    this.pending.push({ cells: chunk.cells, at: 0, cell: 0 });
    // Where nobody refreshes while a run goes on (the command line), merge as chunks come, so
    // queued sketches never hold more than a few chunks' worth of memory.
    while (this.pending.length > MAX_PENDING_CHUNKS) {
      const oldest = this.pending[0]!;
      for (; oldest.cell < this.layout.cellCount; oldest.cell++) {
        oldest.at = CellSketch.decode(oldest.cells, oldest.at, this.sketches[oldest.cell]!);
      }
      this.pending.shift();
    }
    const at = this.ranges.findIndex(([s]) => s > chunk.start);
    this.ranges.splice(at === -1 ? this.ranges.length : at, 0, [chunk.start, chunk.count]);
    this.received += chunk.count;
  }

  /** One value per replication received, in replication order. */
  values(name: string, out = new Float64Array(this.received)): Float64Array {
    const width = this.layout.totalNames.length;
    const column = this.layout.totalNames.indexOf(name);
    if (column < 0) throw new Error(`Unknown total "${name}".`);
    let i = 0;
    for (const [start, count] of this.ranges) {
      for (let r = start; r < start + count; r++) out[i++] = this.store[r * width + column]!;
    }
    return out;
  }

  /** The Stat of a total; kept until the next chunk, so asking twice costs one sort. */
  stat(name: string): Stat {
    const cached = this.totalStats.get(name);
    if (cached?.replications === this.received) return cached.stat;
    if (this.scratch.length !== this.received) this.scratch = new Float64Array(this.received);
    const stat = statOfSorted(this.values(name, this.scratch).sort());
    this.totalStats.set(name, { stat, replications: this.received });
    return stat;
  }

  /**
   * Brings every Stat of the summary up to date, one total or one cell at a time, yielding
   * after each: a page can spread the work over short tasks while a run goes on, then read
   * `summary()` (all cached, so immediate) or `latestSummary()`.
   */
  *refresh(): Generator<void, void> {
    yield* this.mergePending();
    for (const name of this.layout.totalNames) {
      if (this.totalStats.get(name)?.replications !== this.received) {
        this.stat(name);
        yield;
      }
    }
    for (const sketch of this.sketches) {
      if (sketch.stale) {
        sketch.stat();
        yield;
      }
    }
  }

  /** Merges queued sketches, yielding every few cells. */
  private *mergePending(): Generator<void, void> {
    const cellCount = this.layout.cellCount;
    for (;;) {
      const next = this.pending[0];
      if (!next) return;
      while (next.cell < cellCount) {
        next.at = CellSketch.decode(next.cells, next.at, this.sketches[next.cell]!);
        next.cell++;
        if (next.cell % CELLS_PER_STEP === 0) yield;
      }
      this.pending.shift();
    }
  }

  /** Merges every queued sketch now. */
  private flush(): void {
    for (const _ of this.mergePending());
  }

  /**
   * The summary from the Stats last computed, some perhaps from fewer replications than have
   * now arrived: what a live display shows while a run goes on. Computes only what has never
   * been computed. Once no chunk arrives after `refresh()` ends, it equals `summary()`.
   */
  latestSummary(): Summary {
    return this.build(
      (name) => this.totalStats.get(name)?.stat ?? this.stat(name),
      (cell) => this.sketches[cell]!.latestStat(),
    );
  }

  summary(): Summary {
    return this.build(
      (name) => this.stat(name),
      (cell) => this.sketchAt(cell).stat(),
    );
  }

  private sketchAt(cell: number): CellSketch {
    if (this.pending.length > 0) this.flush();
    return this.sketches[cell]!;
  }

  private build(total: (name: string) => Stat, cell: (index: number) => Stat): Summary {
    const { layout } = this;
    const { roleIds, horizonMonths: H } = layout;
    const monthly = (name: string): Stat[] => {
      const series = layout.monthlyNames.indexOf(name);
      return Array.from({ length: H }, (_, t) => cell(monthlyCell(layout, series, t)));
    };
    const yearly = (series: number): Stat[] =>
      Array.from({ length: layout.years }, (_, y) => cell(yearlyCell(layout, series, y)));
    const byRole = <T>(series: (typeof ROLE_SERIES)[number], each: (name: string) => T) =>
      Object.fromEntries(roleIds.map((id) => [id, each(`${series}.${id}`)]));
    return {
      replications: this.received,
      horizonMonths: H,
      totals: Object.fromEntries(TOTAL_METRICS.map((m) => [m, total(m)])) as Record<
        TotalMetric,
        Stat
      >,
      endOfHorizon: {
        inPost: byRole('inPost', total),
        inTraining: byRole('inTraining', total),
      },
      monthly: {
        ...(Object.fromEntries(MONTHLY_SERIES.map((m) => [m, monthly(m)])) as Record<
          MonthlySeries,
          Stat[]
        >),
        inPost: byRole('inPost', monthly),
        inTraining: byRole('inTraining', monthly),
      },
      yearly: Object.fromEntries(YEARLY_SERIES.map((m, s) => [m, yearly(s)])) as Record<
        YearlySeries,
        Stat[]
      >,
    };
  }
}
