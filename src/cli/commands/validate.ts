import { printable } from '../../scenario/printable.ts';
import { parseArgs } from '../args.ts';
import { UsageError } from '../cliError.ts';
import type { Command } from '../command.ts';
import { loadScenario } from '../loadScenario.ts';
import { PIPE_IDLE_MS } from '../readScenarioBytes.ts';

const command: Command = {
  summary: 'Checks a scenario file and lists its problems.',
  usage: `Usage: shortfall validate FILE

Prints "valid" and exits 0 when FILE is a valid scenario. Otherwise prints one line per
problem, "path: message" (the path names the field, e.g. units[0].staff[0].inPost), and exits 1.
FILE may be a named pipe or /dev/stdin (cat s.json | shortfall validate /dev/stdin): it is
read to its end, and given up on after ${PIPE_IDLE_MS / 1000} s without data.`,
  async run(args, io) {
    const { positionals } = parseArgs(args, {});
    const [file] = positionals;
    if (file === undefined) throw new UsageError('validate needs a scenario FILE.');
    const { warnings } = await loadScenario(file, io);
    for (const w of warnings) io.stderr(`${printable(`warning: ${w.path}: ${w.message}`)}\n`);
    io.stdout('valid\n');
    return 0;
  },
};

export default command;
