import { describe, expect, it } from 'vitest';
import { RunAggregate } from '../../../src/engine/aggregate/runAggregate.ts';
import { histogram } from '../../../src/engine/aggregate/histogram.ts';
import { CellSketch } from '../../../src/engine/aggregate/sketch.ts';
import { statOf } from '../../../src/engine/aggregate/statistic.ts';
import { STEP_VALUES } from '../../../src/engine/aggregate/steps.ts';
import { runChunk } from '../../../src/engine/chunk.ts';
import { compileModel } from '../../../src/engine/model.ts';
import { planChunks } from '../../../src/engine/run.ts';
import { buildScenario, GOLDEN_SCENARIO } from '../fixtures.ts';

const REPLICATIONS = 100;
const model = compileModel(buildScenario({ ...GOLDEN_SCENARIO, horizonMonths: 14 }));

function aggregate(chunkSize: number, reverse = false, seed = 'chunks'): RunAggregate {
  const chunks = planChunks(REPLICATIONS, chunkSize).map(([start, count]) =>
    runChunk(model, seed, start, count),
  );
  const run = new RunAggregate(model.layout, reverse ? 1 : REPLICATIONS);
  for (const chunk of reverse ? chunks.reverse() : chunks) run.add(chunk);
  return run;
}

describe('RunAggregate', () => {
  const reference = aggregate(100);

  it.each([
    [1, false],
    [7, false],
    [7, true],
    [1, true],
    [100, true],
  ])('gives the identical summary for chunks of %d (reversed: %s)', (size, reverse) => {
    const run = aggregate(size, reverse);
    expect(run.replications).toBe(REPLICATIONS);
    expect(run.summary()).toEqual(reference.summary());
    expect(run.values('unexaminedSuspects')).toEqual(reference.values('unexaminedSuspects'));
  });

  it('keeps the totals of each replication in index order', () => {
    const values = reference.values('suspectsArrived');
    const single = runChunk(model, 'chunks', 37, 1);
    const column = model.layout.totalNames.indexOf('suspectsArrived');
    expect(values[37]).toBe(single.totals[column]);
    expect(() => reference.values('nonsense')).toThrow(/Unknown total/);
  });

  it('differs between seeds', () => {
    const other = aggregate(100, false, 'another seed');
    expect(other.values('suspectsArrived')).not.toEqual(reference.values('suspectsArrived'));
    expect(other.summary().totals.missedRecovery.mean).not.toBe(
      reference.summary().totals.missedRecovery.mean,
    );
  });

  it('sums each year of a monthly series into its yearly cell', () => {
    const s = reference.summary();
    expect(s.yearly.suspectsArrived).toHaveLength(2);
    const months = s.monthly.suspectsArrived.slice(0, 12).reduce((a, m) => a + m.mean, 0);
    expect(s.yearly.suspectsArrived[0]!.mean).toBeCloseTo(months, 6);
    const lastMonths = s.monthly.suspectsArrived.slice(12).reduce((a, m) => a + m.mean, 0);
    expect(s.yearly.suspectsArrived[1]!.mean).toBeCloseTo(lastMonths, 6);
    const missed = s.yearly.missedRecovery.reduce((a, y) => a + y.mean, 0);
    expect(s.totals.missedRecovery.mean).toBeCloseTo(missed, 2);
    expect(s.yearly.missedForceIncome[0]!.mean).toBeCloseTo(
      s.yearly.missedRecovery[0]!.mean * 0.1875,
      2,
    );
  });

  it('recomputes a summary once more replications come in, and not before', () => {
    const chunks = planChunks(REPLICATIONS, 50).map(([start, count]) =>
      runChunk(model, 'chunks', start, count),
    );
    const run = new RunAggregate(model.layout);
    run.add(chunks[0]!);
    const half = structuredClone(run.summary());
    expect(run.summary()).toEqual(half);
    run.add(chunks[1]!);
    const whole = run.summary();
    expect(whole.replications).toBe(REPLICATIONS);
    expect(whole).toEqual(reference.summary());
    expect(whole.totals.suspectsArrived).not.toEqual(half.totals.suspectsArrived);
    expect(whole.monthly.suspectsArrived).not.toEqual(half.monthly.suspectsArrived);
  });
});

