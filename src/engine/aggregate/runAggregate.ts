import { orderBy, varianceShares } from './varianceShares.ts';
import type { ChunkResult } from '../chunk.ts';
import {
  BREAKDOWN_METRICS,
  MONTHLY_SERIES,
  ROLE_SERIES,
  TOTAL_METRICS,
  YEARLY_SERIES,
  monthlyCell,
  totalColumn,
  yearlyCell,
  type BreakdownMetric,
  type Layout,
  type MonthlySeries,
  type RoleSeries,
  type TotalMetric,
  type YearlySeries,
} from '../metrics.ts';
import { checkFiniteTotals } from './finiteTotals.ts';
import { CellSketch } from './sketch.ts';
import { ColumnSort, floatKey } from './columnSort.ts';
import { histogramOfSorted, type HistogramBin } from './histogram.ts';
import { statOfSortedSteps, type Stat } from './statistic.ts';
import { runToEnd, STEP_VALUES } from './steps.ts';

/** A run's results as the command line prints them and the app draws them. */
export interface Summary {
  replications: number;
  horizonMonths: number;
  totals: Record<TotalMetric, Stat>;
  /** Each ROLE_SERIES by role id at the end of the horizon. */
  endOfHorizon: Record<RoleSeries, Record<string, Stat>>;
  monthly: Record<MonthlySeries, Stat[]> & Record<RoleSeries, Record<string, Stat[]>>;
  yearly: Record<YearlySeries, Stat[]>;
  /** Totals by unit id: who gains. Empty when the scenario has too many units (MAX_BREAKDOWNS). */
  byUnit: Record<string, Record<BreakdownMetric, Stat>>;
  /** Totals by unit id, then demand stream id. */
  byStream: Record<string, Record<string, Record<BreakdownMetric, Stat>>>;
  /**
   * Present when the scenario has uncertain assumptions: for each total, the share of its
   * variance each assumption explains (by path) and what chance leaves (varianceShares.ts).
   */
  uncertainty?: Record<TotalMetric, { shares: Record<string, number>; chance: number }>;
}

/**
 * Numbers of chunks' encoded sketches read between two yields of `refresh()`: a cell of a large
 * chunk holds thousands of distinct values, so steps are measured in numbers read, not cells.
 */
const NUMBERS_PER_STEP = 8192;
/** Chunks whose sketches may wait for `refresh()` before `add()` merges them itself. */
const MAX_PENDING_CHUNKS = 16;
/** Replications in a block of a total's values (see RunAggregate.blocks). */
const BLOCK = STEP_VALUES;

/** The part of replications [index, index + count) that lies in one block. */
function segment(index: number, count: number): { block: number; at: number; length: number } {
  const block = Math.floor(index / BLOCK);
  const at = index - block * BLOCK;
  return { block, at, length: Math.min(count, BLOCK - at) };
}

/**
 * The results of a run as chunks arrive, in any order. Horizon totals are kept for every
 * replication because exact percentiles, histograms, paired differences between runs and goal
 * seeking all need them. They are kept in single precision (4 bytes per metric per
 * replication, so a million-replication run keeps 80 MB, not 160): counts of people and items
 * are whole numbers below 2²⁴ and stay exact, hours and pounds keep seven significant figures.
 * Monthly and yearly series go into sketches of distinct values and their counts (sketch.ts),
 * whose size is bounded by the values' rounding, not by the run's length. The summary depends
 * on which replications are in, never on the order they came in or how they were chunked.
 *
 * Longer than most files here: adding a chunk, the live refresh in steps and the final summary
 * all read and write the same record of which replications are in and which statistics are up
 * to date, and keeping them in one class keeps that record in one place.
 */
