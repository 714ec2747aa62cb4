import type { CliIo } from './io.ts';

/** The contract of each file in src/cli/commands/: its default export. */
export interface Command {
  /** One line for `shortfall help`. */
  summary: string;
  /** The full usage text for `shortfall help NAME` and `shortfall NAME --help`. */
  usage: string;
  /** Returns the exit code; may throw CliError or UsageError for a one-line message. */
  run(args: string[], io: CliIo): Promise<number>;
}
