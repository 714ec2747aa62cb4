import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { runScenario } from '../../src/engine/run.ts';
import { createNodeRunner, nodeWorker } from '../../src/runner/node/nodeRunner.ts';
import {
  QUIET_LIMIT_MS,
  WorkerPool,
  type PoolOptions,
  type WorkerFactory,
} from '../../src/runner/pool.ts';
import { expectedWorkPerReplication } from '../../src/runner/chunkPlan.ts';
import {
  CHUNKS_AHEAD_PER_WORKER,
  CHUNKS_IN_FLIGHT,
  HANG_FACTOR,
  hangLimitMs,
  MS_PER_EXPECTED_ITEM,
} from '../../src/runner/poolRun.ts';
import { RunCancelled, RunFailed, type RunProgress } from '../../src/runner/runner.ts';
import { WARM_UP_MS, WARM_UP_PIECE_MS } from '../../src/runner/warmUp.ts';
import { createWorkerApi } from '../../src/runner/workerApi.ts';
import { fakeWorkers, nextTurn } from './fakeWorkers.ts';
import { faultyWorkers, type Fault } from './faultyWorkers.ts';
import { smallScenario } from './smallScenario.ts';

// Each test starts Node worker threads, which load their code as they start: seconds on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

const scenario = smallScenario();
const SEED = 'pool-test';
const OTHER_SEED = 'another seed';
const REPLICATIONS = 150;
const summaryOf = (seed: string) =>
  JSON.stringify(runScenario(scenario, { seed, replications: REPLICATIONS }).summary());
const reference = summaryOf(SEED);

const pools: WorkerPool[] = [];
function pool(options: Parameters<typeof createNodeRunner>[0]): WorkerPool {
  const created = createNodeRunner(options);
  pools.push(created);
  return created;
}
afterAll(() => {
  for (const p of pools) p.dispose();
});

/** A pool of workers from `factory` (Node workers by default) that counts those it starts and ends. */
function countedPool(options: PoolOptions, factory: WorkerFactory = nodeWorker) {
  const counts = { spawned: 0, terminated: 0 };
  const created = new WorkerPool(() => {
    counts.spawned++;
    const worker = factory();
    return {
      ...worker,
      terminate() {
        counts.terminated++;
        worker.terminate();
      },
    };
  }, options);
  pools.push(created);
  return { runner: created, counts };
}

