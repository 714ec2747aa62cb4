import { evaluateWith, parseMetric } from '../../decision/evaluate.ts';
import { goalSeek } from '../../decision/goalSeek.ts';
import { parseLever, formatLever } from '../../decision/levers.ts';
import { tableText } from '../../decision/tableText.ts';
import { TOTAL_METRICS } from '../../engine/metrics.ts';
import { createNodeRunner } from '../../runner/node/nodeRunner.ts';
import { LIMITS } from '../../scenario/limits.ts';
import { choiceFlag, numberFlag, parseArgs } from '../args.ts';
import { replicationsFlag, seedFlag, workersFlag } from '../runFlags.ts';
import { CliError, UsageError } from '../cliError.ts';
import type { Command } from '../command.ts';
import { loadScenario } from '../loadScenario.ts';
import { liveProgress } from '../liveProgress.ts';
import { withRunErrors } from '../runErrors.ts';
import { VERSION } from '../version.ts';

const command: Command = {
  summary:
    'Finds the smallest staffing that keeps a result below a target with a given confidence.',
  usage: `Usage: shortfall goal-seek FILE --lever FIELD:UNIT:ROLE --metric METRIC --below T [options]

Finds the smallest whole value of the lever for which P(METRIC < T) is at least the
confidence, by bisection between --min and --max with every run on the same seed. For a
lever that makes things worse as it rises (attritionPerYear), the largest value instead.

Options:
  --lever L          FIELD:UNIT:ROLE; FIELD is establishment, inPost, maxHiresPerMonth or
                     attritionPerYear (searched in whole percentage points)
  --metric M         ${TOTAL_METRICS.join(', ')}
  --below T          The target
  --confidence C     Required probability, e.g. 0.9 (default 0.9)
  --min A, --max B   Range searched (default: the current value to twice it)
  --replications N   Simulated futures per run (default 1000)
  --seed S           Any text (default: the scenario's seed)
  --workers W        Worker threads (default: one per core)
  --format F         table (default) or json

JSON output: { answer, curve: [{ value, probability, se }], uncertainValues, lever, metric,
below, confidence, replications, seed, version }.`,
  async run(args, io) {
    const { positionals, flags } = parseArgs(args, {
      lever: 'string',
      metric: 'string',
      below: 'string',
      confidence: 'string',
      min: 'string',
      max: 'string',
      replications: 'string',
      seed: 'string',
      workers: 'string',
      format: 'string',
    });
    const file = positionals[0];
    if (file === undefined) throw new UsageError('Give a scenario FILE.');
    for (const name of ['lever', 'metric', 'below'] as const) {
      if (flags[name] === undefined) throw new UsageError(`Give --${name}.`);
    }
    const format = choiceFlag(flags.format, 'format', ['json', 'table'], 'table');
    const below = numberFlag(flags.below, 'below', -LIMITS.parameter, LIMITS.parameter, 0);
    const confidence = numberFlag(flags.confidence, 'confidence', 0.001, 0.999, 0.9);
    const replications = replicationsFlag(flags.replications, 1000);
    const workers = workersFlag(flags.workers);
    const min =
      flags.min === undefined
        ? undefined
        : numberFlag(flags.min, 'min', 0, LIMITS.peoplePerGroup, 0);
    const max =
      flags.max === undefined
        ? undefined
        : numberFlag(flags.max, 'max', 0, LIMITS.peoplePerGroup, 0);
    const { scenario } = await loadScenario(file, io);
    let lever;
    let metric;
    try {
      lever = parseLever(flags.lever!, scenario);
      metric = parseMetric(flags.metric!);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const seed = seedFlag(flags.seed, scenario.seed);
    const runner = createNodeRunner({ size: workers });
    const progress = liveProgress(io);
    try {
      const result = await withRunErrors(() =>
        goalSeek(
          scenario,
          { lever, metric, below, confidence, seed, replications, min, max },
          evaluateWith(runner, io.signal, progress.toolRun),
        ),
      )
        .catch((error: unknown) => {
          throw error instanceof CliError ? error : new CliError((error as Error).message);
        })
        .finally(progress.clear);
      if (format === 'json') {
        const out = {
          answer: result.answer,
          curve: result.curve,
          uncertainValues: result.uncertainValues,
          lever: formatLever(lever),
          metric,
          below,
          confidence,
          replications,
          seed,
          version: VERSION,
        };
        io.stdout(`${JSON.stringify(out, null, 2)}\n`);
      } else {
        const goal = `P(${metric} < ${below}) ≥ ${confidence}`;
        io.stdout(
          result.answer === null
            ? `No value of ${formatLever(lever)} in the range searched gives ${goal}.\n\n`
            : `${formatLever(lever)} = ${result.answer} is the ${result.direction === 1 ? 'smallest' : 'largest'} value giving ${goal}.\n\n`,
        );
        io.stdout(
          tableText(
            ['Value', 'Probability', 'Standard error'],
            result.curve.map((p) => [p.value, p.probability, p.se]),
          ),
        );
        if (result.uncertainValues.length > 0) {
          io.stdout(
            `\nWith another seed the answer could move: the probability at ${result.uncertainValues.join(', ')} is within 1.96 standard errors of ${confidence}.\n`,
          );
        }
      }
    } finally {
      runner.dispose();
    }
    return 0;
  },
};

export default command;
