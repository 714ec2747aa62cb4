import { fmsCsv, fmsTable } from '../../decision/fmsTable.ts';
import { parseArgs } from '../args.ts';
import { UsageError } from '../cliError.ts';
import type { Command } from '../command.ts';
import { RUN_FLAGS, runCommand } from '../runCommand.ts';
import { WORKERS_PER_CORE } from '../runFlags.ts';
import { VERSION } from '../version.ts';
import { checkOutput, writeOutput } from '../writeOutput.ts';

const command: Command = {
  summary: 'Writes the Force Management Statement step-4 table as CSV.',
  usage: `Usage: shortfall fms FILE [--out PATH] [options]

Runs the scenario and writes, by year of the horizon, demand (suspects arriving and hours),
capacity hours, suspects not examined, recovery missed and ARIS income foregone, each as a
mean with its 90% range, followed by the assumptions register, the seed and the version.

Options:
  --out PATH         Write the CSV to PATH (default: standard output); never FILE itself
  --force            Let --out replace an existing file
  --replications N   Simulated futures (default: the scenario's replications)
  --seed S           Any text (default: the scenario's seed)
  --workers W        Worker threads (default: one per core; at most ${WORKERS_PER_CORE} per core)`,
  async run(args, io) {
    const { positionals, flags } = parseArgs(args, {
      ...RUN_FLAGS,
      out: 'string',
      force: 'boolean',
    });
    const file = positionals[0];
    if (file === undefined) throw new UsageError('Give a scenario FILE.');
    const output = { out: flags.out, force: flags.force === 'true', input: file };
    await checkOutput(io, output);
    const { scenario, seed, result } = await runCommand(io, { file, flags }, (simulation) =>
      simulation.run(),
    );
    const csv = fmsCsv(fmsTable(scenario, result.summary(), seed, VERSION));
    await writeOutput(io, output, csv, 'FMS table');
    return 0;
  },
};

export default command;
