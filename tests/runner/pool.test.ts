import { afterAll, describe, expect, it, vi } from 'vitest';
import { runScenario } from '../../src/engine/run.ts';
import { modelLayout } from '../../src/engine/model.ts';
import { createNodeRunner, nodeWorker } from '../../src/runner/nodeRunner.ts';
import {
  CHUNKS_AHEAD_PER_WORKER,
  CHUNKS_IN_FLIGHT,
  WARM_UP_MS,
  WARM_UP_PIECE_MS,
  WorkerPool,
  type PoolOptions,
  type PoolWorker,
} from '../../src/runner/pool.ts';
import { createWorkerApi } from '../../src/runner/workerApi.ts';
import { RunCancelled, RunFailed, type RunProgress } from '../../src/runner/runner.ts';
import { smallScenario } from './smallScenario.ts';

// Each test starts Node worker threads, which compile TypeScript as they load: seconds on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

const scenario = smallScenario();
const SEED = 'pool-test';
const REPLICATIONS = 150;
const reference = JSON.stringify(
  runScenario(scenario, { seed: SEED, replications: REPLICATIONS }).summary(),
);

const pools: WorkerPool[] = [];
function pool(options: Parameters<typeof createNodeRunner>[0]): WorkerPool {
  const created = createNodeRunner(options);
  pools.push(created);
  return created;
}
afterAll(() => {
  for (const p of pools) p.dispose();
});

