import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fmsCsv, fmsTable } from '../../decision/fmsTable.ts';
import { createNodeRunner } from '../../runner/node/nodeRunner.ts';
import { parseArgs } from '../args.ts';
import { replicationsFlag, seedFlag, workersFlag } from '../runFlags.ts';
import { CliError, UsageError } from '../cliError.ts';
import type { Command } from '../command.ts';
import { loadScenario } from '../loadScenario.ts';
import { liveProgress } from '../liveProgress.ts';
import { withRunErrors } from '../runErrors.ts';
import { VERSION } from '../version.ts';

const command: Command = {
  summary: 'Writes the Force Management Statement step-4 table as CSV.',
  usage: `Usage: shortfall fms FILE [--out PATH] [options]

Runs the scenario and writes, by year of the horizon, demand (suspects arriving and hours),
capacity hours, suspects not examined, recovery missed and ARIS income foregone, each as a
mean with its 90% range, followed by the assumptions register, the seed and the version.

Options:
  --out PATH         Write the CSV to PATH (default: standard output)
  --replications N   Simulated futures (default: the scenario's replications)
  --seed S           Any text (default: the scenario's seed)
  --workers W        Worker threads (default: one per core)`,
  async run(args, io) {
    const { positionals, flags } = parseArgs(args, {
      out: 'string',
      replications: 'string',
      seed: 'string',
      workers: 'string',
    });
    const file = positionals[0];
    if (file === undefined) throw new UsageError('Give a scenario FILE.');
    const workers = workersFlag(flags.workers);
    const { scenario } = await loadScenario(file, io);
    const replications = replicationsFlag(flags.replications, scenario.replications);
    const seed = seedFlag(flags.seed, scenario.seed);
    const runner = createNodeRunner({ size: workers });
    const progress = liveProgress(io);
    let aggregate;
    try {
      aggregate = await withRunErrors(() =>
        runner.run(
          { scenario, seed, replications },
          { signal: io.signal, onProgress: progress.run },
        ),
      );
    } finally {
      // As in run.ts, the workers go before the summary is computed.
      runner.dispose();
      progress.clear();
    }
    const csv = fmsCsv(fmsTable(scenario, aggregate.summary(), seed, VERSION));
    if (flags.out === undefined) {
      io.stdout(csv);
      return 0;
    }
    try {
      await writeFile(resolve(io.cwd, flags.out), csv);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? String(error);
      throw new CliError(`${flags.out}: cannot be written (${reason}).`);
    }
    io.stderr(`FMS table written to ${flags.out}\n`);
    return 0;
  },
};

export default command;
