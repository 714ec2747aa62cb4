/** What a command may touch of the outside world, so tests can run it in-process and capture it. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Directory relative paths are read from and written to. */
  cwd: string;
  /** True when stderr is a terminal: only then is live progress drawn. */
  stderrIsTty: boolean;
  /** Aborted when the user interrupts (Ctrl-C). */
  signal?: AbortSignal;
}

/** The real process: its streams, its directory, Ctrl-C. */
export function processIo(): CliIo {
  const interrupted = new AbortController();
  process.once('SIGINT', () => interrupted.abort());
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    cwd: process.cwd(),
    stderrIsTty: process.stderr.isTTY === true,
    signal: interrupted.signal,
  };
}