export class RunAggregate {
  /**
   * Each total's values by replication, in blocks of BLOCK replications: `blocks[total][b]` holds
   * replications [b·BLOCK, (b + 1)·BLOCK). A total's values are read far more often (its Stat,
   * histograms, paired differences) than chunks are written, and reading them a block at a time
   * is several times quicker than reading one number in every row of a replication-major table.
   * Blocks are made as chunks reach them, so memory follows the replications received, and no
   * array is ever copied to grow but the last block, which is sized to the replications expected.
   */
  private readonly blocks: Float32Array[][];
  /** Replications the run is expected to have: the last block is made no larger than needed. */
  private readonly expected: number;
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
  /**
   * Replications received, as [start, count] runs, sorted by start, with runs that meet merged:
   * chunks arrive nearly in order, so a run of any size has a few.
   */
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
    this.expected = Math.max(1, expectedReplications);
    this.blocks = layout.totalNames.map(() => []);
    this.sketches = Array.from({ length: layout.cellCount }, () => new CellSketch());
  }

  /** Replications received so far. */
  get replications(): number {
    return this.received;
  }

  /** Merges a chunk's results; refuses, before keeping anything, one whose totals are not finite. */
  add(chunk: ChunkResult): void {
    checkFiniteTotals(this.layout, chunk);
    const width = this.layout.totalNames.length;
    const { start, count, totals } = chunk;
    for (let done = 0; done < count;) {
      const { block: b, at, length } = segment(start + done, count - done);
      for (let c = 0; c < width; c++) {
        const block = this.block(c, b, at + length);
        for (let r = 0; r < length; r++) block[at + r] = totals[(done + r) * width + c]!;
      }
      done += length;
    }
    this.pending.push({ cells: chunk.cells, at: 0, cell: 0 });
    // Where nobody refreshes while a run goes on (the command line), merge as chunks come, so
    // queued sketches never hold more than a few chunks' worth of memory.
    while (this.pending.length > MAX_PENDING_CHUNKS) this.mergeOldest(Infinity);
    this.insertRange(start, count);
    this.received += chunk.count;
  }

  private insertRange(start: number, count: number): void {
    const { ranges } = this;
    let at = ranges.findIndex(([s]) => s > start);
    if (at === -1) at = ranges.length;
    ranges.splice(at, 0, [start, count]);
    // Merge with the run after it, then with the run before it, where they meet.
    const next = ranges[at + 1];
    if (next && start + count === next[0]) {
      ranges[at]![1] += next[1];
      ranges.splice(at + 1, 1);
    }
    const previous = ranges[at - 1];
    if (previous && previous[0] + previous[1] === start) {
      previous[1] += ranges[at]![1];
      ranges.splice(at, 1);
    }
  }

  /**
   * Block `b` of total `column`, with room for at least `upTo` replications: made when a chunk
   * first reaches it, at its full size unless the run is expected to end inside it, and grown
   * (doubling, up to BLOCK) only if more replications come than were expected.
   */
  private block(column: number, b: number, upTo: number): Float32Array {
    const list = this.blocks[column]!;
    const block = list[b];
    if (block && block.length >= upTo) return block;
    const planned = Math.min(BLOCK, Math.max(1, this.expected - b * BLOCK));
    const grown = new Float32Array(
      Math.min(BLOCK, Math.max(upTo, planned, 2 * (block?.length ?? 0))),
    );
    if (block) grown.set(block);
    list[b] = grown;
    return grown;
  }

  /**
   * The parts of `ranges` (by default, every replication received) that each lie in one block,
   * in replication order; `i` counts the values before a part.
   */
  private *segments(
    column: number,
    ranges: readonly (readonly [number, number])[] = this.ranges,
  ): Generator<{ block: Float32Array; at: number; length: number; i: number }> {
    const list = this.blocks[column]!;
    let i = 0;
    for (const [start, count] of ranges) {
      for (let done = 0; done < count;) {
        const { block: b, at, length } = segment(start + done, count - done);
        yield { block: list[b]!, at, length, i };
        i += length;
        done += length;
      }
    }
  }

  /** One value per replication received, in replication order. */
  values(name: string, out = new Float64Array(this.received)): Float64Array {
    for (const { block, at, length, i } of this.segments(this.columnOf(name)))
      out.set(block.subarray(at, at + length), i);
    return out;
  }

  private columnOf(name: string): number {
    const column = totalColumn(this.layout, name);
    if (column < 0) throw new Error(`Unknown total "${name}".`);
    return column;
  }

  /** The Stat of a total; kept until the next chunk, so asking twice costs one sort. */
  stat(name: string): Stat {
    return this.current(name).stat;
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
    sorter.reserve(n);
    // Copied a block at a time from the replications received when it started (a value, once
    // in, never changes), so the Stat is of those whatever chunks arrive meanwhile.
    const keys = sorter.keys;
    const ranges = this.ranges.map(([start, count]) => [start, count] as const);
    for (const { block, at, length, i } of this.segments(this.columnOf(name), ranges)) {
      const bits = new Uint32Array(block.buffer, block.byteOffset + 4 * at, length);
      for (let k = 0; k < length; k++) keys[i + k] = floatKey(bits[k]!);
      yield;
    }
    const sorted = yield* sorter.sort(n);
    const stat = yield* statOfSortedSteps(sorted);
    const computed = { stat, bins: histogramOfSorted(sorted), replications: n };
    // stat() may have computed it from more replications while this one was paused.
    if ((this.totalStats.get(name)?.replications ?? -1) < n) this.totalStats.set(name, computed);
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

  /**
   * Merges the oldest queued chunk's sketches, a cell at a time, until about `budget` numbers
   * have been read, and drops the chunk from the queue once all its cells are in. The one place
   * the queue is read from, whether `refresh()` merges in steps or `add()` and readers at once.
   */
  private mergeOldest(budget: number): void {
    const oldest = this.pending[0]!;
    const cellCount = this.layout.cellCount;
    let read = 0;
    while (oldest.cell < cellCount && read < budget) {
      const from = oldest.at;
      oldest.at = CellSketch.decode(oldest.cells, from, this.sketches[oldest.cell]!);
      oldest.cell++;
      read += oldest.at - from;
    }
    if (oldest.cell === cellCount) this.pending.shift();
  }

  /** Chunks whose sketches are queued, not yet merged. */
  get queuedChunks(): number {
    return this.pending.length;
  }

  /**
   * Merges queued sketches, yielding every few thousand numbers read: a page calls it between
   * refreshes so chunks never pile up past what `add()` lets wait, which would merge one at once.
   */
  *mergePending(): Generator<void, void> {
    while (this.pending.length > 0) {
      this.mergeOldest(NUMBERS_PER_STEP);
      yield;
    }
  }

  /** Merges every queued sketch now. */
  private flush(): void {
    while (this.pending.length > 0) this.mergeOldest(Infinity);
  }

  /**
   * The summary from the Stats last computed, some perhaps from fewer replications than have
   * now arrived: what a live display shows while a run goes on. Computes only what has never
   * been computed. Once no chunk arrives after `refresh()` ends, it equals `summary()`.
   */
  latestSummary(): Summary {
    const summary = this.build(
      (name) => this.totalStats.get(name)?.stat ?? this.stat(name),
      (cell) => this.sketches[cell]!.latestStat(),
    );
    // The shares sort every replication once per assumption: done once, when the run is in.
    const uncertainty = this.received >= this.expected ? this.uncertainty() : undefined;
    return uncertainty ? { ...summary, uncertainty } : summary;
  }

  summary(): Summary {
    const summary = this.build(
      (name) => this.stat(name),
      (cell) => this.sketchAt(cell).stat(),
    );
    const uncertainty = this.uncertainty();
    return uncertainty ? { ...summary, uncertainty } : summary;
  }

  private uncertaintyCache: { received: number; value: Summary['uncertainty'] } | undefined;

  /** The variance shares of every total, computed once for the replications received. */
  private uncertainty(): Summary['uncertainty'] {
    const paths = this.layout.uncertainPaths;
    if (paths.length === 0 || this.received === 0) return undefined;
    if (this.uncertaintyCache?.received === this.received) return this.uncertaintyCache.value;
    const orders = paths.map((p) => orderBy(this.values(`uncertain.${p}`)));
    const y = new Float64Array(this.received);
    const value = Object.fromEntries(
      TOTAL_METRICS.map((m) => {
        const { shares, chance } = varianceShares(this.values(m, y), orders);
        return [m, { shares: Object.fromEntries(paths.map((p, j) => [p, shares[j]!])), chance }];
      }),
    ) as NonNullable<Summary['uncertainty']>;
    this.uncertaintyCache = { received: this.received, value };
    return value;
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
    const breakdown = (prefix: string) =>
      Object.fromEntries(
        BREAKDOWN_METRICS.map((m) => {
          const name = `${prefix}.${m}`;
          return [m, total(layout.aliases[name] ?? name)];
        }),
      ) as Record<BreakdownMetric, Stat>;
    return {
      replications: this.received,
      horizonMonths: H,
      totals: Object.fromEntries(TOTAL_METRICS.map((m) => [m, total(m)])) as Record<
        TotalMetric,
        Stat
      >,
      endOfHorizon: Object.fromEntries(
        ROLE_SERIES.map((series) => [series, byRole(series, total)]),
      ) as Record<RoleSeries, Record<string, Stat>>,
      monthly: {
        ...(Object.fromEntries(MONTHLY_SERIES.map((m) => [m, monthly(m)])) as Record<
          MonthlySeries,
          Stat[]
        >),
        ...(Object.fromEntries(
          ROLE_SERIES.map((series) => [series, byRole(series, monthly)]),
        ) as Record<RoleSeries, Record<string, Stat[]>>),
      },
      yearly: Object.fromEntries(YEARLY_SERIES.map((m, s) => [m, yearly(s)])) as Record<
        YearlySeries,
        Stat[]
      >,
      byUnit: Object.fromEntries(
        layout.byUnit ? layout.units.map((u) => [u.id, breakdown(`byUnit.${u.id}`)]) : [],
      ),
      byStream: Object.fromEntries(
        (layout.byStream ? layout.units : []).map((u) => [
          u.id,
          Object.fromEntries(u.streams.map((s) => [s, breakdown(`byStream.${u.id}.${s}`)])),
        ]),
      ),
    };
  }
}
