import type { Stat } from '../engine/aggregate/statistic.ts';
import { TOTAL_METRICS, type TotalMetric } from '../engine/metrics.ts';
import { formatPoundsExact } from '../results/format.ts';
import { METRIC_INFO, metricTitle } from '../results/metricInfo.ts';
import type { OptionsRun } from './compareOptions.ts';

/** What `shortfall compare --format json` prints for each option. */
export interface OptionReport {
  name: string;
  changes: string[];
  sentence: string;
  /** The total the option is judged by, and the share of futures in which it does better. */
  lead: TotalMetric;
  probabilityBetter: number;
  /** Every total: { baseline, option, difference, better, probabilityBetter, probabilityWorse }. */
  totals: OptionsRun['options'][number]['totals'];
  cost: OptionsRun['options'][number]['cost'];
  /** What limits capacity in the option's run, where the run names it; null until it does. */
  bottleneck: string | null;
  /**
   * Paired differences by unit, for pooled scenarios (who gains); null until runs report
   * results by unit.
   */
  byUnit: null;
}

export function optionReports(run: OptionsRun): OptionReport[] {
  return run.options.map((o) => ({
    name: o.name,
    changes: o.changes,
    sentence: o.sentence,
    lead: o.lead,
    probabilityBetter: o.probabilityBetter,
    totals: o.totals,
    cost: o.cost,
    bottleneck: null,
    byUnit: null,
  }));
}

const exact = (value: number, pounds: boolean, signed = false): string => {
  if (!Number.isFinite(value)) return '–';
  if (pounds) return `${signed && value > 0 ? '+' : ''}${formatPoundsExact(value)}`;
  const text = Math.abs(value).toLocaleString('en-GB', {
    maximumFractionDigits: Math.abs(value) >= 100 ? 0 : 1,
  });
  if (!/[1-9]/.test(text)) return text;
  return `${value < 0 ? '−' : signed && value > 0 ? '+' : ''}${text}`;
};

const percent = (p: number | null) => (p === null ? '' : `${Math.round(p * 100)}%`);

/** Rows of the table of paired differences: exact figures, for the app and the command line. */
export function differenceRows(option: OptionsRun['options'][number]): string[][] {
  const rows: string[][] = [];
  for (const metric of TOTAL_METRICS) {
    const t = option.totals[metric];
    if (!t) continue;
    const info = METRIC_INFO[metric];
    // Products rows only where there is product demand, as on the results page.
    if (info.products && t.baseline.max === 0 && t.option.max === 0) continue;
    const pounds = info.unit === 'pounds';
    const d: Stat = t.difference;
    rows.push([
      metricTitle(metric),
      exact(t.baseline.mean, pounds),
      exact(t.option.mean, pounds),
      exact(d.mean, pounds, true),
      `${exact(d.p05, pounds, true)} to ${exact(d.p95, pounds, true)}`,
      percent(t.probabilityBetter),
    ]);
  }
  return rows;
}

export const DIFFERENCE_COLUMNS = [
  'Total over the horizon',
  'Baseline (mean)',
  'Option (mean)',
  'Difference (mean)',
  '90% range of the difference',
  'Chance it is better',
];

/** Rows of an option's cost by year, and its totals against what it brings in. */
export function costRows(option: OptionsRun['options'][number]): string[][] {
  const c = option.cost;
  const rows = c.byYear.map((y) => [
    `Year ${y.year}${y.months < 12 ? ` (${y.months} months)` : ''}`,
    exact(y.extraPeople, false, true),
    exact(y.cost, true, true),
  ]);
  rows.push(['Whole horizon', '', exact(c.total, true, true)]);
  return rows;
}

export const COST_COLUMNS = ['Year', 'Extra people (average)', 'Extra staff cost'];

/** The cost against extra recovery and force income, with 90% ranges, as label and value. */
export function moneyLines(option: OptionsRun['options'][number]): [string, string][] {
  const c = option.cost;
  const ranged = (s: { mean: number; p05: number; p95: number }) =>
    `${exact(s.mean, true, true)} (90% range ${exact(s.p05, true, true)} to ${exact(s.p95, true, true)})`;
  const per = c.perExtraSuspectExamined;
  return [
    ['Extra staff cost over the horizon', exact(c.total, true, true)],
    ['Yearly cost of the extra staff at the end', ranged(c.endOfHorizonPerYear)],
    ['Extra assets recovered', ranged(c.extraRecovered)],
    ['Extra force income (ARIS)', ranged(c.extraForceIncome)],
    ['Force income less staff cost', ranged(c.netToForce)],
    [
      'Cost per extra suspect examined',
      per.mean === null
        ? 'none: no more suspects are examined on average'
        : `${exact(per.mean, true)}${per.low !== null && per.high !== null ? ` (90% range ${exact(per.low, true)} to ${exact(per.high, true)})` : ''}`,
    ],
  ];
}
