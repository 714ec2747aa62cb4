import { availableParallelism } from 'node:os';
import { LIMITS } from '../scenario/limits.ts';
import { intFlag } from './args.ts';
import { CliError } from './cliError.ts';

/** Most worker threads a command may start. */
export const MAX_WORKERS = 256;

/** `--workers W`: by default one worker thread per core. */
export function workersFlag(value: string | undefined): number {
  return intFlag(value, 'workers', 1, MAX_WORKERS, availableParallelism());
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
