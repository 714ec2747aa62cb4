import { fmsCsv, fmsTable } from '../../decision/fmsTable.ts';
import { START_MONTH_PATTERN } from '../../scenario/financialYear.ts';
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
  --start-month M    Calendar month the horizon starts, e.g. 2026-10: the table is then by
                     financial year (April to March). Default: the scenario's startMonth, or
                     years of the horizon when it has none
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
      'start-month': 'string',
    });
    const file = positionals[0];
    if (file === undefined) throw new UsageError('Give a scenario FILE.');
    const startMonth = flags['start-month'];
    if (startMonth !== undefined && !START_MONTH_PATTERN.test(startMonth)) {
      throw new UsageError(
        `--start-month must be a year and month such as 2026-04 (April 2026), not "${startMonth}".`,
      );
    }
    const output = { out: flags.out, force: flags.force === 'true', input: file };
    await checkOutput(io, output);
    const { scenario, seed, result } = await runCommand(io, { file, flags }, (simulation) =>
      startMonth === undefined
        ? simulation.run()
        : simulation.evaluate(
            { ...simulation.scenario, startMonth },
            simulation.seed,
            simulation.replications,
          ),
    );
    const csv = fmsCsv(
      fmsTable(
        { ...scenario, startMonth: startMonth ?? scenario.startMonth },
        result.summary(),
        seed,
        VERSION,
      ),
    );
    await writeOutput(io, output, csv, 'FMS table');
    return 0;
  },
};

export default command;
