import type { Stat } from '../engine/aggregate/statistic.ts';
import { TOTAL_METRICS, type TotalMetric } from '../engine/metrics.ts';
import { formatPoundsExact } from '../results/format.ts';
import type { Bottleneck } from '../results/bottleneck.ts';
import { METRIC_INFO, metricTitle } from '../results/metricInfo.ts';
import type { OptionsRun, UnitGain } from './compareOptions.ts';
import type { PairedTotal } from './pairedTotals.ts';
import type { PerExtra } from './optionCost.ts';

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
  /** What limits capacity in the option's run: { kind, role, sentence, roles }. */
  bottleneck: Bottleneck;
  /**
   * Who gains: for scenarios of more than one unit, each unit's totals paired as `totals` are
   * ({ unit, name, totals }); null for a scenario of one unit.
   */
  byUnit: UnitGain[] | null;
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
    bottleneck: o.bottleneck,
    byUnit: o.byUnit,
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

/**
 * Rows of the table of paired differences: exact figures, for the app and the command line.
 * Every total by default, or the `metrics` named; products rows only where there are products.
 */
export function differenceRows(
  option: OptionsRun['options'][number],
  metrics: readonly TotalMetric[] = TOTAL_METRICS,
): string[][] {
  const rows: string[][] = [];
  for (const metric of metrics) {
    const t = option.totals[metric];
    if (!t) continue;
    const info = METRIC_INFO[metric];
    // Products rows only where there is product demand, as on the results page.
    if (info.products && t.baseline.max === 0 && t.option.max === 0) continue;
    rows.push(differenceRow(metricTitle(metric), t, info.unit === 'pounds'));
  }
  return rows;
}

function differenceRow(label: string, t: PairedTotal, pounds: boolean): string[] {
  const d: Stat = t.difference;
  return [
    label,
    exact(t.baseline.mean, pounds),
    exact(t.option.mean, pounds),
    exact(d.mean, pounds, true),
    `${exact(d.p05, pounds, true)} to ${exact(d.p95, pounds, true)}`,
    percent(t.probabilityBetter),
  ];
}

/** The totals a slide has room for: what the option is judged by and what it brings in. */
export const KEY_SUSPECT_METRICS: readonly TotalMetric[] = [
  'unexaminedSuspects',
  'suspectsExamined',
  'backlogSuspects',
  'recovered',
  'forceIncome',
];
export const KEY_PRODUCT_METRICS: readonly TotalMetric[] = [
  'undeliveredProducts',
  'productsDelivered',
  'backlogProducts',
];

/**
 * The rows of an option's slide: the key totals for the kind of scenario, then each role's
 * trained staff in post at the end of the horizon.
 */
export function keyDifferenceRows(option: OptionsRun['options'][number]): string[][] {
  const products = option.lead === 'undeliveredProducts';
  const rows = differenceRows(option, products ? KEY_PRODUCT_METRICS : KEY_SUSPECT_METRICS);
  for (const role of option.run.scenario.roles) {
    const t = option.totals[`inPost.${role.id}`];
    if (t) rows.push(differenceRow(`${role.name}s in post at the end`, t, false));
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

/**
 * The cost against extra recovery and force income, with 90% ranges, as label and value; for a
 * scenario of analytical products alone, the cost against the extra products delivered.
 */
export function moneyLines(option: OptionsRun['options'][number]): [string, string][] {
  const c = option.cost;
  const ranged = (s: { mean: number; p05: number; p95: number }) =>
    `${exact(s.mean, true, true)} (90% range ${exact(s.p05, true, true)} to ${exact(s.p95, true, true)})`;
  const perExtra = (per: PerExtra, what: string) =>
    per.mean === null
      ? `none: no more ${what} on average`
      : `${exact(per.mean, true)}${per.low !== null && per.high !== null ? ` (90% range ${exact(per.low, true)} to ${exact(per.high, true)})` : ''}`;
  const cost: [string, string][] = [
    ['Extra staff cost over the horizon', exact(c.total, true, true)],
    ['Yearly cost of the extra staff at the end', ranged(c.endOfHorizonPerYear)],
  ];
  if (option.lead === 'undeliveredProducts') {
    return [
      ...cost,
      [
        'Cost per extra product delivered',
        perExtra(c.perExtraProductDelivered, 'products are delivered'),
      ],
    ];
  }
  return [
    ...cost,
    ['Extra assets recovered', ranged(c.extraRecovered)],
    ['Extra force income (ARIS)', ranged(c.extraForceIncome)],
    ['Force income less staff cost', ranged(c.netToForce)],
    [
      'Cost per extra suspect examined',
      perExtra(c.perExtraSuspectExamined, 'suspects are examined'),
    ],
  ];
}

/**
 * Who gains, one row a unit: the mean paired difference of its suspects examined and not
 * examined, its recovery and its products not delivered, each with its 90% range. Products are
 * left out where no unit has any, suspects and money where none has suspects.
 */
export function unitGainRows(gains: readonly UnitGain[]): { columns: string[]; rows: string[][] } {
  const any = (metric: string) => gains.some((g) => (g.totals[metric]?.baseline.max ?? 0) > 0);
  const suspects = any('suspectsArrived');
  const metrics: TotalMetric[] = [
    ...(suspects ? (['suspectsExamined', 'unexaminedSuspects', 'recovered'] as const) : []),
    ...(any('productsArrived') ? (['undeliveredProducts'] as const) : []),
  ];
  return {
    columns: ['Unit', ...metrics.map((m) => `${metricTitle(m)}: difference (90% range)`)],
    rows: gains.map((g) => [
      g.name,
      ...metrics.map((m) => {
        const d = g.totals[m]!.difference;
        const pounds = METRIC_INFO[m].unit === 'pounds';
        return `${exact(d.mean, pounds, true)} (${exact(d.p05, pounds, true)} to ${exact(d.p95, pounds, true)})`;
      }),
    ]),
  };
}
