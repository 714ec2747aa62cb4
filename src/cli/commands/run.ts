import { printable, printableJson } from '../../scenario/printable.ts';
import { LIMITS } from '../../scenario/limits.ts';
import { choiceFlag, intFlag, parseArgs } from '../args.ts';
import type { Command } from '../command.ts';
import { DEFAULT_SCENARIO_PATH } from '../loadScenario.ts';
import { RUN_FLAGS, runCommand } from '../runCommand.ts';
import { WORKERS_PER_CORE } from '../runFlags.ts';
import { summaryTable } from '../summaryTable.ts';
import { againstRecord } from '../../results/againstRecord.ts';
import { findBottleneck } from '../../results/bottleneck.ts';
import { VERSION } from '../version.ts';
import { checkOutput, writeOutput } from '../writeOutput.ts';

const command: Command = {
  summary: 'Runs a scenario and prints its results.',
  usage: `Usage: shortfall run [FILE] [options]

Runs the scenario in FILE (default: the built-in Metropolitan Police scenario) and prints
its results. The same file, seed and replications give the same results whatever the
number of workers or the chunk size.

Options:
  --replications N   Simulated futures (default: the scenario's replications)
  --seed S           Any text (default: the scenario's seed)
  --workers W        Worker threads (default: one per core; at most ${WORKERS_PER_CORE} per core)
  --format F         json (default) or table
  --out PATH         Write the results to PATH instead of standard output; never the
                     scenario FILE itself
  --force            Let --out replace an existing file
  --chunk-size N     Replications per chunk of work (default: sized from the scenario)

JSON output: { scenario: { name }, seed, replications, horizonMonths, totals, endOfHorizon,
monthly, yearly, byUnit, byStream, bottleneck, version }; each statistic is { mean, sd, se,
p05, p25, p50, p75, p95, min, max }. bottleneck is { kind, role, sentence, roles }: what limits
capacity, named from the pipeline (see docs/decision-tools.md). againstRecord sets the yearly
receipts and orders beside the national totals, with a warning when one scenario claims more
than a force plausibly could (null without suspects). The table ends with these sentences.`,
  async run(args, io) {
    const { positionals, flags } = parseArgs(args, {
      ...RUN_FLAGS,
      format: 'string',
      out: 'string',
      force: 'boolean',
      'chunk-size': 'string',
    });
    const format = choiceFlag(flags.format, 'format', ['json', 'table'], 'json');
    // Without the flag the runner sizes chunks from the scenario's expected work.
    const chunkSize =
      flags['chunk-size'] === undefined
        ? undefined
        : intFlag(flags['chunk-size'], 'chunk-size', 1, LIMITS.replications, 1);
    const file = positionals[0] ?? DEFAULT_SCENARIO_PATH;
    const output = { out: flags.out, force: flags.force === 'true', input: file };
    await checkOutput(io, output);
    const { scenario, seed, result } = await runCommand(io, { file, flags }, (simulation) =>
      simulation.run({ chunkSize }),
    );
    const summary = result.summary();
    const bottleneck = findBottleneck(scenario, summary);
    const record = againstRecord(summary);
    const recordLines = record
      ? [record.sentence, ...(record.warning ? [`Warning: ${record.warning}`] : [])]
      : [];

    const text =
      format === 'table'
        ? `${summaryTable(scenario, seed, summary)}\n${[bottleneck.sentence, ...recordLines].map(printable).join('\n')}\n`
        : `${printableJson(JSON.stringify({ scenario: { name: scenario.name }, seed, ...summary, bottleneck, againstRecord: record ?? null, version: VERSION }, null, 2))}\n`;
    await writeOutput(io, output, text, 'Results');
    return 0;
  },
};

export default command;
