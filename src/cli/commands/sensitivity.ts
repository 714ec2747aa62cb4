import { parseMetric } from '../../decision/evaluate.ts';
import { formatNumber, tableText } from '../../decision/tableText.ts';
import { notRunNotes, tornado } from '../../decision/tornado.ts';
import {
  INPUT_LABELS,
  isDistributionInput,
  SENSITIVITY_INPUTS,
} from '../../decision/sensitivityInputs.ts';
import { TOTAL_METRICS } from '../../engine/metrics.ts';
import { choiceFlag, numberFlag, parseArgs } from '../args.ts';
import { UsageError } from '../cliError.ts';
import type { Command } from '../command.ts';
import { RUN_FLAGS, runCommand } from '../runCommand.ts';
import { WORKERS_PER_CORE } from '../runFlags.ts';
import { VERSION } from '../version.ts';
import { checkOutput } from '../writeOutput.ts';
import { printable, printableJson } from '../../scenario/printable.ts';

/** The inputs of one kind, in the schema's words: "cases per month, hours per …". */
const inputWords = (distributions: boolean) =>
  SENSITIVITY_INPUTS.filter((id) => isDistributionInput(id) === distributions)
    .map((id) => INPUT_LABELS[id].label.toLowerCase())
    .join(', ');

const command: Command = {
  summary: 'Shows which uncertain inputs move a result most (a tornado table).',
  usage: `Usage: shortfall sensitivity FILE --metric METRIC [options]

One at a time, sets each uncertain input low and then high, everything else as in the file,
and prints the change in the metric's mean, largest first. Every run uses the same seed, so
the differences come from the inputs, not from chance.
Distributions are scaled so their mean moves to their own 10th and 90th percentiles:
  ${inputWords(true)}.
Fixed numbers move by ±20% (--change):
  ${inputWords(false)}.
See docs/decision-tools.md.

Options:
  --metric M         ${TOTAL_METRICS.join(', ')}
  --replications N   Simulated futures per run (default 1000)
  --seed S           Any text (default: the scenario's seed)
  --change R         Relative change of fixed numbers (default 0.2)
  --workers W        Worker threads (default: one per core; at most ${WORKERS_PER_CORE} per core)
  --format F         table (default) or json`,
  async run(args, io) {
    const { positionals, flags } = parseArgs(args, {
      ...RUN_FLAGS,
      metric: 'string',
      change: 'string',
      format: 'string',
    });
    const file = positionals[0];
    if (file === undefined) throw new UsageError('Give a scenario FILE.');
    if (flags.metric === undefined)
      throw new UsageError('Give --metric, e.g. --metric unexaminedSuspects.');
    let metric;
    try {
      metric = parseMetric(flags.metric);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const format = choiceFlag(flags.format, 'format', ['json', 'table'], 'table');
    const relativeChange = numberFlag(flags.change, 'change', 0, 0.99, 0.2);
    await checkOutput(io, {});
    const { scenario, seed, replications, result } = await runCommand(
      io,
      { file, flags, replications: 1000 },
      ({ scenario, seed, replications, evaluate }) =>
        tornado(scenario, { metric, seed, replications, relativeChange }, evaluate),
    );
    if (format === 'json') {
      io.stdout(
        `${printableJson(JSON.stringify({ scenario: { name: scenario.name }, ...result, version: VERSION }, null, 2))}\n`,
      );
    } else {
      io.stdout(
        `One-at-a-time sensitivity of the mean ${metric} (base ${formatNumber(result.baseMean)}; ${replications} replications, seed "${printable(seed)}")\n\n`,
      );
      io.stdout(
        tableText(
          ['Input', 'Low setting', 'High setting', 'Mean at low', 'Mean at high', 'Swing'],
          result.rows.map((r) => [
            r.label,
            r.lowSetting,
            r.highSetting,
            r.lowMean,
            r.highMean,
            r.swing,
          ]),
        ),
      );
      // A setting the file check refuses is not run: say which, and why, under the table.
      const notes = result.rows.flatMap((r) => notRunNotes(r).map((line) => `${r.label}: ${line}`));
      if (notes.length > 0) io.stdout(`\n${notes.map((line) => printable(line)).join('\n')}\n`);
    }
    return 0;
  },
};

export default command;
