import { parseMetric, evaluateWith } from '../../decision/evaluate.ts';
import { formatNumber, tableText } from '../../decision/tableText.ts';
import { tornado } from '../../decision/tornado.ts';
import { TOTAL_METRICS } from '../../engine/metrics.ts';
import { createNodeRunner } from '../../runner/node/nodeRunner.ts';
import { choiceFlag, numberFlag, parseArgs } from '../args.ts';
import { replicationsFlag, seedFlag, workersFlag } from '../runFlags.ts';
import { UsageError } from '../cliError.ts';
import type { Command } from '../command.ts';
import { loadScenario } from '../loadScenario.ts';
import { liveProgress } from '../liveProgress.ts';
import { withRunErrors } from '../runErrors.ts';
import { VERSION } from '../version.ts';

const command: Command = {
  summary: 'Shows which uncertain inputs move a result most (a tornado table).',
  usage: `Usage: shortfall sensitivity FILE --metric METRIC [options]

One at a time, sets each uncertain input low and then high, everything else as in the file,
and prints the change in the metric's mean, largest first. Every run uses the same seed, so
the differences come from the inputs, not from chance. Distributions (cases per month, hours
per suspect, asset value) are scaled so their mean moves to their own 10th and 90th
percentiles; fixed numbers (leavers, share holding assets, abstraction, time to hire) move
by ±20% (--change). See docs/decision-tools.md.

Options:
  --metric M         ${TOTAL_METRICS.join(', ')}
  --replications N   Simulated futures per run (default 1000)
  --seed S           Any text (default: the scenario's seed)
  --change R         Relative change of fixed numbers (default 0.2)
  --workers W        Worker threads (default: one per core)
  --format F         table (default) or json`,
  async run(args, io) {
    const { positionals, flags } = parseArgs(args, {
      metric: 'string',
      replications: 'string',
      seed: 'string',
      change: 'string',
      workers: 'string',
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
    const replications = replicationsFlag(flags.replications, 1000);
    const relativeChange = numberFlag(flags.change, 'change', 0, 0.99, 0.2);
    const workers = workersFlag(flags.workers);
    const { scenario } = await loadScenario(file, io);
    const seed = seedFlag(flags.seed, scenario.seed);
    const runner = createNodeRunner({ size: workers });
    const progress = liveProgress(io);
    try {
      const result = await withRunErrors(() =>
        tornado(
          scenario,
          { metric, seed, replications, relativeChange },
          evaluateWith(runner, io.signal, progress.toolRun),
        ),
      ).finally(progress.clear);
      if (format === 'json') {
        io.stdout(
          `${JSON.stringify({ scenario: { name: scenario.name }, ...result, version: VERSION }, null, 2)}\n`,
        );
      } else {
        io.stdout(
          `One-at-a-time sensitivity of the mean ${metric} (base ${formatNumber(result.baseMean)}; ${replications} replications, seed "${seed}")\n\n`,
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
      }
    } finally {
      runner.dispose();
    }
    return 0;
  },
};

export default command;
