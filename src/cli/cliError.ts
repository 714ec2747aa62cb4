/**
 * A failure the user can act on: printed as its lines, without a stack trace. Exit code 1 for
 * bad input (a file that cannot be read or is not a valid scenario) and failed runs.
 */
export class CliError extends Error {
  readonly lines: string[];
  constructor(
    lines: string | string[],
    readonly exitCode = 1,
  ) {
    const all = typeof lines === 'string' ? [lines] : lines;
    super(all.join('\n'));
    this.name = 'CliError';
    this.lines = all;
  }
}

/** The command line itself was wrong (unknown flag, missing or malformed value): exit code 2. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, 2);
    this.name = 'UsageError';
  }
}