/** A pool of Node workers that counts the workers it starts and ends. */
function countedPool(options: Omit<PoolOptions, 'size'> & { size: number }) {
  const counts = { spawned: 0, terminated: 0 };
  const created = new WorkerPool(() => {
    counts.spawned++;
    const worker = nodeWorker();
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
    const other = await runner.run({ scenario, seed: 'another seed', replications: REPLICATIONS });
    expect(JSON.stringify(other.summary())).not.toBe(reference);
  });

  it('rejects with RunCancelled when aborted, ending its busy workers, and runs again afterwards', async () => {
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
    expect(counts).toEqual({ spawned: 2, terminated: 2 });

    const again = await runner.run({ scenario, seed: SEED, replications: REPLICATIONS });
    expect(JSON.stringify(again.summary())).toBe(reference);
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

  it.each([
    ['crashes', { chunk: 1, fault: 'crash', times: 1 }],
    ['stops answering', { chunk: 2, fault: 'hang', times: 1 }],
    ['crashes on the last chunk', { chunk: 2, fault: 'crash', times: 1 }],
  ] as const)(
    'replaces a worker that %s, reruns its chunk and still gives the same results',
    async (_, faults) => {
      const { runner, counts } = countedPool({ size: 2, minHangMs: 1000, faults });
      const aggregate = await runner.run({
        scenario,
        seed: SEED,
        replications: REPLICATIONS,
        chunkSize: 50,
      });
      expect(JSON.stringify(aggregate.summary())).toBe(reference);
      expect(counts).toEqual({ spawned: 3, terminated: 1 });
    },
  );

  it('fails the run with RunFailed naming scenario and seed when a chunk hangs twice', async () => {
    const { runner } = countedPool({
      size: 2,
      minHangMs: 500,
      faults: { chunk: 1, fault: 'hang', times: 2 },
    });
    const failed = runner.run({ scenario, seed: SEED, replications: REPLICATIONS, chunkSize: 50 });
    const error = (await failed.catch((e: unknown) => e)) as RunFailed;
    expect(error).toBeInstanceOf(RunFailed);
    expect(error.message).toContain(scenario.name);
    expect(error.message).toContain(SEED);
    expect(error.message).toContain('replications 50–99');
    expect(error.message).toContain('did not answer within');
  });

  it('fails the run with RunFailed naming scenario and seed when a chunk crashes twice', async () => {
    const runner = pool({ size: 2, faults: { chunk: 0, fault: 'crash', times: 2 } });
    const failed = runner.run({ scenario, seed: SEED, replications: REPLICATIONS, chunkSize: 50 });
    await expect(failed).rejects.toBeInstanceOf(RunFailed);
    const error = (await failed.catch((e: unknown) => e)) as RunFailed;
    expect(error.scenarioName).toBe(scenario.name);
    expect(error.seed).toBe(SEED);
    expect(error.message).toContain(scenario.name);
    expect(error.message).toContain(SEED);
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

describe('the pool with workers that answer later', () => {
  /**
   * Workers running the real engine in this thread, answering a chunk starting at replication
   * `start` after `delayMs(start)` milliseconds (5 by default).
   */
  function slowWorkers(delayMs: (start: number) => number = () => 5) {
    const held = { now: 0, most: 0, asked: 0, spawned: 0, terminated: 0 };
    const factory = (): PoolWorker => {
      held.spawned++;
      const real = createWorkerApi();
      const api = {
        prepare: async (runId: number, s: typeof scenario) => real.prepare(runId, s),
        injectFault: async (kind: 'crash' | 'hang') => real.injectFault(kind),
        runChunk: (runId: number, seed: string, start: number, count: number) => {
          held.now++;
          held.asked++;
          held.most = Math.max(held.most, held.now);
          return new Promise((resolve) =>
            setTimeout(() => {
              held.now--;
              resolve(real.runChunk(runId, seed, start, count));
            }, delayMs(start)),
          );
        },
      };
      return {
        api: api as unknown as PoolWorker['api'],
        died: new Promise(() => {}),
        terminate() {
          held.terminated++;
        },
      };
    };
    return { held, factory };
  }

  it('merges chunks in replication order, so every partial result is the first replications of the run', async () => {
    // The first chunk is slow, so the chunks after it finish first and must wait for it.
    const { factory } = slowWorkers((start) => (start === 0 ? 80 : 2));
    const runner = new WorkerPool(factory, { size: 3 });
    const partials: { n: number; values: Float64Array; summary: string }[] = [];
    const aggregate = await runner.run(
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
    expect(JSON.stringify(aggregate.summary())).toBe(reference);
    // Chunks that finished while the first ran were held back, then merged together.
    expect(partials.length).toBeLessThan(REPLICATIONS / 10);
    for (const { n, values, summary } of partials) {
      const shorter = runScenario(scenario, { seed: SEED, replications: n });
      expect(values).toEqual(shorter.values('unexaminedSuspects'));
      expect(summary).toBe(JSON.stringify(shorter.summary()));
    }
  });

  it('goes no further ahead of a slow chunk than CHUNKS_AHEAD_PER_WORKER per worker, and progress counts what is merged', async () => {
    const lanes = 2;
    let askedBeforeFirst = -1;
    const { held, factory } = slowWorkers((start) => {
      if (start !== 0) return 1;
      setTimeout(() => (askedBeforeFirst = held.asked), 190);
      return 200;
    });
    const runner = new WorkerPool(factory, { size: lanes });
    const progress: RunProgress[] = [];
    const aggregate = await runner.run(
      { scenario, seed: SEED, replications: REPLICATIONS, chunkSize: 5 },
      { onProgress: (p) => progress.push(p) },
    );
    expect(JSON.stringify(aggregate.summary())).toBe(reference);
    // While the first chunk ran, the other worker went as far ahead as allowed, and no further.
    expect(askedBeforeFirst).toBe(lanes * CHUNKS_AHEAD_PER_WORKER);
    expect(held.asked).toBe(REPLICATIONS / 5);
    // Nothing was merged, so no progress was counted, until the first chunk was in.
    const before = progress.filter((p) => p.elapsedMs < 150);
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((p) => p.done === 0)).toBe(true);
    expect(progress.at(-1)!.done).toBe(REPLICATIONS);
  });

  it('keeps the workers a run has when resized during it, and ends the extra one after', async () => {
    const { held, factory } = slowWorkers();
    const runner = new WorkerPool(factory, { size: 2 });
    const running = runner.run({
      scenario,
      seed: SEED,
      replications: REPLICATIONS,
      chunkSize: 10,
    });
    runner.resize(1);
    expect(held.terminated).toBe(0);
    expect(JSON.stringify((await running).summary())).toBe(reference);
    expect(held).toMatchObject({ spawned: 2, terminated: 1 });
    expect(runner.poolSize).toBe(1);
    held.most = 0;
    const again = await runner.run({ scenario, seed: SEED, replications: 30, chunkSize: 10 });
    expect(again.replications).toBe(30);
    expect(held).toMatchObject({ spawned: 2, most: CHUNKS_IN_FLIGHT });
  });

  it('hands a worker its next chunk before the last one is back, never more than two, with the same results', async () => {
    const { held, factory } = slowWorkers();
    const runner = new WorkerPool(factory, { size: 1 });
    const aggregate = await runner.run({
      scenario,
      seed: SEED,
      replications: REPLICATIONS,
      chunkSize: 10,
    });
    expect(held.asked).toBe(REPLICATIONS / 10);
    expect(held.most).toBe(CHUNKS_IN_FLIGHT);
    expect(JSON.stringify(aggregate.summary())).toBe(reference);
  });

  it('gives the same results on three workers, each holding at most two chunks', async () => {
    const { held, factory } = slowWorkers();
    const runner = new WorkerPool(factory, { size: 3 });
    const aggregate = await runner.run({
      scenario,
      seed: SEED,
      replications: REPLICATIONS,
      chunkSize: 7,
    });
    expect(held.most).toBeLessThanOrEqual(3 * CHUNKS_IN_FLIGHT);
    expect(JSON.stringify(aggregate.summary())).toBe(reference);
  });
});

describe('warming the pool', () => {
  /**
   * Workers that record how long each warm-up was asked to last and take that long; the empty
   * ones wait for `release`.
   */
  function recordingWorkers() {
    const asked: number[] = [];
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const factory = (): PoolWorker => {
      const real = createWorkerApi();
      const api = {
        prepare: async (runId: number, s: typeof scenario) => real.prepare(runId, s),
        runChunk: (runId: number, seed: string, start: number, count: number) =>
          real.runChunk(runId, seed, start, count),
        warmUp: async (s: typeof scenario, milliseconds: number) => {
          asked.push(milliseconds);
          if (milliseconds === 0) await released;
          // A piece of warm-up takes its time, as a worker's would.
          else await new Promise((resolve) => setTimeout(resolve, milliseconds));
          return real.warmUp(s, 0);
        },
      };
      return {
        api: api as unknown as PoolWorker['api'],
        died: new Promise(() => {}),
        terminate() {},
      };
    };
    return { asked, release, factory };
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

  it('stops warming up when a run begins, with the same results', async () => {
    const { asked, release, factory } = recordingWorkers();
    const runner = new WorkerPool(factory, { size: 2 });
    runner.warm(smallScenario());
    release();
    await vi.waitFor(() => expect(asked.length).toBeGreaterThan(2));
    const running = runner.run({ scenario, seed: SEED, replications: REPLICATIONS });
    const atStart = asked.length;
    expect(JSON.stringify((await running).summary())).toBe(reference);
    // At most the piece each worker was asked for before the run began is still to come.
    expect(asked.length).toBeLessThanOrEqual(atStart + 2);
    expect(asked.length).toBeLessThan(2 + (2 * WARM_UP_MS) / WARM_UP_PIECE_MS);
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
});

describe('createWorkerApi', () => {
  it('warms up on one scenario without touching the run it is prepared for', async () => {
    const cold = createWorkerApi();
    cold.prepare(1, scenario);
    const expected = await cold.runChunk(1, SEED, 10, 5);
    const warmed = createWorkerApi();
    warmed.prepare(1, scenario);
    expect(warmed.warmUp(smallScenario(), 0).count).toBe(0);
    const warm = warmed.warmUp(smallScenario(), 20);
    expect(warm.count).toBeGreaterThanOrEqual(1);
    expect(warm.totals.length).toBe(warm.count * modelLayout(smallScenario()).totalNames.length);
    expect(await warmed.runChunk(1, SEED, 10, 5)).toEqual(expected);
  });
});
