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
import { ColumnSort, floatKey } from './columnSort.ts';
import { histogramOfSorted, type HistogramBin } from './histogram.ts';
import { statOfSortedSteps, type Stat } from './statistic.ts';
import { runToEnd } from './steps.ts';

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
 * Numbers of chunks' encoded sketches read between two yields of `refresh()`: a cell of a large
 * chunk holds thousands of distinct values, so steps are measured in numbers read, not cells.
 */
const NUMBERS_PER_STEP = 8192;
/** Chunks whose sketches may wait for `refresh()` before `add()` merges them itself. */
const MAX_PENDING_CHUNKS = 16;

/**
 * The results of a run as chunks arrive, in any order. Horizon totals are kept for every
 * replication because exact percentiles, histograms, paired differences between runs and goal
 * seeking all need them. They are kept in single precision (4 bytes per metric per
 * replication, so a million-replication run keeps 80 MB, not 160): counts of people and items
 * are whole numbers below 2²⁴ and stay exact, hours and pounds keep seven significant figures.
 * Monthly and yearly series go into fixed-size sketches. The summary depends on which
 * replications are in, never on the order they came in or how they were chunked.
 */
export class RunAggregate {
  /**
   * One array per total, indexed by replication: a total's values are read far more often (its
   * Stat, histograms, paired differences) than chunks are written, and contiguous reads are
   * several times quicker than reading one number in every row of a replication-major table.
   */
  private columns: Float32Array[];
  /** Replications each column has room for. */
  private capacity: number;
  /** Reused for each total's values while `stat()` sorts them, so summaries make no garbage. */
  private readonly sorter = new ColumnSort();
  /** The same for `refresh()`, which works in steps: `stat()` may be called between two. */
  private readonly refreshSorter = new ColumnSort();
  private readonly sketches: CellSketch[];
  /**
   * Chunks' sketches not yet merged, with how far each has been read. Merging a chunk's
   * hundreds of cells takes tens of milliseconds, so `add()` only queues them: `refresh()` merges
   * them a few thousand numbers at a time, and anything that reads the sketches merges the rest first.
   */
  private readonly pending: { cells: Float64Array; at: number; cell: number }[] = [];
  /** Chunks received, as [start, count], kept sorted by start. */
  private readonly ranges: [number, number][] = [];
  private received = 0;
  /**
   * Stats and histograms of totals, each with the number of replications it was computed from:
   * both are read off the same sorted values.
   */
  private readonly totalStats = new Map<
    string,
    { stat: Stat; bins: HistogramBin[]; replications: number }
  >();

  constructor(
    readonly layout: Layout,
    expectedReplications = 1024,
  ) {
    this.capacity = Math.max(1, expectedReplications);
    this.columns = layout.totalNames.map(() => new Float32Array(this.capacity));
    this.sketches = Array.from({ length: layout.cellCount }, () => new CellSketch());
  }

  /** Replications received so far. */
  get replications(): number {
    return this.received;
  }

  add(chunk: ChunkResult): void {
    const width = this.layout.totalNames.length;
    const { start, count, totals } = chunk;
    if (start + count > this.capacity) {
      this.capacity = Math.max(start + count, this.capacity * 2);
      this.columns = this.columns.map((old) => {
        const grown = new Float32Array(this.capacity);
        grown.set(old);
        return grown;
      });
    }
    for (let c = 0; c < width; c++) {
      const column = this.columns[c]!;
      for (let r = 0; r < count; r++) column[start + r] = totals[r * width + c]!;
    }
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
    const column = this.columns[this.columnOf(name)]!;
    let i = 0;
    for (const [start, count] of this.ranges) {
      out.set(column.subarray(start, start + count), i);
      i += count;
    }
    return out;
  }

  private columnOf(name: string): number {
    const column = this.layout.totalNames.indexOf(name);
    if (column < 0) throw new Error(`Unknown total "${name}".`);
    return column;
  }

  /** The Stat of a total; kept until the next chunk, so asking twice costs one sort. */
  stat(name: string): Stat {
    return this.current(name).stat;
  }

  /** The histogram of a total, as `histogram()` of its values bins them; kept like its Stat. */
  histogram(name: string): HistogramBin[] {
    return this.current(name).bins;
  }

  /**
   * The histogram of a total from the replications its Stat in `latestSummary()` was computed
   * from: the one to draw beside that summary.
   */
  latestHistogram(name: string): HistogramBin[] {
    return (this.totalStats.get(name) ?? this.current(name)).bins;
  }

  private current(name: string): { stat: Stat; bins: HistogramBin[] } {
    const cached = this.totalStats.get(name);
    if (cached?.replications === this.received) return cached;
    return runToEnd(this.totalStatSteps(name, this.sorter));
  }

  /**
   * Computes and keeps the Stat and histogram of a total over the replications received when it
   * starts, yielding every STEP_VALUES values of its sort and sums: at a million replications the
   * whole takes tens of milliseconds, too long for one task of a page.
   */
  private *totalStatSteps(
    name: string,
    sorter: ColumnSort,
  ): Generator<void, { stat: Stat; bins: HistogramBin[] }> {
    const n = this.received;
    const column = this.columns[this.columnOf(name)]!;
    sorter.reserve(n);
    // Copied in one step (contiguous reads, a few milliseconds at a million replications), so no
    // chunk can arrive half way: the Stat is of the replications received when it started.
    const bits = new Uint32Array(column.buffer, 0, column.length);
    const keys = sorter.keys;
    let i = 0;
    for (const [start, count] of this.ranges) {
      for (let r = start; r < start + count; r++) keys[i++] = floatKey(bits[r]!);
    }
    yield;
    const sorted = yield* sorter.sort(n);
    const stat = yield* statOfSortedSteps(sorted);
    const computed = { stat, bins: histogramOfSorted(sorted), replications: n };
    this.totalStats.set(name, computed);
    return computed;
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
        yield* this.totalStatSteps(name, this.refreshSorter);
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

  /** Merges queued sketches, yielding every few thousand numbers read. */
  private *mergePending(): Generator<void, void> {
    const cellCount = this.layout.cellCount;
    let read = 0;
    for (;;) {
      const next = this.pending[0];
      if (!next) return;
      while (next.cell < cellCount) {
        const from = next.at;
        next.at = CellSketch.decode(next.cells, from, this.sketches[next.cell]!);
        next.cell++;
        read += next.at - from;
        if (read >= NUMBERS_PER_STEP) {
          yield;
          read = 0;
        }
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
