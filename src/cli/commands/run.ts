import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { LIMITS } from '../../scenario/limits.ts';
import { createNodeRunner } from '../../runner/node/nodeRunner.ts';
import { choiceFlag, intFlag, parseArgs } from '../args.ts';
import { replicationsFlag, seedFlag, workersFlag } from '../runFlags.ts';
import { CliError } from '../cliError.ts';
import type { Command } from '../command.ts';
import { DEFAULT_SCENARIO_PATH, loadScenario } from '../loadScenario.ts';
import { liveProgress } from '../liveProgress.ts';
import { withRunErrors } from '../runErrors.ts';
import { summaryTable } from '../summaryTable.ts';
import { VERSION } from '../version.ts';

const command: Command = {
  summary: 'Runs a scenario and prints its results.',
  usage: `Usage: shortfall run [FILE] [options]

Runs the scenario in FILE (default: the built-in Metropolitan Police scenario) and prints
its results. The same file, seed and replications give the same results whatever the
number of workers or the chunk size.

Options:
  --replications N   Simulated futures (default: the scenario's replications)
  --seed S           Any text (default: the scenario's seed)
  --workers W        Worker threads (default: one per core)
  --format F         json (default) or table
  --out PATH         Write the results to PATH instead of standard output
  --chunk-size N     Replications per chunk of work (default: sized from the scenario)

JSON output: { scenario: { name }, seed, replications, horizonMonths, totals, endOfHorizon,
monthly, yearly, version }; each statistic is { mean, sd, se, p05, p25, p50, p75, p95, min,
max }.`,
  async run(args, io) {
    const { positionals, flags } = parseArgs(args, {
      replications: 'string',
      seed: 'string',
      workers: 'string',
      format: 'string',
      out: 'string',
      'chunk-size': 'string',
    });
    const format = choiceFlag(flags.format, 'format', ['json', 'table'], 'json');
    const workers = workersFlag(flags.workers);
    // Without the flag the runner sizes chunks from the scenario's expected work.
    const chunkSize =
      flags['chunk-size'] === undefined
        ? undefined
        : intFlag(flags['chunk-size'], 'chunk-size', 1, LIMITS.replications, 1);
    const file = positionals[0] ?? DEFAULT_SCENARIO_PATH;
    const { scenario, warnings } = await loadScenario(file, io);
    for (const w of warnings) io.stderr(`warning: ${w.path}: ${w.message}\n`);
    const replications = replicationsFlag(flags.replications, scenario.replications);
    const seed = seedFlag(flags.seed, scenario.seed);

    const runner = createNodeRunner({ size: workers });
    const progress = liveProgress(io);
    let aggregate;
    try {
      aggregate = await withRunErrors(() =>
        runner.run(
          { scenario, seed, replications, chunkSize },
          { signal: io.signal, onProgress: progress.run },
        ),
      );
    } finally {
      // The workers go before the summary is computed: at a million replications its sorts are
      // the run's last rise in memory, and the workers' heaps are no longer needed.
      runner.dispose();
      progress.clear();
    }
    const summary = aggregate.summary();

    const text =
      format === 'table'
        ? summaryTable(scenario, seed, summary)
        : `${JSON.stringify({ scenario: { name: scenario.name }, seed, ...summary, version: VERSION }, null, 2)}\n`;
    if (flags.out === undefined) {
      io.stdout(text);
    } else {
      try {
        await writeFile(resolve(io.cwd, flags.out), text);
      } catch (error) {
        const reason = (error as NodeJS.ErrnoException).code ?? String(error);
        throw new CliError(`${flags.out}: cannot be written (${reason}).`);
      }
      io.stderr(`Results written to ${flags.out}\n`);
    }
    return 0;
  },
};

export default command;
