import { transfer } from 'comlink';
import type { ChunkResult } from '../engine/chunk.ts';
import { runChunk } from '../engine/chunk.ts';
import { compileModel, type Model } from '../engine/model.ts';
import { Workspace } from '../engine/replicate.ts';
import type { Scenario } from '../scenario/schema.ts';

/**
 * A failure a test can ask a worker to suffer on its next chunk: `crash` throws an uncaught
 * error (the worker dies as if the engine had a bug), `hang` never answers.
 */
export type InjectedFault = 'crash' | 'hang';

/** Replications a worker runs to warm up: enough for the engine to be compiled optimised. */
const WARM_UP_REPLICATIONS = 3;

/**
 * What a simulation worker exposes. The scenario is compiled once per run and its Workspace
 * reused for every chunk; only the latest run is kept because a pool runs one request at a time.
 */
export function createWorkerApi() {
  let current: { runId: number; model: Model; ws: Workspace } | undefined;
  let fault: InjectedFault | undefined;

  return {
    prepare(runId: number, scenario: Scenario): void {
      const model = compileModel(scenario);
      current = { runId, model, ws: new Workspace(model) };
    },

    runChunk(runId: number, seed: string, start: number, count: number): Promise<ChunkResult> {
      if (fault !== undefined) {
        const kind = fault;
        fault = undefined;
        if (kind === 'crash') {
          setTimeout(() => {
            throw new Error(`Injected crash at replication ${start}.`);
          });
        }
        return new Promise<ChunkResult>(() => {});
      }
      if (current?.runId !== runId) {
        return Promise.reject(new Error(`This worker was not prepared for run ${runId}.`));
      }
      const result = runChunk(current.model, seed, start, count, current.ws);
      // The arrays are freshly allocated by runChunk, so their buffers are plain ArrayBuffers.
      const buffers = [result.totals.buffer, result.cells.buffer] as ArrayBuffer[];
      return Promise.resolve(transfer(result, buffers));
    },

    /**
     * Runs a few replications of `scenario` and keeps nothing, so the engine is compiled for it
     * while the page is idle: otherwise the compiler's threads work through the first seconds
     * of the first run, on cores the page and the other workers need then.
     */
    warmUp(scenario: Scenario): void {
      const model = compileModel(scenario);
      runChunk(model, 'warm-up', 0, WARM_UP_REPLICATIONS);
    },

    /** For tests only: arms a fault for this worker's next chunk. */
    injectFault(kind: InjectedFault): void {
      fault = kind;
    },
  };
}

export type WorkerApi = ReturnType<typeof createWorkerApi>;
