import { chooseOptions } from '../../options/applyOption.ts';
import { runOptions } from '../../options/compareOptions.ts';
import {
  COST_COLUMNS,
  costRows,
  DIFFERENCE_COLUMNS,
  differenceRows,
  moneyLines,
  optionReports,
  unitGainRows,
} from '../../options/compareReport.ts';
import { tableText } from '../../decision/tableText.ts';
import { printable, printableJson } from '../../scenario/printable.ts';
import { choiceFlag, parseArgs } from '../args.ts';
import { CliError, UsageError } from '../cliError.ts';
import type { Command } from '../command.ts';
import { RUN_FLAGS, runCommand } from '../runCommand.ts';
import { WORKERS_PER_CORE } from '../runFlags.ts';
import { VERSION } from '../version.ts';
import { checkOutput } from '../writeOutput.ts';

/**
 * Takes every `--option NAME` (the one flag that may be repeated) out of the arguments, so the
 * rest are read as every other command reads them.
 */
export function takeOptionFlags(args: readonly string[]): { names: string[]; rest: string[] } {
  const names: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      rest.push(...args.slice(i));
      break;
    }
    if (arg.startsWith('--option=')) {
      names.push(arg.slice('--option='.length));
    } else if (arg === '--option') {
      const value = args[i + 1];
      if (value === undefined || value.startsWith('--')) {
        throw new UsageError('Option --option needs the name of one of the scenario’s options.');
      }
      names.push(value);
      i++;
    } else {
      rest.push(arg);
    }
  }
  return { names, rest };
}

const command: Command = {
  summary: 'Compares the scenario’s options with its baseline, on the same seed.',
  usage: `Usage: shortfall compare FILE [--option NAME]... [options]

Runs the baseline of the scenario in FILE and each of its options (all of them, or those
named with --option, which may be given more than once) on the same seed and replications,
so replication i of every run faces the same demand (common random numbers). For each option
it prints the paired difference (option − baseline) of every total, the chance the option
does better, its extra staff cost by year against the extra recovery and force income, what
limits capacity once it is made, who gains (for a scenario of more than one unit) and a
sentence with every figure to two significant figures.

Options:
  --option NAME      Compare only this option (repeat for more)
  --replications N   Simulated futures per run (default: the scenario's replications)
  --seed S           Any text (default: the scenario's seed)
  --workers W        Worker threads (default: one per core; at most ${WORKERS_PER_CORE} per core)
  --format F         json (default) or table

JSON output: { scenario: { name }, seed, replications, horizonMonths, baseline: { bottleneck },
options: [{ name, changes, sentence, lead, probabilityBetter, totals: { METRIC: { baseline,
option, difference, better, probabilityBetter, probabilityWorse } }, cost: { byYear, total,
endOfHorizonPerYear, extraRecovered, extraForceIncome, netToForce, perExtraSuspectExamined,
perExtraProductDelivered }, bottleneck, byUnit }], version }; each statistic is { mean, sd,
se, p05, p25, p50, p75, p95, min, max }. bottleneck is { kind, role, sentence, roles }, as \`shortfall run\` prints it;
byUnit is null for a scenario of one unit, else [{ unit, name, totals }] with each unit's
totals paired as the option's are.`,
  async run(args, io) {
    const { names, rest } = takeOptionFlags(args);
    const { positionals, flags } = parseArgs(rest, { ...RUN_FLAGS, format: 'string' });
    const file = positionals[0];
    if (file === undefined) throw new UsageError('Give a scenario FILE.');
    const format = choiceFlag(flags.format, 'format', ['json', 'table'], 'json');
    await checkOutput(io, {});
    const { scenario, seed, replications, result } = await runCommand(
      io,
      { file, flags },
      async ({ scenario, seed, replications, evaluate }) => {
        let options;
        try {
          options = chooseOptions(scenario, names);
        } catch (error) {
          throw new UsageError((error as Error).message);
        }
        if (options.length === 0) {
          throw new CliError(
            'The scenario has no options to compare. Add an "options" list to the file (see docs/scenario-format.md), or make them in the app with "Add option".',
          );
        }
        return runOptions(scenario, options, evaluate, { seed, replications });
      },
    );
    if (format === 'json') {
      const out = {
        scenario: { name: scenario.name },
        seed,
        replications,
        horizonMonths: scenario.horizonMonths,
        baseline: { bottleneck: result.baselineBottleneck },
        options: optionReports(result),
        version: VERSION,
      };
      io.stdout(`${printableJson(JSON.stringify(out, null, 2))}\n`);
      return 0;
    }
    const parts: string[] = [
      printable(`${scenario.name}: options against the baseline`),
      `Seed “${printable(seed)}”, ${replications.toLocaleString('en-GB')} replications per run, paired on common random numbers.`,
      '',
      `Baseline: ${printable(result.baselineBottleneck.sentence)}`,
    ];
    for (const option of result.options) {
      parts.push(
        '',
        printable(option.name),
        ...option.changes.map((c) => `  ${printable(c)}`),
        '',
        printable(option.sentence),
        '',
        tableText(DIFFERENCE_COLUMNS, differenceRows(option)).trimEnd(),
        '',
        tableText(COST_COLUMNS, costRows(option)).trimEnd(),
        '',
        ...moneyLines(option).map(([label, value]) => `${label}: ${value}`),
        '',
        `With this option: ${printable(option.bottleneck.sentence)}`,
      );
      if (option.byUnit) {
        const gains = unitGainRows(option.byUnit);
        parts.push(
          '',
          'Who gains, unit by unit (mean difference, 90% range):',
          tableText(
            gains.columns,
            gains.rows.map((r) => r.map(printable)),
          ).trimEnd(),
        );
      }
    }
    parts.push('', `Shortfall ${VERSION}`);
    io.stdout(`${parts.join('\n')}\n`);
    return 0;
  },
};

export default command;
