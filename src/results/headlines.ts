import type { Stat } from '../engine/aggregate/statistic.ts';
import type { Summary } from '../engine/aggregate/runAggregate.ts';
import type { TotalMetric } from '../engine/metrics.ts';
import type { Scenario } from '../scenario/schema.ts';
import { formatCount, formatPounds } from './format.ts';
import { METRIC_INFO, metricTitle, suppressesDemand, type MetricUnit } from './metricInfo.ts';
import { uncertaintySentence } from './uncertaintyWords.ts';

export type HeadlineUnit = MetricUnit;

/** One sentence of the results, with the numbers behind it. */
export interface Headline {
  id: string;
  /** Short name for tables and the compare view. */
  label: string;
  /** The total or end-of-horizon metric it reads, as RunAggregate.values() names it. */
  metric: string;
  unit: HeadlineUnit;
  stat: Stat;
  sentence: string;
  /** The 90% range in words, e.g. "90% range 11,800 to 12,900". */
  range: string;
  /** The Monte Carlo standard error of the mean, in words. */
  standardError: string;
  /** Where the range comes from, when the scenario has uncertain assumptions. */
  uncertainty?: string;
}

export function formatValue(value: number, unit: HeadlineUnit): string {
  return unit === 'pounds' ? formatPounds(value) : formatCount(value);
}

function horizonWords(months: number): string {
  if (months % 12 === 0) return months === 12 ? 'the next year' : `the next ${months / 12} years`;
  return `the next ${months} months`;
}

/** Which kinds of demand the scenario has: suspects, analytical products, or both. */
export function demandKinds(scenario: Scenario): { suspects: boolean; products: boolean } {
  const streams = scenario.units.flatMap((u) => u.demand);
  return {
    suspects: streams.some((d) => d.kind === 'suspects'),
    products: streams.some((d) => d.kind === 'products'),
  };
}

/** Posts for each role across every unit. */
export function establishmentByRole(scenario: Scenario): Map<string, number> {
  const posts = new Map<string, number>();
  for (const unit of scenario.units)
    for (const group of unit.staff)
      posts.set(group.role, (posts.get(group.role) ?? 0) + group.establishment);
  return posts;
}

/** The results in sentences a chief officer can read, each with its 90% range. */
export function headlines(summary: Summary, scenario: Scenario): Headline[] {
  const over = horizonWords(summary.horizonMonths);
  const make = (
    id: string,
    label: string,
    metric: string,
    unit: HeadlineUnit,
    stat: Stat,
    sentence: (typical: string) => string,
  ): Headline => ({
    id,
    label,
    metric,
    unit,
    stat,
    sentence: sentence(formatValue(stat.p50, unit)),
    range: `90% range ${formatValue(stat.p05, unit)} to ${formatValue(stat.p95, unit)}`,
    standardError: `mean ${formatValue(stat.mean, unit)} ± ${formatValue(stat.se, unit)} (Monte Carlo standard error)`,
  });
  /** A horizon total's headline, named and formatted as the metric table says. */
  const total = (id: string, metric: TotalMetric, sentence: (typical: string) => string) => {
    const headline = make(
      id,
      metricTitle(metric),
      metric,
      METRIC_INFO[metric].unit,
      summary.totals[metric],
      sentence,
    );
    const uncertainty = uncertaintySentence(summary, scenario, metric);
    return uncertainty ? { ...headline, uncertainty } : headline;
  };
  const kinds = demandKinds(scenario);
  const list: Headline[] = [];
  // A scenario of analytical products alone leads with products: its suspects and money are nil.
  if (kinds.suspects || !kinds.products) {
    list.push(
      total(
        'unexamined',
        'unexaminedSuspects',
        (n) => `${n} suspects will not be examined for criminal assets over ${over}.`,
      ),
      total(
        'missedRecovery',
        'missedRecovery',
        (v) => `${v} of recoverable criminal assets will be missed.`,
      ),
      total(
        'missedForceIncome',
        'missedForceIncome',
        (v) =>
          `${v} of Asset Recovery Incentivisation Scheme income to the force will be foregone.`,
      ),
    );
  }
  if (suppressesDemand(scenario)) {
    list.push(
      total(
        'suppressedSuspects',
        'suppressedSuspects',
        (n) =>
          `${n} suspects will never be referred for examination, because the queue was too far behind, over ${over}.`,
      ),
    );
  }
  if (kinds.products) {
    list.push(
      total(
        'undeliveredProducts',
        'undeliveredProducts',
        (n) => `${n} analytical products will not be delivered over ${over}.`,
      ),
      total(
        'backlogProducts',
        'backlogProducts',
        (n) => `${n} analytical products will still be waiting at the end.`,
      ),
    );
  }
  const posts = establishmentByRole(scenario);
  for (const role of scenario.roles) {
    const stat = summary.endOfHorizon.inPost[role.id];
    if (!stat) continue;
    const establishment = posts.get(role.id) ?? 0;
    list.push(
      make(
        `inPost.${role.id}`,
        `${role.name}s in post at the end`,
        `inPost.${role.id}`,
        'count',
        stat,
        (n) =>
          `${n} ${role.name.toLowerCase()}s will be trained and in post at the end, against ${formatCount(establishment)} posts.`,
      ),
    );
  }
  return list;
}
