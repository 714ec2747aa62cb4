import { backtest } from '../../fit/backtest.ts';
import { describeBacktest } from '../../fit/describeFit.ts';
import { intFlag, parseArgs } from '../args.ts';
import { CliError } from '../cliError.ts';
import type { Command } from '../command.ts';
import { HISTORY_FLAGS, historyKind, outputFormat, readHistoryFile } from '../readHistoryFile.ts';

const command: Command = {
  summary: 'Tests a fitted distribution on the last months of a history it did not see.',
  usage: `Usage: shortfall backtest FILE.csv --column NAME --kind counts|positive --holdout N [--format table|json]

Fits the column as "shortfall fit" does, on every month but the last N, then reports how many
of those N months fall inside the fitted model's central 50% and 90% bands (from 20,000 draws
that include the fit's own uncertainty). Well below 50% and 90% means the fitted model would
have misled a plan made then.

JSON: {"coverage50", "coverage90", "holdout", "fit": {…}, "months": [{"month", "actual", "p5",
"p25", "p50", "p75", "p95"}]}.

Options:
  --column NAME   The heading of the column to test
  --kind K        "counts" or "positive"
  --holdout N     Months held out at the end (default 12)
  --format F      "table" (default) or "json"`,
  async run(args, io) {
    const { positionals, flags } = parseArgs(args, { ...HISTORY_FLAGS, holdout: 'string' });
    const kind = historyKind(flags.kind);
    const format = outputFormat(flags.format);
    const holdout = intFlag(flags.holdout, 'holdout', 1, 1000, 12);
    const { column, values } = await readHistoryFile(io, positionals[0], flags.column, kind);
    let result;
    try {
      result = backtest(values, kind, holdout);
    } catch (error) {
      if (error instanceof RangeError)
        throw new CliError(`--holdout ${holdout}: ${error.message}.`);
      throw error;
    }
    if (format === 'json') {
      const { coverage50, coverage90, months, fit } = result;
      const { dist, family, n, aic, trendPerYear } = fit;
      io.stdout(
        `${JSON.stringify({ column, coverage50, coverage90, holdout, fit: { dist, family, n, aic, trendPerYear }, months }, null, 2)}\n`,
      );
    } else {
      io.stdout(`${describeBacktest(result, column).join('\n')}\n`);
    }
    return 0;
  },
};

export default command;
