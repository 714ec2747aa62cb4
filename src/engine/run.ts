import type { Scenario } from '../scenario/schema.ts';
import { RunAggregate } from './aggregate/runAggregate.ts';
import { runChunk } from './chunk.ts';
import { compileModel } from './model.ts';
import { Workspace } from './replicate.ts';

/**
 * Replications per chunk. Fixed, not tuned to the number of workers: chunk boundaries never
 * change a result (sums are exact and totals are kept by replication index), and chunks of this
 * size take tens of milliseconds, short enough for frequent progress and prompt cancellation.
 */
export const DEFAULT_CHUNK_SIZE = 100;

/** The chunks of a run of `replications`, as [start, count]. */
export function planChunks(
  replications: number,
  chunkSize = DEFAULT_CHUNK_SIZE,
): [number, number][] {
  const chunks: [number, number][] = [];
  for (let start = 0; start < replications; start += chunkSize) {
    chunks.push([start, Math.min(chunkSize, replications - start)]);
  }
  return chunks;
}

/** Runs a whole scenario in this thread: for tests, tiny runs and the reference the pools must match. */
export function runScenario(
  scenario: Scenario,
  options: { seed?: string; replications?: number; chunkSize?: number } = {},
): RunAggregate {
  const seed = options.seed ?? scenario.seed;
  const replications = options.replications ?? scenario.replications;
  const model = compileModel(scenario);
  const ws = new Workspace(model);
  const aggregate = new RunAggregate(model.layout, replications);
  for (const [start, count] of planChunks(replications, options.chunkSize)) {
    aggregate.add(runChunk(model, seed, start, count, ws));
  }
  return aggregate;
}