describe('the Node worker pool', () => {
  it.each([1, 2, 3])(
    'gives the in-thread summary exactly with %i workers, for chunk sizes 7, 50 and 100',
    async (size) => {
      const runner = pool({ size });
      for (const chunkSize of [7, 50, 100]) {
        const aggregate = await runner.run({
          scenario,
          seed: SEED,
          replications: REPLICATIONS,
          chunkSize,
        });
        expect(JSON.stringify(aggregate.summary())).toBe(reference);
      }
    },
  );

  it('gives the same summary with the chunk plan sized from the scenario, started warm', async () => {
    const runner = pool({ size: 2 });
    runner.warm();
    const aggregate = await runner.run({ scenario, seed: SEED, replications: REPLICATIONS });
    expect(JSON.stringify(aggregate.summary())).toBe(reference);
  });

  it('gives the same summary after its workers warm up on a scenario, which leaves no trace', async () => {
    const runner = pool({ size: 2 });
    runner.warm(smallScenario());
    const aggregate = await runner.run({ scenario, seed: SEED, replications: REPLICATIONS });
    expect(JSON.stringify(aggregate.summary())).toBe(reference);
  });

  it('gives different results for different seeds', async () => {
    const runner = pool({ size: 2 });
    const other = await runner.run({ scenario, seed: OTHER_SEED, replications: REPLICATIONS });
    expect(JSON.stringify(other.summary())).not.toBe(reference);
  });

  it('runs two requests at once, each giving its in-thread summary, and keeps only its size of workers after', async () => {
    const { runner, counts } = countedPool({ size: 2 });
    const [first, second] = await Promise.all([
      runner.run({ scenario, seed: SEED, replications: REPLICATIONS, chunkSize: 10 }),
      runner.run({ scenario, seed: OTHER_SEED, replications: REPLICATIONS, chunkSize: 10 }),
    ]);
    expect(JSON.stringify(first.summary())).toBe(reference);
    expect(JSON.stringify(second.summary())).toBe(summaryOf(OTHER_SEED));
    // Each run had two workers of its own; the two beyond the pool's size ended with the runs.
    expect(counts).toEqual({ spawned: 4, terminated: 2 });
    const again = await runner.run({ scenario, seed: SEED, replications: REPLICATIONS });
    expect(JSON.stringify(again.summary())).toBe(reference);
    expect(counts.spawned).toBe(4);
  });

  it('rejects with RunCancelled when aborted, and runs again afterwards on the same workers', async () => {
    const { runner, counts } = countedPool({ size: 2 });
    const controller = new AbortController();
    let merged = 0;
    const total = 20_000;
    const cancelled = runner.run(
      { scenario, seed: SEED, replications: total, chunkSize: 10 },
      {
        signal: controller.signal,
        onPartial: (aggregate) => {
          merged = aggregate.replications;
          controller.abort();
        },
      },
    );
    await expect(cancelled).rejects.toBeInstanceOf(RunCancelled);
    expect(merged).toBeGreaterThan(0);
    expect(merged).toBeLessThan(total);
    // The workers finish the chunks they hold and serve the next run, already compiled.
    const again = await runner.run({ scenario, seed: SEED, replications: REPLICATIONS });
    expect(JSON.stringify(again.summary())).toBe(reference);
    expect(counts).toEqual({ spawned: 2, terminated: 0 });
  });

  it('rejects at once when the signal is already aborted', async () => {
    const runner = pool({ size: 1 });
    await expect(
      runner.run(
        { scenario, seed: SEED, replications: REPLICATIONS },
        { signal: AbortSignal.abort() },
      ),
    ).rejects.toBeInstanceOf(RunCancelled);
  });

  it.each<[string, Fault]>([
    ['in the middle of a run', { at: 50, kind: 'crash', times: 1 }],
    ['on the last chunk', { at: 100, kind: 'crash', times: 1 }],
  ])(
    'replaces a worker that crashes %s, reruns its chunk and still gives the same results',
    async (_, fault) => {
      const { runner, counts } = countedPool({ size: 2 }, faultyWorkers(nodeWorker, fault));
      const aggregate = await runner.run({
        scenario,
        seed: SEED,
        replications: REPLICATIONS,
        chunkSize: 50,
      });
      expect(JSON.stringify(aggregate.summary())).toBe(reference);
      // The crashed worker was ended; its chunk ran again on a new one or on one left idle.
      expect(counts.terminated).toBe(1);
      expect(counts.spawned).toBeLessThanOrEqual(3);
    },
  );

  it('fails the run with RunFailed naming scenario and seed when a chunk crashes twice', async () => {
    const { runner } = countedPool(
      { size: 2 },
      faultyWorkers(nodeWorker, { at: 0, kind: 'crash', times: 2 }),
    );
    const failed = runner.run({ scenario, seed: SEED, replications: REPLICATIONS, chunkSize: 50 });
    const error = (await failed.catch((e: unknown) => e)) as RunFailed;
    expect(error).toBeInstanceOf(RunFailed);
    expect(error.scenarioName).toBe(scenario.name);
    expect(error.seed).toBe(SEED);
    expect(error.message).toContain(scenario.name);
    expect(error.message).toContain(SEED);
    expect(error.message).toContain('replications 0–49');
    expect(error.message).toContain('Injected crash');
  });

  it('reports progress with a done count that only grows and ends at the total', async () => {
    const runner = pool({ size: 2 });
    const reports: RunProgress[] = [];
    await runner.run(
      { scenario, seed: SEED, replications: REPLICATIONS, chunkSize: 10 },
      { onProgress: (p) => reports.push(p) },
    );
    const done = reports.map((p) => p.done);
    expect(done.length).toBeGreaterThanOrEqual(2);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(done.at(-1)).toBe(REPLICATIONS);
    expect(reports.every((p) => p.total === REPLICATIONS)).toBe(true);
    expect(reports.at(-1)!.ratePerSecond).toBeGreaterThan(0);
    expect(reports.at(-1)!.remainingMs).toBe(0);
  });

  it('calls onPartial after merging, with whole chunks so far, ending with all of them', async () => {
    const runner = pool({ size: 3 });
    const seen: number[] = [];
    await runner.run(
      { scenario, seed: SEED, replications: REPLICATIONS, chunkSize: 50 },
      { onPartial: (aggregate) => seen.push(aggregate.replications) },
    );
    expect(seen).toEqual([...new Set(seen)].sort((a, b) => a - b));
    expect(seen.every((n) => n % 50 === 0)).toBe(true);
    expect(seen.at(-1)).toBe(REPLICATIONS);
  });
});

