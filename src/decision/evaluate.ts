import { RunAggregate } from '../engine/aggregate/runAggregate.ts';
import { runChunk } from '../engine/chunk.ts';
import { TOTAL_METRICS, type TotalMetric } from '../engine/metrics.ts';
import { compileModel } from '../engine/model.ts';
import { Workspace } from '../engine/replicate.ts';
import { planChunks, runScenario } from '../engine/run.ts';
import { RunCancelled, type Runner, type RunProgress } from '../runner/runner.ts';
import type { Scenario } from '../scenario/schema.ts';

/**
 * Runs a scenario: the one thing every decision tool needs from a runner. Injected, so the same
 * tool runs in this thread in tests and on a worker pool in the app and on the command line.
 * Every comparison a tool makes uses one seed for all its runs (common random numbers), so the
 * differences it reports come from the change and not from different luck.
 */
export type Evaluate = (
  scenario: Scenario,
  seed: string,
  replications: number,
  /** Aborting ends the run under way; it then rejects with a RunCancelled. */
  signal?: AbortSignal,
  /** First replication: runs [start, start + replications), so a run can be continued. Default 0. */
  start?: number,
) => Promise<RunAggregate>;

/** Evaluate in this thread: for tests and small runs. */
export function inThreadEvaluate(chunkSize?: number): Evaluate {
  return (scenario, seed, replications, signal, start = 0) => {
    if (signal?.aborted) return Promise.reject(new RunCancelled());
    if (start === 0)
      return Promise.resolve(runScenario(scenario, { seed, replications, chunkSize }));
    const model = compileModel(scenario);
    const ws = new Workspace(model);
    const aggregate = new RunAggregate(model.layout, replications);
    for (const [first, count] of planChunks(replications, chunkSize))
      aggregate.add(runChunk(model, seed, start + first, count, ws));
    return Promise.resolve(aggregate);
  };
}

/**
 * An Evaluate on a Runner. Each run is cancelled by the signal it is given, or else by
 * `signal` (a command line's Ctrl-C); `onProgress` hears each run's progress, with the run's
 * number, counted from 1 in the order they were asked for by this Evaluate.
 */
export function evaluateWith(
  runner: Pick<Runner, 'run'>,
  signal?: AbortSignal,
  onProgress?: (run: number, progress: RunProgress) => void,
): Evaluate {
  let runs = 0;
  return (scenario, seed, replications, own, start) => {
    const run = ++runs;
    return runner.run(
      { scenario, seed, replications, ...(start ? { start } : {}) },
      { signal: own ?? signal, onProgress: onProgress && ((p) => onProgress(run, p)) },
    );
  };
}

export function isTotalMetric(name: string): name is TotalMetric {
  return (TOTAL_METRICS as readonly string[]).includes(name);
}

/** Checks a metric name given by a planner, naming the ones that exist if it is not one. */
export function parseMetric(name: string): TotalMetric {
  if (isTotalMetric(name)) return name;
  throw new Error(`Unknown metric "${name}". Use one of: ${TOTAL_METRICS.join(', ')}.`);
}
