import type { RunAggregate } from '../engine/aggregate/runAggregate.ts';
import { TOTAL_METRICS, type TotalMetric } from '../engine/metrics.ts';
import { runScenario } from '../engine/run.ts';
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
) => Promise<RunAggregate>;

/** Evaluate in this thread: for tests and small runs. */
export function inThreadEvaluate(chunkSize?: number): Evaluate {
  return (scenario, seed, replications) =>
    Promise.resolve(runScenario(scenario, { seed, replications, chunkSize }));
}

/** An Evaluate from any Runner-like object with `run({ scenario, seed, replications })`. */
export function evaluateWith(runner: {
  run(request: { scenario: Scenario; seed: string; replications: number }): Promise<RunAggregate>;
}): Evaluate {
  return (scenario, seed, replications) => runner.run({ scenario, seed, replications });
}

export function isTotalMetric(name: string): name is TotalMetric {
  return (TOTAL_METRICS as readonly string[]).includes(name);
}

/** Checks a metric name given by a planner, naming the ones that exist if it is not one. */
export function parseMetric(name: string): TotalMetric {
  if (isTotalMetric(name)) return name;
  throw new Error(`Unknown metric "${name}". Use one of: ${TOTAL_METRICS.join(', ')}.`);
}
