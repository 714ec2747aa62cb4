import type { Summary } from '../engine/aggregate/runAggregate.ts';
import type { Stat } from '../engine/aggregate/statistic.ts';
import { TOTAL_METRICS } from '../engine/metrics.ts';
import { formatPoundsExact } from '../results/format.ts';
import { METRIC_INFO, metricTitle, suppressesDemand } from '../results/metricInfo.ts';
import { uncertaintySentence } from '../results/uncertaintyWords.ts';
import { printable } from '../scenario/printable.ts';
import type { Scenario } from '../scenario/schema.ts';

function number(value: number, pounds: boolean): string {
  if (!Number.isFinite(value)) return '–';
  if (pounds) return formatPoundsExact(value);
  const digits = Math.abs(value) >= 100 ? 0 : 1;
  const text = value.toLocaleString('en-GB', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  return text;
}

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

function statRow(name: string, s: Stat, pounds: boolean): string[] {
  const f = (v: number) => number(v, pounds);
  return [name, f(s.mean), `${f(s.p05)} – ${f(s.p95)}`, f(s.se)];
}

/**
 * The main results as text: each horizon total with its mean, 90% range (p05–p95) and the
 * standard error of the mean, then staff in post at the end of the horizon against posts.
 */
export function summaryTable(scenario: Scenario, seed: string, summary: Summary): string {
  const hasProducts = summary.totals.productsArrived.max > 0;
  const suppresses = suppressesDemand(scenario);
  const totals = TOTAL_METRICS.filter(
    (m) => (hasProducts || !METRIC_INFO[m].products) && (suppresses || !METRIC_INFO[m].suppressed),
  ).map((m) => statRow(metricTitle(m), summary.totals[m], METRIC_INFO[m].unit === 'pounds'));
  const roles = scenario.roles.map((role) => {
    const posts = scenario.units
      .flatMap((u) => u.staff)
      .filter((g) => g.role === role.id)
      .reduce((sum, g) => sum + g.establishment, 0);
    return [
      ...statRow(printable(role.name), summary.endOfHorizon.inPost[role.id]!, false),
      String(posts),
    ];
  });
  return [
    printable(scenario.name),
    `Seed "${printable(seed)}", ${summary.replications} replications, ${summary.horizonMonths} months.`,
    '',
    ...table(['Over the horizon', 'mean', '90% range (p05 – p95)', 'se'], totals),
    '',
    ...table(['In post at the end', 'mean', '90% range (p05 – p95)', 'se', 'posts'], roles),
    '',
    ...uncertaintyLines(scenario, summary),
  ].join('\n');
}

/** Where the headline totals' ranges come from, when the scenario has uncertain assumptions. */
function uncertaintyLines(scenario: Scenario, summary: Summary): string[] {
  if (!summary.uncertainty) return [];
  const metrics = ['unexaminedSuspects', 'missedRecovery', 'undeliveredProducts'] as const;
  const lines = metrics
    .filter((m) => m !== 'undeliveredProducts' || summary.totals.productsArrived.max > 0)
    .map((m) => `${metricTitle(m)}: ${uncertaintySentence(summary, scenario, m)!}`);
  return ['The 90% ranges include the uncertain assumptions.', ...lines.map(printable), ''];
}
