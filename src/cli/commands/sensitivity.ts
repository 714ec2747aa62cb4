import { parseMetric } from '../../decision/evaluate.ts';
import { rankImportance, type RankImportance } from '../../decision/rankImportance.ts';
import { formatNumber, tableText } from '../../decision/tableText.ts';
import {
  notRunNotes,
  RANGES_LABEL,
  relativeLabel,
  tornado,
  TORNADO_CONFIDENCE,
  TORNADO_SWINGS,
  TORNADO_TOLERANCE,
  type Tornado,
} from '../../decision/tornado.ts';
import { FIRST_LOOK } from '../../decision/sequential.ts';
import { INPUT_LABELS, SENSITIVITY_INPUTS } from '../../decision/sensitivityInputs.ts';
import { RANGE_HIGH, RANGE_LOW } from '../../decision/uncertainRanges.ts';
import { TOTAL_METRICS } from '../../engine/metrics.ts';
import { choiceFlag, numberFlag, parseArgs } from '../args.ts';
import { UsageError } from '../cliError.ts';
import type { Command } from '../command.ts';
import { RUN_FLAGS, runCommand } from '../runCommand.ts';
import { WORKERS_PER_CORE } from '../runFlags.ts';
import { VERSION } from '../version.ts';
import { checkOutput } from '../writeOutput.ts';
import { printable, printableJson } from '../../scenario/printable.ts';

/** The inputs ±20% moves, in the schema's words ("leavers, hours per …"), wrapped and indented. */
const inputWords = SENSITIVITY_INPUTS.map((id) => INPUT_LABELS[id].label.toLowerCase())
  .join(', ')
  .concat('.')
  .split(' ')
  .reduce<string[]>((lines, word) => {
    const last = lines.at(-1);
    if (last !== undefined && last.length + word.length < 88)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(`  ${word}`);
    return lines;
  }, [])
  .join('\n');

/** The most replications a run takes by default: enough for a swing a twentieth of the largest to settle. */
const DEFAULT_MOST = 1600;

