import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CliError } from './cliError.ts';
import type { CliIo } from './io.ts';

/**
 * Prints a command's output, or writes it to `out` (--out PATH, from io.cwd) and says so on
 * stderr, naming `what` was written; a file that cannot be written is one line, exit code 1.
 */
export async function writeOutput(
  io: CliIo,
  out: string | undefined,
  text: string,
  what: string,
): Promise<void> {
  if (out === undefined) {
    io.stdout(text);
    return;
  }
  try {
    await writeFile(resolve(io.cwd, out), text);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new CliError(`${out}: cannot be written (${reason}).`);
  }
  io.stderr(`${what} written to ${out}\n`);
}
