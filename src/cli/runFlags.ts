import { availableParallelism } from 'node:os';
import { LIMITS } from '../scenario/limits.ts';
import { intFlag } from './args.ts';
import { CliError } from './cliError.ts';

/**
 * Most worker threads per core. Each thread holds its own heap and compiled engine, so past a
 * few per core the threads only add memory and make one another too slow to answer in time.
 */
export const WORKERS_PER_CORE = 4;

/** Most worker threads a command may start on a machine with `cores` cores. */
export function maxWorkers(cores = availableParallelism()): number {
  return WORKERS_PER_CORE * Math.max(1, cores);
}

/** `--workers W`: by default one worker thread per core, and at most WORKERS_PER_CORE per core. */
export function workersFlag(value: string | undefined, cores = availableParallelism()): number {
  return intFlag(value, 'workers', 1, maxWorkers(cores), Math.max(1, cores));
}

/** `--replications N`, within the documented limit. */
export function replicationsFlag(value: string | undefined, fallback: number): number {
  return intFlag(value, 'replications', 1, LIMITS.replications, fallback);
}

/** `--seed S`: by default the scenario's own seed; never empty. */
export function seedFlag(value: string | undefined, scenarioSeed: string): string {
  const seed = value ?? scenarioSeed;
  if (seed === '') throw new CliError('--seed must not be empty.', 2);
  return seed;
}
