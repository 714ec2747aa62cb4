import { readFileSync, readlinkSync } from 'node:fs';
import { CliError } from './cliError.ts';

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
  /** True when standard output was closed before the start (`>&-`): printing there fails. */
  stdoutClosed?: boolean;
}

/** Why a command cannot print its output. */
export const STDOUT_CLOSED =
  'shortfall: standard output is closed; redirect it to a file, or use --out where the command has it.';

/** The exit code of a program stopped by SIGPIPE (128 + 13), as shells report it. */
export const READER_GONE_EXIT = 141;

/**
 * The real process: its streams, its directory, Ctrl-C. Standard output ends in one of two
 * ways that are told apart on purpose. A reader that closes the pipe early (`| head -1`) has
 * all it wanted, so the command stops at once, silently, with the code SIGPIPE would give.
 * Standard output closed before the command started (`>&-`) means the output would be lost,
 * so the first thing printed there fails the command with one line on stderr.
 */
export function processIo(): CliIo {
  const interrupted = new AbortController();
  process.once('SIGINT', () => interrupted.abort());
  const closed = stdoutWasClosed();
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') {
      process.stderr.write(`shortfall: standard output cannot be written (${error.code}).\n`);
    }
    process.exit(error.code === 'EPIPE' ? READER_GONE_EXIT : 1);
  });
  // Messages have nowhere else to go, so a stderr that fails ends the command without one.
  process.stderr.on('error', (error: NodeJS.ErrnoException) =>
    process.exit(error.code === 'EPIPE' ? READER_GONE_EXIT : 1),
  );
  return {
    stdout: (text) => {
      if (closed) throw new CliError(STDOUT_CLOSED);
      process.stdout.write(text);
    },
    stderr: (text) => void process.stderr.write(text),
    cwd: process.cwd(),
    stderrIsTty: process.stderr.isTTY === true,
    signal: interrupted.signal,
    stdoutClosed: closed,
  };
}

/**
 * Node reopens a closed standard stream on /dev/null for reading and writing before any code
 * runs, so `>&-` looks like `>/dev/null` except for that access mode, which a shell redirection
 * never asks for. Only Linux shows the mode (in /proc); elsewhere the output goes to /dev/null.
 */
function stdoutWasClosed(): boolean {
  try {
    if (readlinkSync('/proc/self/fd/1') !== '/dev/null') return false;
    const flags = /^flags:\s*([0-7]+)/m.exec(readFileSync('/proc/self/fdinfo/1', 'utf8'));
    return flags !== null && (parseInt(flags[1]!, 8) & 3) === 2;
  } catch {
    return false;
  }
}
