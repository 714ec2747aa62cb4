import type { RunAggregate } from '../engine/aggregate/runAggregate.ts';
import type { ChunkResult } from '../engine/chunk.ts';
import type { Scenario } from '../scenario/schema.ts';

/** What to run. Results depend on these alone, never on how or where they are run. */
export interface RunRequest {
  scenario: Scenario;
  seed: string;
  replications: number;
  /**
   * Index of the first replication: a run of replications [start, start + replications). Lets a
   * run be continued in batches (precision control) with the same results as one long run.
   */
  start?: number;
  /** Replications per chunk; any value gives the same results. Default: sized by chunkPlan. */
  chunkSize?: number;
}

export interface RunProgress {
  done: number;
  total: number;
  elapsedMs: number;
  /** Replications per second so far. */
  ratePerSecond: number;
  /** Estimated time to finish, from the rate so far; NaN before the first chunk. */
  remainingMs: number;
}

export interface RunOptions {
  /** Called at least four times a second while the run goes on, and once at the end. */
  onProgress?: (progress: RunProgress) => void;
  /**
   * Called after chunks are merged, with the aggregate so far (for live results). Chunks merge in
   * replication order, so the aggregate always holds replications [start, start + n).
   */
  onPartial?: (aggregate: RunAggregate) => void;
  /** Called with each chunk's results as it is merged, in replication order. */
  onChunk?: (chunk: ChunkResult) => void;
  /** Aborting stops the run promptly; the promise then rejects with a RunCancelled. */
  signal?: AbortSignal;
}

/**
 * Runs replications and merges them. Implementations: in this thread (tests, tiny runs), a pool
 * of browser Web Workers, a pool of Node worker threads. For the same request every
 * implementation gives bit-identical results.
 */
export interface Runner {
  run(request: RunRequest, options?: RunOptions): Promise<RunAggregate>;
  /** Ends the runner's workers. */
  dispose(): void;
  /**
   * Starts workers now rather than on the first run: the first results come sooner, and a page
   * that loses its connection after loading can still run. Given a scenario, each new worker
   * also runs replications of it for a moment, so its engine is compiled before the first run.
   */
  warm?(scenario?: Scenario): void;
  /** Workers later runs use, for runners that have any. */
  readonly poolSize?: number;
  /** Changes how many workers later runs use. */
  resize?(size: number): void;
}

export class RunCancelled extends Error {
  constructor() {
    super('The run was cancelled.');
    this.name = 'RunCancelled';
  }
}

/** A run that could not finish: names the scenario and seed so it can be reproduced. */
export class RunFailed extends Error {
  constructor(
    message: string,
    readonly scenarioName: string,
    readonly seed: string,
  ) {
    super(message);
    this.name = 'RunFailed';
  }
}
