import { printable, printableLines } from '../scenario/printable.ts';
import { CliError } from './cliError.ts';
import { loadCommand } from './commandRegistry.ts';
import type { CliIo } from './io.ts';
import { VERSION } from './version.ts';

/**
 * `shortfall COMMAND [ARGS]`: finds the command in src/cli/commands/ and runs it. Returns the
 * exit code: 0 success, 1 bad input or a failed run, 2 a usage error, 130 interrupted (and 141
 * when the reader of standard output stops early; see processIo). Errors are printed as one
 * line each, never as a stack trace, with any control or invisible character they quote from a
 * file or a flag written as an escape.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  const name = first === undefined || first === '--help' || first === '-h' ? 'help' : first;
  try {
    if (name === '--version' || name === '-v') {
      io.stdout(`${VERSION}\n`);
      return 0;
    }
    const command = await loadCommand(name);
    if (!command) {
      io.stderr(
        `shortfall: unknown command "${printable(name)}". Run "shortfall help" for the list.\n`,
      );
      return 2;
    }
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout(`${command.usage}\n`);
      return 0;
    }
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof CliError) {
      for (const line of error.lines) io.stderr(`${printableLines(line)}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`shortfall: ${printable(message.split('\n')[0]!)}\n`);
    return 1;
  }
}
