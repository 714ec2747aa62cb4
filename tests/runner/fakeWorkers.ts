import type { PoolWorker, WorkerCalls, WorkerFactory } from '../../src/runner/pool.ts';
import { createWorkerApi } from '../../src/runner/workerApi.ts';

/** Resolves on the event loop's next turn, after every promise settled by now has run on. */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** What fake workers were asked and did. */
export interface FakeCounts {
  /** Chunks asked for and not yet answered. */
  now: number;
  /** The most chunks out at once. */
  most: number;
  asked: number;
  spawned: number;
  terminated: number;
}

/**
 * Workers that run the real engine in this thread and answer each chunk on the event loop's
 * next turn, except chunks `held(start)` picks, which wait for `release()`. Nothing in them
 * depends on the clock.
 */
export function fakeWorkers(held: (start: number) => boolean = () => false) {
  const counts: FakeCounts = { now: 0, most: 0, asked: 0, spawned: 0, terminated: 0 };
  const waiting: (() => void)[] = [];
  let released = false;
  const factory: WorkerFactory = (): PoolWorker => {
    counts.spawned++;
    const real = createWorkerApi();
    const api: WorkerCalls = {
      prepare: async (runId, scenario) => real.prepare(runId, scenario),
      warmUp: async (scenario, milliseconds) => real.warmUp(scenario, milliseconds),
      runChunk: async (runId, seed, start, count) => {
        counts.now++;
        counts.asked++;
        counts.most = Math.max(counts.most, counts.now);
        if (held(start) && !released) await new Promise<void>((go) => waiting.push(go));
        else await nextTurn();
        counts.now--;
        return real.runChunk(runId, seed, start, count);
      },
    };
    return {
      api,
      died: new Promise<never>(() => {}),
      terminate() {
        counts.terminated++;
      },
    };
  };
  /** Waits until the only chunks out are held ones: nothing more happens until `release()`. */
  const quiet = async () => {
    do await nextTurn();
    while (counts.now > waiting.length);
  };
  const release = () => {
    released = true;
    for (const go of waiting.splice(0)) go();
  };
  return { counts, factory, quiet, release };
}