describe('the pool with workers that answer when told', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('merges chunks in replication order, so every partial result is the first replications of the run', async () => {
    // The first chunk is held, so the chunks after it finish first and must wait for it.
    const { factory, quiet, release } = fakeWorkers((start) => start === 0);
    const runner = new WorkerPool(factory, { size: 3 });
    const partials: { n: number; values: Float64Array; summary: string }[] = [];
    const running = runner.run(
      { scenario, seed: SEED, replications: REPLICATIONS, chunkSize: 10 },
      {
        onPartial: (partial) =>
          partials.push({
            n: partial.replications,
            values: partial.values('unexaminedSuspects'),
            summary: JSON.stringify(partial.summary()),
          }),
      },
    );
    await quiet();
    expect(partials).toEqual([]);
    release();
    expect(JSON.stringify((await running).summary())).toBe(reference);
    // The chunks that finished while the first was held waited for it, then merged together.
    expect(partials.length).toBeLessThan(REPLICATIONS / 10);
    for (const { n, values, summary } of partials) {
      const shorter = runScenario(scenario, { seed: SEED, replications: n });
      expect(values).toEqual(shorter.values('unexaminedSuspects'));
      expect(summary).toBe(JSON.stringify(shorter.summary()));
    }
  });

  it('goes no further ahead of a held chunk than CHUNKS_AHEAD_PER_WORKER per worker, and progress counts what is merged', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'performance'] });
    const lanes = 2;
    const { counts, factory, quiet, release } = fakeWorkers((start) => start === 0);
    const runner = new WorkerPool(factory, { size: lanes });
    const progress: RunProgress[] = [];
    const running = runner.run(
      { scenario, seed: SEED, replications: REPLICATIONS, chunkSize: 5 },
      { onProgress: (p) => progress.push(p) },
    );
    await quiet();
    // While the first chunk is out, the other worker has gone as far ahead as allowed, no further.
    expect(counts.asked).toBe(lanes * CHUNKS_AHEAD_PER_WORKER);
    // Chunks are done but none merged, so a second of progress reports counts none of them.
    vi.advanceTimersByTime(1000);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.every((p) => p.done === 0)).toBe(true);
    release();
    expect(JSON.stringify((await running).summary())).toBe(reference);
    expect(counts.asked).toBe(REPLICATIONS / 5);
    expect(progress.at(-1)!.done).toBe(REPLICATIONS);
  });

  const MIN_HANG_MS = 1000;

  /**
   * Runs on workers that suffer `fault`, letting MIN_HANG_MS pass whenever nothing is left to
   * answer but hung chunks, until the run ends.
   */
  async function runHanging(fault: Fault) {
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance'],
    });
    const fake = fakeWorkers();
    const runner = new WorkerPool(faultyWorkers(fake.factory, fault), {
      size: 2,
      minHangMs: MIN_HANG_MS,
    });
    let ended = false;
    const running = runner.run({ scenario, seed: SEED, replications: REPLICATIONS, chunkSize: 50 });
    running.then(
      () => (ended = true),
      () => (ended = true),
    );
    while (!ended) {
      await fake.quiet();
      vi.advanceTimersByTime(MIN_HANG_MS);
    }
    return { running, counts: fake.counts };
  }

  it('replaces a worker that stops answering, reruns its chunk and still gives the same results', async () => {
    const { running, counts } = await runHanging({ at: 50, kind: 'hang', times: 1 });
    expect(JSON.stringify((await running).summary())).toBe(reference);
    // The hung worker was ended; its chunk ran again on another.
    expect(counts).toMatchObject({ terminated: 1, asked: REPLICATIONS / 50 });
  });

  it('fails the run with RunFailed naming scenario and seed when a chunk hangs twice', async () => {
    const { running } = await runHanging({ at: 50, kind: 'hang', times: 2 });
    const error = (await running.catch((e: unknown) => e)) as RunFailed;
    expect(error).toBeInstanceOf(RunFailed);
    expect(error.message).toContain(scenario.name);
    expect(error.message).toContain(SEED);
    expect(error.message).toContain('replications 50–99');
    const limit = hangLimitMs(MIN_HANG_MS, 0, 50, expectedWorkPerReplication(scenario));
    expect(error.message).toContain(`did not answer within ${Math.round(limit)} ms`);
  });

  /** Time a chunk of 50 replications of the small scenario gets for its expected work. */
  const budget50 = 50 * expectedWorkPerReplication(scenario) * MS_PER_EXPECTED_ITEM;
  /** A floor well below that time, so the floor alone would declare the chunk hung. */
  const FLOOR_MS = 100;

  /** A one-worker run in chunks of 50 on `factory`, once the chunk at 50 is the only one out. */
  async function runOneWorker(factory: WorkerFactory, quiet: () => Promise<void>) {
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance'],
    });
    const runner = new WorkerPool(factory, { size: 1, minHangMs: FLOOR_MS });
    const running = runner.run({ scenario, seed: SEED, replications: REPLICATIONS, chunkSize: 50 });
    running.catch(() => {});
    await quiet();
    return { running };
  }

  it('does not declare a worker hung at the floor while its chunk is within its expected work', async () => {
    // The chunk's share of expected work is what keeps it from being cut off at the floor.
    expect(budget50).toBeGreaterThan(2 * FLOOR_MS);
    const fake = fakeWorkers((start) => start === 50);
    const { running } = await runOneWorker(fake.factory, fake.quiet);
    vi.advanceTimersByTime(FLOOR_MS + budget50 - 1);
    await fake.quiet();
    expect(fake.counts.terminated).toBe(0);
    fake.release();
    expect(JSON.stringify((await running).summary())).toBe(reference);
    expect(fake.counts).toMatchObject({ terminated: 0, asked: REPLICATIONS / 50 });
  });

  it('declares a worker hung once its chunk outlasts the floor plus its expected work', async () => {
    const fake = fakeWorkers();
    const factory = faultyWorkers(fake.factory, { at: 50, kind: 'hang', times: 1 });
    const { running } = await runOneWorker(factory, fake.quiet);
    vi.advanceTimersByTime(FLOOR_MS + budget50 - 1);
    await fake.quiet();
    expect(fake.counts.terminated).toBe(0);
    vi.advanceTimersByTime(1);
    await fake.quiet();
    expect(fake.counts.terminated).toBe(1);
    expect(JSON.stringify((await running).summary())).toBe(reference);
  });

  it("sets the hang limit from the floor, the chunk's expected work and the slowest chunk", () => {
    expect(hangLimitMs(30_000, 0, 100, 0)).toBe(30_000);
    // 100 replications of about 1.92 million items each: far beyond the floor.
    expect(hangLimitMs(30_000, 0, 100, 1_920_000)).toBe(30_000 + 192e6 * MS_PER_EXPECTED_ITEM);
    expect(hangLimitMs(30_000, 10_000, 1, 1)).toBe(HANG_FACTOR * 10_000);
  });

  it('runs two requests at once on workers of their own, and cancelling one leaves the other whole', async () => {
    const { counts, factory, quiet, release } = fakeWorkers((start) => start === 0);
    const runner = new WorkerPool(factory, { size: 2 });
    const controller = new AbortController();
    const cancelled = runner.run(
      { scenario, seed: OTHER_SEED, replications: REPLICATIONS, chunkSize: 10 },
      { signal: controller.signal },
    );
    const kept = runner.run({ scenario, seed: SEED, replications: REPLICATIONS, chunkSize: 10 });
    await quiet();
    expect(counts.spawned).toBe(4);
    controller.abort();
    await expect(cancelled).rejects.toBeInstanceOf(RunCancelled);
    // Its idle worker ends at once (the other run holds the pool's size); the one on a held
    // chunk ends when it has answered.
    expect(counts.terminated).toBe(1);
    release();
    expect(JSON.stringify((await kept).summary())).toBe(reference);
    expect(counts).toMatchObject({ spawned: 4, terminated: 2 });
  });

  it('gives the next run the workers a cancelled run left once they finish their chunks, not new ones', async () => {
    const { counts, factory, quiet, release } = fakeWorkers((start) => start === 20);
    const runner = new WorkerPool(factory, { size: 2 });
    const controller = new AbortController();
    const cancelled = runner.run(
      { scenario, seed: OTHER_SEED, replications: REPLICATIONS, chunkSize: 10 },
      { signal: controller.signal },
    );
    await quiet();
    controller.abort();
    await expect(cancelled).rejects.toBeInstanceOf(RunCancelled);
    const next = runner.run({ scenario, seed: SEED, replications: REPLICATIONS, chunkSize: 10 });
    await quiet();
    // One worker is still on the held chunk: the run waits for it rather than start a third.
    expect(counts.spawned).toBe(2);
    release();
    expect(JSON.stringify((await next).summary())).toBe(reference);
    expect(counts).toMatchObject({ spawned: 2, terminated: 0 });
  });

  it('ends a worker left by a cancelled run that is not quiet within QUIET_LIMIT_MS, and starts another', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const { counts, factory, quiet, release } = fakeWorkers((start) => start === 0);
      const runner = new WorkerPool(factory, { size: 1 });
      const controller = new AbortController();
      const cancelled = runner.run(
        { scenario, seed: OTHER_SEED, replications: 20, chunkSize: 10 },
        { signal: controller.signal },
      );
      await quiet();
      controller.abort();
      await expect(cancelled).rejects.toBeInstanceOf(RunCancelled);
      const next = runner.run({ scenario, seed: SEED, replications: 20, chunkSize: 10 });
      await quiet();
      expect(counts).toMatchObject({ spawned: 1, terminated: 0 });
      await vi.advanceTimersByTimeAsync(QUIET_LIMIT_MS);
      expect(counts.terminated).toBe(1);
      release();
      const again = await next;
      expect(again.replications).toBe(20);
      expect(counts).toMatchObject({ spawned: 2, terminated: 1 });
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps the workers a run has when resized during it, and ends the extra one after', async () => {
    const { counts, factory } = fakeWorkers();
    const runner = new WorkerPool(factory, { size: 2 });
    const running = runner.run({
      scenario,
      seed: SEED,
      replications: REPLICATIONS,
      chunkSize: 10,
    });
    await nextTurn();
    runner.resize(1);
    expect(counts.terminated).toBe(0);
    expect(JSON.stringify((await running).summary())).toBe(reference);
    expect(counts).toMatchObject({ spawned: 2, terminated: 1 });
    expect(runner.poolSize).toBe(1);
    counts.most = 0;
    const again = await runner.run({ scenario, seed: SEED, replications: 30, chunkSize: 10 });
    expect(again.replications).toBe(30);
    expect(counts).toMatchObject({ spawned: 2, most: CHUNKS_IN_FLIGHT });
  });

  it('hands a worker its next chunk before the last one is back, never more than two, with the same results', async () => {
    const { counts, factory } = fakeWorkers();
    const runner = new WorkerPool(factory, { size: 1 });
    const aggregate = await runner.run({
      scenario,
      seed: SEED,
      replications: REPLICATIONS,
      chunkSize: 10,
    });
    expect(counts.asked).toBe(REPLICATIONS / 10);
    expect(counts.most).toBe(CHUNKS_IN_FLIGHT);
    expect(JSON.stringify(aggregate.summary())).toBe(reference);
  });

  it('gives the same results on three workers, each holding at most two chunks', async () => {
    const { counts, factory } = fakeWorkers();
    const runner = new WorkerPool(factory, { size: 3 });
    const aggregate = await runner.run({
      scenario,
      seed: SEED,
      replications: REPLICATIONS,
      chunkSize: 7,
    });
    expect(counts.most).toBeLessThanOrEqual(3 * CHUNKS_IN_FLIGHT);
    expect(JSON.stringify(aggregate.summary())).toBe(reference);
  });
});

