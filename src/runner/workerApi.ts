import { transfer } from 'comlink';
import type { ChunkResult } from '../engine/chunk.ts';
import { runChunk } from '../engine/chunk.ts';
import { compileModel, type Model } from '../engine/model.ts';
import { Workspace } from '../engine/replicate.ts';
import type { Scenario } from '../scenario/schema.ts';
import { blameScenario } from './scenarioLimit.ts';

/** Most replications a warm-up runs, however fast they are. */
const WARM_UP_MAX_REPLICATIONS = 200;

/** A chunk's result, its arrays handed over to the page rather than copied. */
function sent(result: ChunkResult): ChunkResult {
  // The arrays are freshly allocated by runChunk, so their buffers are plain ArrayBuffers.
  return transfer(result, [result.totals.buffer, result.cells.buffer] as ArrayBuffer[]);
}

/**
 * What a simulation worker exposes. The scenario is compiled once per run and its Workspace
 * reused for every chunk; only the latest run is kept because a pool lends a worker to one run
 * at a time.
 */
export function createWorkerApi() {
  let current: { runId: number; scenario: Scenario; model: Model; ws: Workspace } | undefined;

  return {
    prepare(runId: number, scenario: Scenario): void {
      const model = compileModel(scenario);
      current = { runId, scenario, model, ws: new Workspace(model) };
    },

    runChunk(runId: number, seed: string, start: number, count: number): Promise<ChunkResult> {
      if (current?.runId !== runId) {
        return Promise.reject(new Error(`This worker was not prepared for run ${runId}.`));
      }
      try {
        return Promise.resolve(sent(runChunk(current.model, seed, start, count, current.ws)));
      } catch (error) {
        return Promise.reject(blameScenario(current.scenario, error));
      }
    },

    /**
     * Runs replications of `scenario` for about `milliseconds` (none for 0; never more than
     * WARM_UP_MAX_REPLICATIONS) and answers with the last chunk of them as a run's chunks are
     * answered, through the same messages, so the engine is compiled for the scenario while the
     * page is idle: otherwise the compiler's threads work through the first seconds of the first
     * run, on cores the page and the other workers need then. Nothing is kept: the run prepared
     * in this worker, if any, is untouched.
     */
    warmUp(scenario: Scenario, milliseconds: number): ChunkResult {
      const model = compileModel(scenario);
      const ws = new Workspace(model);
      const began = performance.now();
      let result = runChunk(model, 'warm-up', 0, 0, ws);
      // Chunks of 1, 2, 4… replications, as a run's chunks come, none longer than the time left.
      let done = 0;
      for (let count = milliseconds > 0 ? 1 : 0; count > 0;) {
        const chunkBegan = performance.now();
        result = runChunk(model, 'warm-up', done, count, ws);
        done += count;
        const now = performance.now();
        const each = Math.max((now - chunkBegan) / count, 0.01);
        const left = milliseconds - (now - began);
        count = Math.min(2 * count, Math.floor(left / each), WARM_UP_MAX_REPLICATIONS - done);
      }
      return sent(result);
    },
  };
}

export type WorkerApi = ReturnType<typeof createWorkerApi>;
