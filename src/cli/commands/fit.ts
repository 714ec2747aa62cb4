import { fitHistory } from '../../fit/fitHistory.ts';
import { describeFit } from '../../fit/describeFit.ts';
import { parseArgs } from '../args.ts';
import { CliError } from '../cliError.ts';
import type { Command } from '../command.ts';
import { HISTORY_FLAGS, historyKind, outputFormat, readHistoryFile } from '../readHistoryFile.ts';

const command: Command = {
  summary: 'Fits a distribution to a column of monthly history (CSV).',
  usage: `Usage: shortfall fit FILE.csv --column NAME --kind counts|positive [--format table|json]

Reads one column of a monthly history (a header row, then one row a month, oldest first) and
fits, by maximum likelihood, Poisson and negative binomial distributions to counts, or lognormal
and gamma distributions to positive values (hours, pounds). The one with the smallest AIC is
chosen; the yearly trend comes from a log-linear fit with its 95% interval.

JSON: {"dist": …, "family": …, "n": …, "aic": {…}, "trendPerYear": {"estimate", "low", "high"},
"estimates": {parameter: {"estimate", "se"}}}; "dist" is valid scenario grammar.

Options:
  --column NAME   The heading of the column to fit (case does not matter)
  --kind K        "counts" (referrals, cases) or "positive" (hours, asset values)
  --format F      "table" (default) or "json"`,
  async run(args, io) {
    const { positionals, flags } = parseArgs(args, HISTORY_FLAGS);
    const kind = historyKind(flags.kind);
    const format = outputFormat(flags.format);
    const { column, values } = await readHistoryFile(io, positionals[0], flags.column, kind);
    let fit;
    try {
      fit = fitHistory(values, kind);
    } catch (error) {
      if (error instanceof RangeError) throw new CliError(`${column}: ${error.message}`);
      throw error;
    }
    if (format === 'json') {
      const chosen = fit.candidates.find((c) => c.family === fit.family)!;
      const { dist, family, n, aic, trendPerYear } = fit;
      io.stdout(
        `${JSON.stringify({ column, dist, family, n, aic, trendPerYear, estimates: chosen.estimates }, null, 2)}\n`,
      );
    } else {
      io.stdout(`${describeFit(fit, column).join('\n')}\n`);
    }
    return 0;
  },
};

export default command;
