import { RunCancelled, RunFailed } from '../runner/runner.ts';
import { CliError } from './cliError.ts';

/**
 * Runs a command's simulation work (one run or a tool's many) and says how it ended in the
 * command line's terms: Ctrl-C exits 130 with "Cancelled.", a run that failed prints its
 * message (naming the scenario, seed and replications) and exits 1.
 */
export async function withRunErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof RunCancelled) throw new CliError('Cancelled.', 130);
    if (error instanceof RunFailed) throw new CliError(error.message);
    throw error;
  }
}
