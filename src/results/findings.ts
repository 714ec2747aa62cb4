import type { Summary } from '../engine/aggregate/runAggregate.ts';
import type { Scenario } from '../scenario/schema.ts';
import { formatCount, formatPercent, formatPounds } from './format.ts';
import { establishmentByRole, formatValue, type HeadlineUnit } from './headlines.ts';

/** Chart titles that state what the chart shows, not just what it is. */

export function unexaminedFinding(summary: Summary): string {
  const months = summary.monthly.unexaminedSuspects;
  const lastYear = months.slice(-12);
  const perMonth = lastYear.reduce((sum, s) => sum + s.p50, 0) / Math.max(1, lastYear.length);
  const firstYear = months.slice(0, 12);
  const early = firstYear.reduce((sum, s) => sum + s.p50, 0) / Math.max(1, firstYear.length);
  const trend = perMonth > early * 1.05 ? 'rising' : perMonth < early * 0.95 ? 'falling' : 'steady';
  return `About ${formatCount(perMonth)} suspects a month go unexamined by the final year (${trend})`;
}

/** The products' finding: how many a month go undelivered by the final year. */
export function undeliveredFinding(summary: Summary): string {
  const lastYear = summary.monthly.undeliveredProducts.slice(-12);
  const perMonth = lastYear.reduce((sum, s) => sum + s.p50, 0) / Math.max(1, lastYear.length);
  return `About ${formatCount(perMonth)} analytical products a month go undelivered by the final year`;
}

export function productBacklogFinding(summary: Summary): string {
  const last = summary.monthly.backlogProducts.at(-1);
  if (!last) return 'Analytical products waiting';
  return `${formatCount(last.p50)} analytical products are waiting at the end (90% range ${formatCount(last.p05)} to ${formatCount(last.p95)})`;
}

export function backlogFinding(summary: Summary): string {
  const last = summary.monthly.backlogSuspects.at(-1);
  if (!last) return 'Backlog of suspects waiting';
  return `${formatCount(last.p50)} suspects are waiting for examination at the end (90% range ${formatCount(last.p05)} to ${formatCount(last.p95)})`;
}

export function inPostFinding(summary: Summary, scenario: Scenario, roleId: string): string {
  const role = scenario.roles.find((r) => r.id === roleId);
  const last = summary.monthly.inPost[roleId]?.at(-1);
  const posts = establishmentByRole(scenario).get(roleId) ?? 0;
  if (!role || !last) return 'Staff in post';
  const gap = posts - last.p50;
  const tail =
    gap > 0.5
      ? `${formatCount(gap)} short of ${formatCount(posts)} posts`
      : `the ${formatCount(posts)} posts are filled`;
  return `${formatCount(last.p50)} trained ${role.name.toLowerCase()}s in post at the end: ${tail}`;
}

export function histogramFinding(
  label: string,
  unit: HeadlineUnit,
  summaryStat: { p05: number; p95: number },
): string {
  return `In 9 futures out of 10, ${label.toLowerCase()}: ${formatValue(summaryStat.p05, unit)} to ${formatValue(summaryStat.p95, unit)}`;
}

export function funnelFinding(summary: Summary): string {
  const t = summary.totals;
  const share = t.suspectsArrived.p50 > 0 ? t.suspectsExamined.p50 / t.suspectsArrived.p50 : 0;
  return `${formatPercent(share)} of suspects are examined for assets, recovering about ${formatPounds(t.recovered.p50)}`;
}
