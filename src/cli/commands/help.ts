import { parseArgs } from '../args.ts';
import { UsageError } from '../cliError.ts';
import type { Command } from '../command.ts';
import { commandNames, loadCommand } from '../commandRegistry.ts';
import { PIPE_IDLE_MS } from '../readScenarioBytes.ts';

const command: Command = {
  summary: 'Lists the commands, or explains one.',
  usage: `Usage: shortfall help [COMMAND]

Lists the commands, or prints how to use COMMAND.`,
  async run(args, io) {
    const { positionals } = parseArgs(args, {});
    const [name] = positionals;
    if (name !== undefined) {
      const target = await loadCommand(name);
      if (!target) throw new UsageError(`Unknown command "${name}".`);
      io.stdout(`${target.usage}\n`);
      return 0;
    }
    const lines = ['Usage: shortfall COMMAND [OPTIONS]', '', 'Commands:'];
    const names = commandNames();
    const width = Math.max(...names.map((n) => n.length));
    for (const n of names) {
      const c = n === 'help' ? command : await loadCommand(n);
      lines.push(`  ${n.padEnd(width)}  ${c?.summary ?? ''}`);
    }
    lines.push('', 'Run "shortfall help COMMAND" for its options.');
    lines.push('Exit codes: 0 done, 1 bad input or failed run, 2 usage error, 130 interrupted.');
    lines.push(
      'Output: when the reader of a pipe stops early (| head), the command stops silently with',
      'exit code 141, as if by SIGPIPE. Standard output closed before the start (>&-) is an',
      'error, exit code 1. --out never replaces the scenario read, nor any file without --force.',
      `A FILE may be a named pipe or /dev/stdin; a pipe silent for ${PIPE_IDLE_MS / 1000} s is given up on.`,
    );
    io.stdout(`${lines.join('\n')}\n`);
    return 0;
  },
};

export default command;
