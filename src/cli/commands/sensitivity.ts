import { parseMetric } from '../../decision/evaluate.ts';
import { formatNumber, tableText } from '../../decision/tableText.ts';
import {
  notRunNotes,
  tornado,
  TORNADO_CONFIDENCE,
  TORNADO_TOLERANCE,
} from '../../decision/tornado.ts';
import { FIRST_LOOK } from '../../decision/sequential.ts';
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

/** The most replications a run takes by default: enough for a swing a twentieth of the largest to settle. */
const DEFAULT_MOST = 1600;

const command: Command = {
  summary: 'Shows which uncertain inputs move a result most (a tornado table).',
  usage: `Usage: shortfall sensitivity FILE --metric METRIC [options]

One at a time, sets each uncertain input low and then high, everything else as in the file,
and prints the change in the metric's mean, largest first. Every run uses the same seed, so
the differences come from the inputs, not from chance. Each input's runs start at ${FIRST_LOOK}
replications and double until its swing is known to within the tolerance at the confidence
(or --replications is reached); --fixed runs every run to --replications instead.
Distributions are scaled so their mean moves to their own 10th and 90th percentiles:
  ${inputWords(true)}.
Fixed numbers move by ±20% (--change):
  ${inputWords(false)}.
See docs/decision-tools.md.

Options:
  --metric M         ${TOTAL_METRICS.join(', ')}
  --replications N   Most simulated futures per run (default ${DEFAULT_MOST}); with --fixed, every run's
  --confidence C     Confidence of each swing's interval (default ${TORNADO_CONFIDENCE})
  --tolerance R      Settled when the interval is within R of the swing, or of a tenth of the
                     largest swing (default ${TORNADO_TOLERANCE})
  --fixed            Run every run to --replications (no early stop)
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
      confidence: 'string',
      tolerance: 'string',
      fixed: 'boolean',
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
    const confidence = numberFlag(flags.confidence, 'confidence', 0.5, 0.9999, TORNADO_CONFIDENCE);
    const tolerance = numberFlag(flags.tolerance, 'tolerance', 0, 1, TORNADO_TOLERANCE);
    const sequential = flags.fixed === undefined;
    await checkOutput(io, {});
    const { scenario, seed, replications, result } = await runCommand(
      io,
      { file, flags, replications: DEFAULT_MOST },
      ({ scenario, seed, replications, evaluate }) =>
        tornado(
          scenario,
          { metric, seed, replications, relativeChange, confidence, tolerance, sequential },
          evaluate,
        ),
    );
    if (format === 'json') {
      io.stdout(
        `${printableJson(JSON.stringify({ scenario: { name: scenario.name }, ...result, version: VERSION }, null, 2))}\n`,
      );
    } else {
      io.stdout(
        `One-at-a-time sensitivity of the mean ${metric} (base ${formatNumber(result.baseMean)}; ${result.sequential ? `each input run until its swing was settled, at most ${replications} replications a run, ${result.totalReplications} in all` : `${replications} replications a run`}; seed "${printable(seed)}")\n\n`,
      );
      io.stdout(
        tableText(
          [
            'Input',
            'Low setting',
            'High setting',
            'Mean at low',
            'Mean at high',
            'Swing',
            `± (${Math.round(result.confidence * 100)}%)`,
            'Replications',
          ],
          result.rows.map((r) => [
            r.label,
            r.lowSetting,
            r.highSetting,
            r.lowMean,
            r.highMean,
            r.swing,
            r.halfWidth,
            r.settled ? r.replications : `${r.replications} (not settled)`,
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