describe('RunAggregate live summaries', () => {
  it('after refresh() runs to the end, latestSummary() equals summary()', () => {
    const live = aggregate(10);
    for (const _ of live.refresh());
    expect(live.latestSummary()).toEqual(aggregate(10).summary());
  });

  it('latestSummary() keeps the last computed figures until refreshed, then catches up', () => {
    const chunks = planChunks(REPLICATIONS, 50).map(([s, c]) => runChunk(model, 'live', s, c));
    const live = new RunAggregate(model.layout, REPLICATIONS);
    live.add(chunks[0]!);
    const first = live.latestSummary();
    live.add(chunks[1]!);
    const stale = live.latestSummary();
    expect(stale.totals.unexaminedSuspects).toEqual(first.totals.unexaminedSuspects);
    let steps = 0;
    for (const _ of live.refresh()) steps++;
    expect(steps).toBeGreaterThan(0);
    const fresh = live.latestSummary();
    expect(fresh.totals.unexaminedSuspects).toEqual(live.summary().totals.unexaminedSuspects);
    expect(fresh.totals.unexaminedSuspects.mean).not.toBe(first.totals.unexaminedSuspects.mean);
  });

  it('latestHistogram() is of the replications behind latestSummary()', () => {
    const chunks = planChunks(REPLICATIONS, 50).map(([s, c]) => runChunk(model, 'live', s, c));
    const live = new RunAggregate(model.layout, REPLICATIONS);
    live.add(chunks[0]!);
    const first = live.latestHistogram('missedRecovery');
    expect(first).toEqual(histogram(live.values('missedRecovery')));
    live.add(chunks[1]!);
    expect(live.latestHistogram('missedRecovery')).toEqual(first);
    for (const _ of live.refresh());
    const all = histogram(live.values('missedRecovery'));
    expect(all.reduce((n, b) => n + b.count, 0)).toBe(REPLICATIONS);
    expect(live.latestHistogram('missedRecovery')).toEqual(all);
    const whole = aggregate(7, true);
    expect(whole.latestHistogram('unexaminedSuspects')).toEqual(
      histogram(whole.values('unexaminedSuspects')),
    );
  });

  it('loses no chunk when chunks pile up while refresh() is merging', () => {
    const chunks = planChunks(REPLICATIONS, 5).map(([s, c]) => runChunk(model, 'pile', s, c));
    const reference = new RunAggregate(model.layout, REPLICATIONS);
    for (const chunk of chunks) reference.add(chunk);
    const live = new RunAggregate(model.layout, REPLICATIONS);
    for (const chunk of chunks.slice(0, 16)) live.add(chunk);
    const steps = live.refresh();
    steps.next();
    // More than add() lets wait: it merges the oldest, the one refresh() was part-way through.
    for (const chunk of chunks.slice(16)) live.add(chunk);
    for (;;) if (steps.next().done) break;
    expect(live.summary()).toEqual(reference.summary());
  });

  it('refresh() yields at least once per total or cell it recomputes, and not at all when nothing is new', () => {
    const live = aggregate(25);
    let steps = 0;
    for (const _ of live.refresh()) steps++;
    // One step per total and per cell, plus steps while the queued chunks' cells are merged.
    expect(steps).toBeGreaterThan(model.layout.totalNames.length + model.layout.cellCount);
    let again = 0;
    for (const _ of live.refresh()) again++;
    expect(again).toBe(0);
  });
});

