import { wrap, type Remote } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { raiseInliningBudgets } from './inliningBudget.ts';
import { nodeWorkerBundle } from './nodeWorkerBundle.ts';
import { WorkerPool, type PoolOptions, type PoolWorker } from '../pool.ts';
import type { WorkerApi } from '../workerApi.ts';

/** One worker thread as the pool runs it, its whole comlink API in reach for benchmarks. */
export function nodeWorker(): PoolWorker & { readonly api: Remote<WorkerApi> } {
  raiseInliningBudgets();
  // A small young generation keeps each thread's memory low: with the inlining budgets raised,
  // a replication makes little garbage, so collecting it often costs little.
  const worker = new Worker(nodeWorkerBundle(), {
    resourceLimits: { maxYoungGenerationSizeMb: 8 },
  });
  let terminated = false;
  const died = new Promise<never>((_, reject) => {
    worker.on('error', (error) => reject(error));
    worker.on('messageerror', (error) => reject(error));
    worker.on('exit', (code) => {
      if (!terminated) reject(new Error(`The worker thread exited (code ${code}).`));
    });
  });
  died.catch(() => {});
  return {
    api: wrap<WorkerApi>(nodeEndpoint(worker)),
    died,
    terminate() {
      terminated = true;
      void worker.terminate();
    },
  };
}

/** A pool of Node worker threads; by default one per core the process may use. */
export function createNodeRunner(options: Partial<PoolOptions> = {}): WorkerPool {
  // Checked now, so a missing build is reported as itself, not as a failed chunk.
  nodeWorkerBundle();
  return new WorkerPool(nodeWorker, { ...options, size: options.size ?? availableParallelism() });
}
