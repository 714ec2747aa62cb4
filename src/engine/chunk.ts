import { MONTHLY_SERIES, YEARLY_SERIES, monthlyCell, yearlyCell } from './metrics.ts';
import type { Model } from './model.ts';
import { replicate, Workspace } from './replicate.ts';

/**
 * The results of replications [start, start + count) of a run: each replication's horizon
 * totals, kept whole, and sketches of its monthly and yearly series. Plain typed arrays, so a
 * worker can transfer it without copying.
 */
export interface ChunkResult {
  start: number;
  count: number;
  /**
   * count × layout.totalNames.length, replication-major, in the single precision the aggregate
   * keeps them in (see RunAggregate): half the bytes to send, and the same numbers kept.
   */
  totals: Float32Array;
  /** One CellSketch per cell of the layout, encoded in cell order. */
  cells: Float64Array;
}

/** Monthly series each yearly series adds up (missedForceIncome is missedRecovery × forceShare). */
const YEARLY_FROM = YEARLY_SERIES.map((name) =>
  MONTHLY_SERIES.indexOf(name === 'missedForceIncome' ? 'missedRecovery' : name),
);

export function runChunk(
  model: Model,
  seed: string,
  start: number,
  count: number,
  ws = new Workspace(model),
): ChunkResult {
  const { layout } = model;
  const width = layout.totalNames.length;
  const H = layout.horizonMonths;
  const totals = new Float32Array(count * width);
  // A replication sums its totals month by month in double precision; they are rounded once done.
  const replicationTotals = new Float64Array(width);
  const monthly = new Float64Array(layout.monthlyNames.length * H);
  const sketches = ws.cells;
  for (const sketch of sketches) sketch.clear();
  const forceShareOf = YEARLY_SERIES.map((name) =>
    name === 'missedForceIncome' ? model.forceShare : 1,
  );
  for (let r = 0; r < count; r++) {
    replicate(ws, seed, start + r, replicationTotals, monthly);
    totals.set(replicationTotals, r * width);
    for (let s = 0; s < layout.monthlyNames.length; s++) {
      for (let t = 0; t < H; t++) sketches[monthlyCell(layout, s, t)]!.add(monthly[s * H + t]!);
    }
    for (let y = 0; y < layout.years; y++) {
      const begin = layout.yearStarts[y]!;
      const end = layout.yearStarts[y + 1]!;
      for (let s = 0; s < YEARLY_SERIES.length; s++) {
        const from = YEARLY_FROM[s]! * H;
        let sum = 0;
        for (let t = begin; t < end; t++) sum += monthly[from + t]!;
        sketches[yearlyCell(layout, s, y)]!.add(sum * forceShareOf[s]!);
      }
    }
  }
  const encoded: number[] = [];
  for (const sketch of sketches) sketch.encode(encoded);
  return { start, count, totals, cells: Float64Array.from(encoded) };
}
