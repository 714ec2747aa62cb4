import { buildCli, staleReason } from '../scripts/build-cli.js';

/**
 * Compiles the command line when its sources changed since the last build, so the tests that
 * spawn it (tests/cli) and the pools that start its worker (tests/runner) run today's code.
 */
export default async function setup(): Promise<void> {
  if (staleReason() !== undefined) await buildCli();
}
