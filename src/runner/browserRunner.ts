import { wrap } from 'comlink';
import { WorkerPool, type PoolOptions, type PoolWorker } from './pool.ts';
import type { WorkerApi } from './workerApi.ts';

function browserWorker(): PoolWorker {
  const worker = new Worker(new URL('../../workers/simulation.worker.ts', import.meta.url), {
    type: 'module',
  });
  const died = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      reject(new Error(event.message || 'The worker failed to load or crashed.'));
    });
    worker.addEventListener('messageerror', () =>
      reject(new Error('A message from the worker could not be read.')),
    );
  });
  died.catch(() => {});
  return { api: wrap<WorkerApi>(worker), died, terminate: () => worker.terminate() };
}

/**
 * Workers to use by default: one per core. The page's own work during a run is cut into slices
 * of a few milliseconds, so it needs no core of its own, and on two cores a second worker brings
 * both the first answer after an edit and the final results sooner (measured by `npm run bench`,
 * which checks this choice; see docs/runner.md).
 */
export function defaultBrowserPoolSize(cores = navigator.hardwareConcurrency || 2): number {
  return Math.max(1, cores);
}

/** A pool of module Web Workers. */
export function createBrowserRunner(options: Partial<PoolOptions> = {}): WorkerPool {
  return new WorkerPool(browserWorker, {
    ...options,
    size: options.size ?? defaultBrowserPoolSize(),
  });
}
