import type { Remote } from 'comlink';
import type { Runner } from '../../src/runner/runner.ts';
import type { WorkerApi } from '../../src/runner/workerApi.ts';
import type { Scenario } from '../../src/scenario/schema.ts';

/** Median of a few timed rounds: the benchmark compares ratios measured in one run. */
export function medianOf(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The lower and upper quartiles, as the medians of the lower and upper halves. */
export function quartiles(values: number[]): [number, number] {
  if (values.length < 2) throw new RangeError('Quartiles need at least two values.');
  const sorted = [...values].sort((a, b) => a - b);
  const half = sorted.length >> 1;
  return [medianOf(sorted.slice(0, half)), medianOf(sorted.slice(sorted.length - half))];
}

/** Milliseconds `work` takes, median of `rounds`. */
export function timeIt(work: () => void, rounds = 5): number {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return medianOf(times);
}

/**
 * Nanoseconds per call of `draw`, through a loop compiled for it alone, so one generator's
 * call site does not slow the next one's.
 */
export function nsPerCall(draw: () => number, calls = 2_000_000): number {
  const loop = new Function(
    'draw',
    'calls',
    'let s = 0; for (let i = 0; i < calls; i++) s += draw(); return s;',
  ) as (draw: () => number, calls: number) => number;
  loop(draw, calls / 10);
  return (timeIt(() => loop(draw, calls), 3) * 1e6) / calls;
}

/** Each side's median rate and the median of the per-round ratios `many ÷ one`. */
export interface PairedRates {
  one: number;
  many: number;
  ratio: number;
  /** The lower and upper quartiles of the per-round ratios: how much the machine moved. */
  ratioQuartiles: [number, number];
}

/**
 * Measures two rates in `rounds` back-to-back pairs, swapping which goes first each round so a
 * steady drift in the machine's speed favours neither. The ratio is the median of the pairs' own
 * ratios: a burst of load from elsewhere on a shared machine falls on one or two pairs and moves
 * the median little, where it could pull one side's median alone.
 */
export async function pairedRates(
  rounds: number,
  one: (round: number) => Promise<number>,
  many: (round: number) => Promise<number>,
): Promise<PairedRates> {
  const ones: number[] = [];
  const manys: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < rounds; round++) {
    let a: number;
    let b: number;
    if (round % 2 === 0) {
      a = await one(round);
      b = await many(round);
    } else {
      b = await many(round);
      a = await one(round);
    }
    ones.push(a);
    manys.push(b);
    ratios.push(b / a);
  }
  return {
    one: medianOf(ones),
    many: medianOf(manys),
    ratio: medianOf(ratios),
    ratioQuartiles: quartiles(ratios),
  };
}

/** Runs `replications` of the benchmark's scenario under `seed` on one pool. */
export type TimedRun = (replications: number, seed: string) => Promise<void>;

/** A TimedRun of `scenario` on `pool`. */
export function runsOf(pool: Pick<Runner, 'run'>, scenario: Scenario): TimedRun {
  return async (replications, seed) => {
    await pool.run({ scenario, seed, replications });
  };
}

/**
 * Runs each pool makes before timing starts: V8 goes on recompiling the engine for a pool's
 * first few runs, on a core the larger pool needs and the smaller one leaves free.
 */
export const SETTLING_RUNS = 3;

/**
 * Steady-state replications per second on a pool of one worker and on a pool of `workers`, as
 * pairedRates measures them, in runs of about the same length: the larger pool runs `workers`
 * times the replications, so a run's fixed costs (preparing each worker, waiting on the last
 * chunk: about 10 ms on this machine) weigh the same on both sides. Both pools first run
 * SETTLING_RUNS times untimed.
 */
export async function scalingRates(
  rounds: number,
  perWorker: number,
  workers: number,
  one: TimedRun,
  many: TimedRun,
): Promise<PairedRates> {
  for (let i = 0; i < SETTLING_RUNS; i++) {
    await one(perWorker, `settling-${i}`);
    await many(perWorker * workers, `settling-${i}`);
  }
  const rate = async (run: TimedRun, replications: number, round: number) => {
    const start = performance.now();
    await run(replications, `bench-${round}`);
    return replications / ((performance.now() - start) / 1000);
  };
  return pairedRates(
    rounds,
    (round) => rate(one, perWorker, round),
    (round) => rate(many, perWorker * workers, round),
  );
}

/**
 * How much longer a worker takes over the same chunk while all of `apis` compute at once than
 * while it computes alone: the machine's own limit on scaling (shared caches, memory, the host),
 * whatever a pool does. Timed on bare workers, one chunk at a time each, median of `rounds`.
 */
export async function chunkSlowdown(
  apis: Remote<WorkerApi>[],
  scenario: Scenario,
  rounds: number,
): Promise<number> {
  await Promise.all(apis.map((api) => api.prepare(1, scenario)));
  const chunkTimes = async (api: Remote<WorkerApi>, seed: string) => {
    const times: number[] = [];
    for (let i = 0; i < 8; i++) {
      const start = performance.now();
      await api.runChunk(1, seed, i * 6, 6);
      times.push(performance.now() - start);
    }
    return times;
  };
  await Promise.all(apis.map((api) => chunkTimes(api, 'warm-up')));
  const ratios: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const alone = medianOf(await chunkTimes(apis[0]!, `alone-${round}`));
    const together = await Promise.all(apis.map((api) => chunkTimes(api, `together-${round}`)));
    ratios.push(medianOf(together.flat()) / alone);
  }
  return medianOf(ratios);
}