// A million replications of every total, the pipeline role series included, take seconds.
describe('RunAggregate at a million-replication scale', { timeout: 30_000 }, () => {
  // One unit with one stream, whose breakdowns are the horizon totals: the work grows with the
  // number of totals, and these tests are about replications.
  const model = compileModel(
    buildScenario({ ...GOLDEN_SCENARIO, horizonMonths: 14, units: GOLDEN_SCENARIO.units.slice(1) }),
  );
  /** The encoded sketches of a chunk with nothing in its monthly cells. */
  function emptyCells(): Float64Array {
    const cells: number[] = [];
    for (let c = 0; c < model.layout.cellCount; c++) new CellSketch().encode(cells);
    return Float64Array.from(cells);
  }

  /** A run of `n` made-up replications with spread-out totals and empty monthly sketches. */
  function largeRun(n: number): RunAggregate {
    const { layout } = model;
    const width = layout.totalNames.length;
    const run = new RunAggregate(layout, n);
    const encoded = emptyCells();
    const chunk = 50_000;
    // Chunks in reverse order, as a pool may deliver them.
    for (let start = n - chunk; start >= 0; start -= chunk) {
      const totals = new Float32Array(chunk * width);
      for (let i = 0; i < totals.length; i++) totals[i] = Math.sin(start + i) * 1e5 + (i % 7);
      run.add({ start, count: chunk, totals, cells: encoded });
    }
    return run;
  }

  it('keeps every value whatever blocks its chunks fall across, expected or not', () => {
    const { layout } = model;
    const width = layout.totalNames.length;
    const encoded = emptyCells();
    const n = 2 * STEP_VALUES + 123;
    const value = (r: number, c: number) => ((r * 31 + c * 7) % 1009) + c / 8;
    // Far more than expected, in uneven chunks that straddle block edges, out of order.
    const run = new RunAggregate(layout, 10);
    const edges = [0, 5, STEP_VALUES - 3, STEP_VALUES + 40, 2 * STEP_VALUES - 1, n];
    const chunks = edges.slice(1).map((end, k) => [edges[k]!, end - edges[k]!] as const);
    for (const [start, count] of [2, 0, 4, 1, 3].map((k) => chunks[k]!)) {
      const totals = Float32Array.from({ length: count * width }, (_, i) =>
        value(start + Math.floor(i / width), i % width),
      );
      run.add({ start, count, totals, cells: encoded });
    }
    expect(run.replications).toBe(n);
    const c = layout.totalNames.indexOf('missedRecovery');
    const expected = Float64Array.from({ length: n }, (_, r) => Math.fround(value(r, c)));
    expect(run.values('missedRecovery')).toEqual(expected);
    expect(run.stat('missedRecovery')).toEqual(statOf(expected));
  });

  it('gives the Stat of the replications in when a total was begun, whatever arrives meanwhile', () => {
    const { layout } = model;
    const width = layout.totalNames.length;
    const encoded = emptyCells();
    const chunk = (start: number, count: number) => ({
      start,
      count,
      totals: Float32Array.from({ length: count * width }, (_, i) => Math.sin(start + i) * 1e5),
      cells: encoded,
    });
    // Replications [0, 100,000) and [150,000, 250,000) are in; the gap arrives while the first
    // total is being copied.
    const run = new RunAggregate(layout, 250_000);
    run.add(chunk(0, 100_000));
    run.add(chunk(150_000, 100_000));
    const first = layout.totalNames[0]!;
    const before = statOf(run.values(first));
    const steps = run.refresh();
    // A step to merge each chunk's (small) sketches, then one to copy the first block.
    for (let k = 0; k < 3; k++) steps.next();
    run.add(chunk(100_000, 50_000));
    for (;;) if (steps.next().done) break;
    expect(run.latestSummary().totals[first as 'suspectsArrived']).toEqual(before);
    expect(run.stat(first)).not.toEqual(before);
    // A Stat asked for meanwhile, of more replications, is not replaced by the older one.
    run.add(chunk(250_000, 1000));
    const again = run.refresh();
    again.next();
    run.add(chunk(251_000, 1000));
    const newer = run.stat(first);
    for (;;) if (again.next().done) break;
    expect(run.latestSummary().totals[first as 'suspectsArrived']).toBe(newer);
  }, 30_000);

  it('works out each total in steps of at most STEP_VALUES values, to the same Stat as a plain sort', () => {
    const n = 300_000;
    const run = largeRun(n);
    let steps = 0;
    for (const _ of run.refresh()) steps++;
    // Per total: the copy, then the sort (a count, four passes, a decode) and two sums, each in
    // steps of STEP_VALUES values.
    const perTotal = 1 + 8 * Math.ceil(n / STEP_VALUES);
    expect(steps).toBeGreaterThanOrEqual(model.layout.totalNames.length * perTotal);
    for (const name of ['unexaminedSuspects', 'missedRecovery', 'capacityHours']) {
      expect(run.latestSummary().totals[name as 'unexaminedSuspects']).toEqual(
        statOf(run.values(name)),
      );
      expect(run.latestHistogram(name)).toEqual(histogram(run.values(name)));
    }
  }, 30_000);
});
