import type { ChunkResult } from '../chunk.ts';
import { mergeCells } from '../chunk.ts';
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
import { statOf, type Stat } from './statistic.ts';

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
 * replication (8 bytes per metric per replication) because exact percentiles, histograms,
 * paired differences between runs and goal seeking all need them; monthly and yearly series go
 * into fixed-size sketches. The summary depends on which replications are in, never on the order
 * they came in or how they were chunked.
 */
export class RunAggregate {
  private store: Float64Array;
  private readonly sketches: CellSketch[];
  /** Chunks received, as [start, count], kept sorted by start. */
  private readonly ranges: [number, number][] = [];
  private received = 0;

  constructor(
    readonly layout: Layout,
    expectedReplications = 1024,
  ) {
    this.store = new Float64Array(Math.max(1, expectedReplications) * layout.totalNames.length);
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
      const grown = new Float64Array(Math.max(end, this.store.length * 2));
      grown.set(this.store);
      this.store = grown;
    }
    this.store.set(chunk.totals, chunk.start * width);
    mergeCells(this.layout, this.sketches, chunk.cells);
    const at = this.ranges.findIndex(([s]) => s > chunk.start);
    this.ranges.splice(at === -1 ? this.ranges.length : at, 0, [chunk.start, chunk.count]);
    this.received += chunk.count;
  }

  /** One value per replication received, in replication order. */
  values(name: string): Float64Array {
    const width = this.layout.totalNames.length;
    const column = this.layout.totalNames.indexOf(name);
    if (column < 0) throw new Error(`Unknown total "${name}".`);
    const out = new Float64Array(this.received);
    let i = 0;
    for (const [start, count] of this.ranges) {
      for (let r = start; r < start + count; r++) out[i++] = this.store[r * width + column]!;
    }
    return out;
  }

  stat(name: string): Stat {
    return statOf(this.values(name));
  }

  summary(): Summary {
    const { layout } = this;
    const { roleIds, horizonMonths: H } = layout;
    const byRole = (series: (typeof ROLE_SERIES)[number], each: (name: string) => Stat) =>
      Object.fromEntries(roleIds.map((id) => [id, each(`${series}.${id}`)]));
    const monthlySeries = (index: number): Stat[] =>
      Array.from({ length: H }, (_, t) => this.sketches[monthlyCell(layout, index, t)]!.stat());
    const monthlyByName = (name: string) => monthlySeries(layout.monthlyNames.indexOf(name));
    return {
      replications: this.received,
      horizonMonths: H,
      totals: Object.fromEntries(TOTAL_METRICS.map((m) => [m, this.stat(m)])) as Record<
        TotalMetric,
        Stat
      >,
      endOfHorizon: {
        inPost: byRole('inPost', (n) => this.stat(n)),
        inTraining: byRole('inTraining', (n) => this.stat(n)),
      },
      monthly: {
        ...(Object.fromEntries(MONTHLY_SERIES.map((m, i) => [m, monthlySeries(i)])) as Record<
          MonthlySeries,
          Stat[]
        >),
        inPost: Object.fromEntries(roleIds.map((id) => [id, monthlyByName(`inPost.${id}`)])),
        inTraining: Object.fromEntries(
          roleIds.map((id) => [id, monthlyByName(`inTraining.${id}`)]),
        ),
      },
      yearly: Object.fromEntries(
        YEARLY_SERIES.map((m, s) => [
          m,
          Array.from({ length: layout.years }, (_, y) =>
            this.sketches[yearlyCell(layout, s, y)]!.stat(),
          ),
        ]),
      ) as Record<YearlySeries, Stat[]>,
    };
  }
}