describe('warming the pool', () => {
  /**
   * Workers that record how long each warm-up was asked to last. The empty ones wait for
   * `release()`; the others answer on the next turn, or, if `stepped`, when `step()` is called.
   */
  function recordingWorkers(stepped = false) {
    const asked: number[] = [];
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const steps: (() => void)[] = [];
    const step = () => {
      for (const go of steps.splice(0)) go();
    };
    const factory = (): ReturnType<WorkerFactory> => {
      const real = createWorkerApi();
      return {
        api: {
          prepare: async (runId, s) => real.prepare(runId, s),
          runChunk: (runId, seed, start, count) => real.runChunk(runId, seed, start, count),
          warmUp: async (s, milliseconds) => {
            asked.push(milliseconds);
            if (milliseconds === 0) await released;
            else if (stepped) await new Promise<void>((go) => steps.push(go));
            else await nextTurn();
            return real.warmUp(s, 0);
          },
        },
        died: new Promise(() => {}),
        terminate() {},
      };
    };
    return { asked, release, step, factory };
  }

  it('has each worker send back an empty warm-up before it warms up for WARM_UP_MS, in pieces', async () => {
    const { asked, release, factory } = recordingWorkers();
    new WorkerPool(factory, { size: 2 }).warm(smallScenario());
    expect(asked).toEqual([0, 0]);
    release();
    const pieces = WARM_UP_MS / WARM_UP_PIECE_MS;
    await vi.waitFor(() =>
      expect(asked).toEqual([0, 0, ...Array<number>(2 * pieces).fill(WARM_UP_PIECE_MS)]),
    );
  });

  it('stops warming up for good when a run begins, with the same results', async () => {
    const { asked, release, step, factory } = recordingWorkers(true);
    const runner = new WorkerPool(factory, { size: 2 });
    runner.warm(smallScenario());
    release();
    await nextTurn();
    step();
    await nextTurn();
    expect(asked).toEqual([0, 0, ...Array<number>(4).fill(WARM_UP_PIECE_MS)]);
    const running = runner.run({ scenario, seed: SEED, replications: REPLICATIONS });
    expect(JSON.stringify((await running).summary())).toBe(reference);
    // The pieces asked for before the run began finish, and no more are asked for, even after it.
    step();
    await nextTurn();
    expect(asked).toHaveLength(6);
  });

  it('leaves the long warm-up out when a run begins first, with the same results', async () => {
    const { asked, release, factory } = recordingWorkers();
    const runner = new WorkerPool(factory, { size: 2 });
    runner.warm(smallScenario());
    const running = runner.run({ scenario, seed: SEED, replications: REPLICATIONS });
    release();
    expect(JSON.stringify((await running).summary())).toBe(reference);
    expect(asked).toEqual([0, 0]);
  });

  it('starts only the workers it lacks, and runs on those', async () => {
    const { counts, factory } = fakeWorkers();
    const runner = new WorkerPool(factory, { size: 2 });
    runner.warm();
    runner.warm();
    expect(counts.spawned).toBe(2);
    await runner.run({ scenario, seed: SEED, replications: 30, chunkSize: 10 });
    expect(counts.spawned).toBe(2);
  });
});