const command: Command = {
  summary: 'Shows which uncertain inputs move a result most (a tornado table).',
  usage: `Usage: shortfall sensitivity FILE --metric METRIC [options]

One at a time, sets each input low and then high, everything else at its base value, and
prints the change in the metric's mean, largest first. Every run uses the same seed, so the
differences come from the inputs, not from chance. Each input's runs start at ${FIRST_LOOK}
replications and double until its swing is known to within the tolerance at the confidence
(or --replications is reached); --fixed runs every run to --replications instead.

--swing ranges (the default when the file gives any assumption a range, {"uncertain": …}):
  ${RANGES_LABEL}.
  The base holds every uncertain assumption at its median. Inputs with no range are listed
  under the table as "no range given". Then the rank correlation of each assumption's draw
  with the metric across the replications of one ordinary run (as @RISK ranks its inputs),
  beside the totals each simulated future realised.
--swing relative (the default when no assumption has a range):
  ${relativeLabel()} (--change sets the share), any uncertain assumption held at its
  median. The inputs:
${inputWords}
  A swing of the same size for every input, not a plausible range for any.
See docs/decision-tools.md.

Options:
  --metric M         ${TOTAL_METRICS.join(', ')}
  --swing S          ranges (each uncertain assumption from its ${RANGE_LOW * 100}th to ${RANGE_HIGH * 100}th percentile) or
                     relative (±20% of each input)
  --change R         Relative change of each input with --swing relative (default 0.2)
  --replications N   Most simulated futures per run (default ${DEFAULT_MOST}); with --fixed, every run's
  --confidence C     Confidence of each swing's interval (default ${TORNADO_CONFIDENCE})
  --tolerance R      Settled when the interval is within R of the swing, or of a tenth of the
                     largest swing (default ${TORNADO_TOLERANCE})
  --fixed            Run every run to --replications (no early stop)
  --seed S           Any text (default: the scenario's seed)
  --workers W        Worker threads (default: one per core; at most ${WORKERS_PER_CORE} per core)
  --format F         table (default) or json`,
  async run(args, io) {
    const { positionals, flags } = parseArgs(args, {
      ...RUN_FLAGS,
      metric: 'string',
      swing: 'string',
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
    const asked =
      flags.swing === undefined
        ? undefined
        : choiceFlag(flags.swing, 'swing', TORNADO_SWINGS, 'ranges');
    if (asked === 'ranges' && flags.change !== undefined)
      throw new UsageError(
        '--change sets the share of --swing relative; leave it out with --swing ranges.',
      );
    const relativeChange = numberFlag(flags.change, 'change', 0, 0.99, 0.2);
    const confidence = numberFlag(flags.confidence, 'confidence', 0.5, 0.9999, TORNADO_CONFIDENCE);
    const tolerance = numberFlag(flags.tolerance, 'tolerance', 0, 1, TORNADO_TOLERANCE);
    const sequential = flags.fixed === undefined;
    await checkOutput(io, {});
    const { scenario, seed, replications, result } = await runCommand(
      io,
      { file, flags, replications: DEFAULT_MOST },
      async ({ scenario, seed, replications, evaluate }) => {
        const ranged = (scenario.uncertain?.length ?? 0) > 0;
        if (asked === 'ranges' && !ranged) {
          throw new UsageError(
            'No assumption in this file has a range given, so --swing ranges has nothing to move: give ranges as {"uncertain": …}, or use --swing relative.',
          );
        }
        // --change alone asks for the relative swing it sets.
        const swing = asked ?? (ranged && flags.change === undefined ? 'ranges' : 'relative');
        const bars = await tornado(
          scenario,
          { metric, seed, replications, swing, relativeChange, confidence, tolerance, sequential },
          evaluate,
        );
        // The draws of one ordinary run, when the file has draws to rank.
        const rank = ranged
          ? rankImportance(await evaluate(scenario, seed, replications), metric, scenario)
          : undefined;
        return { bars, rank };
      },
    );
    const { bars, rank } = result;
    if (format === 'json') {
      const out = {
        scenario: { name: scenario.name },
        ...bars,
        ...(rank ? { rankImportance: rank } : {}),
        version: VERSION,
      };
      io.stdout(`${printableJson(JSON.stringify(out, null, 2))}\n`);
    } else {
      io.stdout(tornadoText(bars, replications, seed, (scenario.uncertain?.length ?? 0) > 0));
      if (rank) io.stdout(`\n${rankText(rank)}`);
    }
    return 0;
  },
};

/** The tornado as the table prints it: a heading, the rows, then notes and inputs with no range. */
function tornadoText(t: Tornado, replications: number, seed: string, ranged: boolean): string {
  const runs = t.sequential
    ? `each input run until its swing was settled, at most ${replications} replications a run, ${t.totalReplications} in all`
    : `${replications} replications a run`;
  // Either setting holds any uncertain assumption at its median in its base.
  const base = ranged ? 'every uncertain assumption at its median' : 'the scenario';
  const lines = [
    `One-at-a-time sensitivity of the mean ${t.metric}: ${t.swingLabel} (base ${formatNumber(t.baseMean)}, ${base}; ${runs}; seed "${printable(seed)}")\n`,
  ];
  if (t.note) lines.push(`${t.note}\n`);
  lines.push(
    '\n',
    tableText(
      [
        t.swing === 'ranges' ? 'Uncertain assumption' : 'Input',
        'Low setting',
        'High setting',
        'Mean at low',
        'Mean at high',
        'Swing',
        `± (${Math.round(t.confidence * 100)}%)`,
        'Replications',
      ],
      t.rows.map((r) => [
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
  const notes = t.rows.flatMap((r) => notRunNotes(r).map((line) => `${r.label}: ${line}`));
  if (notes.length > 0) lines.push(`\n${notes.map((line) => printable(line)).join('\n')}\n`);
  if (t.noRange.length > 0) {
    lines.push(
      `\nNo range given (held as the file states them):\n${t.noRange.map((n) => `  ${printable(n.label)}: no range given`).join('\n')}\n`,
    );
  }
  return lines.join('');
}

/** Rank correlation: the assumptions' draws, then the realised totals, each largest first. */
function rankText(r: RankImportance): string {
  const rho = (x: number) => (Number.isNaN(x) ? 'does not vary' : x.toFixed(2));
  return (
    `Rank correlation with ${r.metric} across the ${formatNumber(r.replications)} replications of one run\n\n` +
    tableText(
      ['Uncertain assumption (its draw in each future)', 'Rank correlation'],
      r.assumptions.map((row) => [row.label, rho(row.rho)]),
    ) +
    '\n' +
    tableText(
      ['Realised in each future (chance and assumptions together)', 'Rank correlation'],
      r.realised.map((row) => [`${row.label} (${row.unit})`, rho(row.rho)]),
    )
  );
}

export default command;
