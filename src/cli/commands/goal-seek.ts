import { parseMetric } from '../../decision/evaluate.ts';
import { GOAL_INDIFFERENCE, GOAL_TEST_CONFIDENCE, goalSeek } from '../../decision/goalSeek.ts';
import { FIRST_LOOK } from '../../decision/sequential.ts';
import { VERDICT_WORDS } from '../../decision/findings.ts';
import {
  formatLever,
  LEVER_FIELDS,
  leverInfo,
  parseLever,
  type LeverField,
} from '../../decision/levers.ts';
import { tableText } from '../../decision/tableText.ts';
import { TOTAL_METRICS } from '../../engine/metrics.ts';
import { LIMITS } from '../../scenario/limits.ts';
import { choiceFlag, numberFlag, parseArgs } from '../args.ts';
import { CliError, UsageError } from '../cliError.ts';
import type { Command } from '../command.ts';
import { RUN_FLAGS, runCommand } from '../runCommand.ts';
import { WORKERS_PER_CORE } from '../runFlags.ts';
import { VERSION } from '../version.ts';
import { checkOutput } from '../writeOutput.ts';
import { printable, printableJson } from '../../scenario/printable.ts';

/** One line per lever in the schema's words: `attritionPerYear  Leavers (share per year), steps of 0.01`. */
const leverLine = (field: LeverField) => {
  const { title, unit, step } = leverInfo(field);
  return `    ${field.padEnd(17)} ${title}${unit ? ` (${unit})` : ''}, steps of ${step}`;
};

/** The most replications at a value by default. */
const DEFAULT_MOST = 1600;

const command: Command = {
  summary:
    'Finds the smallest staffing that keeps a result below a target with a given confidence.',
  usage: `Usage: shortfall goal-seek FILE --lever FIELD:UNIT:ROLE --metric METRIC --below T [options]

Finds the smallest value of the lever, in its steps, for which P(METRIC < T) is at least
the confidence, by bisection between --min and --max with every run on the same seed. For a
lever that makes things worse as it rises (attritionPerYear), the largest value instead.
Each value's runs start at ${FIRST_LOOK} replications and double until a test at
${GOAL_TEST_CONFIDENCE * 100}% confidence says whether it meets the target, or its probability
is within ${GOAL_INDIFFERENCE} of the confidence (or --replications is reached); --fixed runs
every value to --replications instead.

Options:
  --lever L          FIELD:UNIT:ROLE, where FIELD is one of
${LEVER_FIELDS.map(leverLine).join('\n')}
  --metric M         ${TOTAL_METRICS.join(', ')}
  --below T          The target
  --confidence C     Required probability, e.g. 0.9 (default 0.9)
  --min A, --max B   Range searched (default: the current value to twice it)
  --replications N   Most simulated futures per value (default ${DEFAULT_MOST}); with --fixed, every value's
  --fixed            Run every value to --replications (no early stop)
  --seed S           Any text (default: the scenario's seed)
  --workers W        Worker threads (default: one per core; at most ${WORKERS_PER_CORE} per core)
  --format F         table (default) or json

JSON output: { answer, answerRange, meaning: { changes: [{ path, from, to }], sentence },
why, curve: [{ value, probability, se, replications, verdict,
interval }], uncertainValues, lever, metric, below, confidence, replications, sequential,
totalReplications, seed, version }.`,
  async run(args, io) {
    const { positionals, flags } = parseArgs(args, {
      ...RUN_FLAGS,
      lever: 'string',
      metric: 'string',
      below: 'string',
      confidence: 'string',
      min: 'string',
      max: 'string',
      format: 'string',
      fixed: 'boolean',
    });
    const file = positionals[0];
    if (file === undefined) throw new UsageError('Give a scenario FILE.');
    for (const name of ['lever', 'metric', 'below'] as const) {
      if (flags[name] === undefined) throw new UsageError(`Give --${name}.`);
    }
    const format = choiceFlag(flags.format, 'format', ['json', 'table'], 'table');
    const below = numberFlag(flags.below, 'below', -LIMITS.parameter, LIMITS.parameter, 0);
    const confidence = numberFlag(flags.confidence, 'confidence', 0.001, 0.999, 0.9);
    // The range a lever may take is the schema's for its field (people, or a share from 0 to
    // 1), read from the lever's text so a bad --min is refused before the file is run.
    const field = flags.lever!.split(':')[0]!;
    const bounds = (LEVER_FIELDS as readonly string[]).includes(field)
      ? leverInfo(field as LeverField)
      : { min: 0, max: LIMITS.peoplePerGroup };
    const min =
      flags.min === undefined ? undefined : numberFlag(flags.min, 'min', bounds.min, bounds.max, 0);
    const max =
      flags.max === undefined ? undefined : numberFlag(flags.max, 'max', bounds.min, bounds.max, 0);
    await checkOutput(io, {});
    const { seed, replications, result } = await runCommand(
      io,
      { file, flags, replications: DEFAULT_MOST },
      async ({ scenario, seed, replications, evaluate }) => {
        // The lever names a staff group of the scenario, so it is read once the file is loaded.
        let lever;
        let metric;
        try {
          lever = parseLever(flags.lever!, scenario);
          metric = parseMetric(flags.metric!);
        } catch (error) {
          throw new UsageError((error as Error).message);
        }
        const seek = await goalSeek(
          scenario,
          {
            lever,
            metric,
            below,
            confidence,
            seed,
            replications,
            min,
            max,
            sequential: flags.fixed === undefined,
          },
          evaluate,
        );
        return { lever, metric, seek };
      },
    ).catch((error: unknown) => {
      // What goalSeek refuses (a range with max below min, a lever value it cannot take) is
      // the user's to correct, so it is printed as a message, not as a failure of the tool.
      throw error instanceof CliError ? error : new CliError((error as Error).message);
    });
    const { lever, metric, seek } = result;
    if (format === 'json') {
      const out = {
        answer: seek.answer,
        answerRange: seek.answerRange,
        meaning: seek.meaning,
        why: seek.why,
        curve: seek.curve,
        uncertainValues: seek.uncertainValues,
        lever: formatLever(lever),
        metric,
        below,
        confidence,
        replications,
        sequential: seek.sequential,
        totalReplications: seek.totalReplications,
        seed,
        version: VERSION,
      };
      io.stdout(`${printableJson(JSON.stringify(out, null, 2))}\n`);
    } else {
      const goal = `P(${metric} < ${below}) ≥ ${confidence}`;
      const name = printable(formatLever(lever));
      io.stdout(
        seek.answer === null
          ? `No value of ${name} in the range searched gives ${goal}.\n\n`
          : `${name} = ${seek.answer} is the ${seek.direction === 1 ? 'smallest' : 'largest'} value giving ${goal}.\n\n`,
      );
      const said = seek.meaning?.sentence ?? seek.why;
      if (said) io.stdout(`${printable(said)}\n\n`);
      io.stdout(
        tableText(
          ['Value', 'Probability', 'Standard error', 'Replications', 'Test'],
          seek.curve.map((p) => [
            p.value,
            p.probability,
            p.se,
            p.replications,
            VERDICT_WORDS[p.verdict],
          ]),
        ),
      );
      if (seek.answerRange && seek.answerRange[0] !== seek.answerRange[1]) {
        io.stdout(
          `\nThe test could not settle every value near the answer: it lies between ${seek.answerRange[0]} and ${seek.answerRange[1]}.\n`,
        );
      }
      io.stdout(`\n${seek.totalReplications} replications in all.\n`);
    }
    return 0;
  },
};

export default command;
