import { stat, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { printable } from '../scenario/printable.ts';
import { CliError, UsageError } from './cliError.ts';
import { STDOUT_CLOSED, type CliIo } from './io.ts';

/** Where a command's output goes: `--out PATH` or standard output, and what it may replace. */
export interface OutputTarget {
  /** --out PATH, relative to io.cwd; standard output when absent. */
  out?: string;
  /** --force: an existing file at `out` may be replaced. */
  force?: boolean;
  /** The scenario file the command reads, which `out` may never replace, --force or not. */
  input?: string;
}

/**
 * Refuses, before the command does any work, an output that would be refused at the end: a
 * closed standard output (exit code 1), or as --out the input scenario itself (compared as
 * files, so another spelling, a link or a hard link is caught) or an existing file without
 * --force (usage errors, exit code 2).
 */
export async function checkOutput(io: CliIo, target: OutputTarget): Promise<void> {
  const { out, force = false, input } = target;
  if (out === undefined) {
    if (io.stdoutClosed === true) throw new CliError(STDOUT_CLOSED);
    return;
  }
  const existing = await statOrNull(resolve(io.cwd, out));
  if (existing === null) return;
  const source = input === undefined ? null : await statOrNull(resolve(io.cwd, input));
  if (source !== null && source.dev === existing.dev && source.ino === existing.ino) {
    throw new UsageError(
      `--out ${out} is the scenario file being read; write the output to another path.`,
    );
  }
  if (!force) throw new UsageError(`--out ${out} already exists; add --force to replace it.`);
}

/**
 * Prints a command's output, or writes it to --out (after checkOutput's checks, made again
 * at the moment of writing) and says so on stderr, naming `what` was written; a file that
 * cannot be written is one line, exit code 1.
 */
export async function writeOutput(
  io: CliIo,
  target: OutputTarget,
  text: string,
  what: string,
): Promise<void> {
  const { out, force = false } = target;
  if (out === undefined) {
    io.stdout(text);
    return;
  }
  await checkOutput(io, target);
  try {
    // Without --force the file is created exclusively, so one appearing since the check is kept.
    await writeFile(resolve(io.cwd, out), text, { flag: force ? 'w' : 'wx' });
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    if (reason === 'EEXIST') {
      throw new UsageError(`--out ${out} already exists; add --force to replace it.`);
    }
    throw new CliError(`${out}: cannot be written (${reason}).`);
  }
  io.stderr(`${what} written to ${printable(out)}\n`);
}

async function statOrNull(path: string) {
  try {
    return await stat(path);
  } catch {
    return null;
  }
}
