import type { HistogramBin } from '../engine/aggregate/histogram.ts';
import type { RunAggregate, Summary } from '../engine/aggregate/runAggregate.ts';
import type { TotalMetric } from '../engine/metrics.ts';
import type { Scenario } from '../scenario/schema.ts';
import { fanRows, type FanRow } from './fanSeries.ts';
import {
  backlogFinding,
  funnelFinding,
  histogramFinding,
  inPostFinding,
  productBacklogFinding,
  undeliveredFinding,
  unexaminedFinding,
} from './findings.ts';
import { formatCount, formatPounds } from './format.ts';
import { funnelStages, type FunnelStage } from './funnel.ts';
import { demandKinds, establishmentByRole, type HeadlineUnit } from './headlines.ts';
import { METRIC_INFO, metricColumn, metricTitle } from './metricInfo.ts';

/** The numbers behind a chart, as a table a screen reader or a planner can read. */
export interface ChartTable {
  caption: string;
  columns: string[];
  rows: string[][];
}

interface ChartBase {
  id: string;
  /** States the finding, e.g. "About 700 suspects a month go unexamined by the final year". */
  title: string;
  /** What the chart shows, for its text alternative. */
  description: string;
  table: ChartTable;
}

export interface FanChartSpec extends ChartBase {
  kind: 'fan';
  xLabel: string;
  yLabel: string;
  rows: FanRow[];
  /** A horizontal reference line, e.g. the establishment. */
  reference?: { value: number; label: string };
}

export interface HistogramSpec extends ChartBase {
  kind: 'histogram';
  xLabel: string;
  yLabel: string;
  unit: HeadlineUnit;
  bins: HistogramBin[];
  median: number;
}

export interface FunnelSpec extends ChartBase {
  kind: 'funnel';
  stages: FunnelStage[];
}

export type ChartSpec = FanChartSpec | HistogramSpec | FunnelSpec;

const fanTable = (caption: string, rows: FanRow[]): ChartTable => ({
  caption,
  columns: ['Month', '5th percentile', '25th', 'Median', '75th', '95th percentile'],
  rows: rows.map((r) => [
    String(r.month),
    formatCount(r.p05),
    formatCount(r.p25),
    formatCount(r.p50),
    formatCount(r.p75),
    formatCount(r.p95),
  ]),
});

const fanDescription = (what: string) =>
  `${what} by month. The line is the median across replications; the darker band holds the middle 50% of futures and the lighter band 90%.`;

/** A horizon total's histogram, named and formatted as the metric table says. */
function histogramSpec(
  id: string,
  metric: TotalMetric,
  bins: HistogramBin[],
  summary: Summary,
): HistogramSpec {
  const label = metricTitle(metric);
  const unit = METRIC_INFO[metric].unit;
  const stat = summary.totals[metric];
  const xLabel = `${label} over the horizon${unit === 'pounds' ? ' (£)' : ''}`;
  const fmt = unit === 'pounds' ? formatPounds : formatCount;
  const replications = bins.reduce((n, b) => n + b.count, 0);
  return {
    kind: 'histogram',
    id,
    title: histogramFinding(label, unit, stat),
    description: `How often each total of ${label.toLowerCase()} came up across ${replications.toLocaleString('en-GB')} replications; the marked line is the median, ${fmt(stat.p50)}.`,
    xLabel,
    yLabel: 'Replications',
    unit,
    bins,
    median: stat.p50,
    table: {
      caption: `Replications by ${label.toLowerCase()}`,
      columns: ['From', 'To', 'Replications'],
      rows: bins.map((b) => [fmt(b.x0), fmt(b.x1), String(b.count)]),
    },
  };
}

/**
 * Every results chart, each as a function that prepares it: the page builds and draws one chart
 * per frame, so no single task does the work of them all.
 */
export function resultChartBuilders(
  summary: Summary,
  aggregate: Pick<RunAggregate, 'latestHistogram'>,
  scenario: Scenario,
): (() => ChartSpec)[] {
  const builders: (() => ChartSpec)[] = [];
  const kinds = demandKinds(scenario);
  const suspects = kinds.suspects || !kinds.products;
  // A scenario of analytical products alone leads with them; beside suspects they come last.
  const productCharts = () => {
    builders.push(() => {
      const rows = fanRows(summary.monthly.undeliveredProducts);
      return {
        kind: 'fan',
        id: 'undelivered-by-month',
        title: undeliveredFinding(summary),
        description: fanDescription(metricTitle('undeliveredProducts')),
        xLabel: 'Month of the horizon',
        yLabel: 'Products not delivered (per month)',
        rows,
        table: fanTable(`${metricTitle('undeliveredProducts')}, per month`, rows),
      };
    });
    builders.push(() => {
      const rows = fanRows(summary.monthly.backlogProducts);
      return {
        kind: 'fan',
        id: 'product-backlog-by-month',
        title: productBacklogFinding(summary),
        description: fanDescription('Analytical products waiting at the end of each month'),
        xLabel: 'Month of the horizon',
        yLabel: 'Products waiting (end of month)',
        rows,
        table: fanTable('Analytical products waiting at the end of each month', rows),
      };
    });
  };
  if (!suspects) productCharts();
  if (suspects)
    builders.push(() => {
      const rows = fanRows(summary.monthly.unexaminedSuspects);
      return {
        kind: 'fan',
        id: 'unexamined-by-month',
        title: unexaminedFinding(summary),
        description: fanDescription(metricTitle('unexaminedSuspects')),
        xLabel: 'Month of the horizon',
        yLabel: `${metricColumn('unexaminedSuspects')} (per month)`,
        rows,
        table: fanTable(`${metricTitle('unexaminedSuspects')}, per month`, rows),
      };
    });
  if (suspects)
    builders.push(() => {
      const rows = fanRows(summary.monthly.backlogSuspects);
      return {
        kind: 'fan',
        id: 'backlog-by-month',
        title: backlogFinding(summary),
        description: fanDescription('Suspects waiting for examination at the end of each month'),
        xLabel: 'Month of the horizon',
        yLabel: 'Suspects waiting (end of month)',
        rows,
        table: fanTable('Suspects waiting at the end of each month', rows),
      };
    });
  const posts = establishmentByRole(scenario);
  for (const role of scenario.roles) {
    const stats = summary.monthly.inPost[role.id];
    if (!stats) continue;
    builders.push(() => {
      const rows = fanRows(stats);
      const establishment = posts.get(role.id) ?? 0;
      return {
        kind: 'fan',
        id: `in-post-${role.id}`,
        title: inPostFinding(summary, scenario, role.id),
        description: `${fanDescription(`Trained ${role.name.toLowerCase()}s in post`)} The dashed line is the establishment of ${formatCount(establishment)} posts.`,
        xLabel: 'Month of the horizon',
        yLabel: `${role.name}s in post (people)`,
        rows,
        reference: { value: establishment, label: `${formatCount(establishment)} posts` },
        table: fanTable(`Trained ${role.name.toLowerCase()}s in post by month`, rows),
      };
    });
  }
  // Read now, from the replications the summary's Stats were computed from: a running aggregate
  // goes on receiving replications before the charts are drawn.
  if (!suspects) {
    const undelivered = aggregate.latestHistogram('undeliveredProducts');
    builders.push(() =>
      histogramSpec('undelivered-total', 'undeliveredProducts', undelivered, summary),
    );
    return builders;
  }
  const unexamined = aggregate.latestHistogram('unexaminedSuspects');
  const missed = aggregate.latestHistogram('missedRecovery');
  builders.push(() => histogramSpec('unexamined-total', 'unexaminedSuspects', unexamined, summary));
  builders.push(() => histogramSpec('missed-recovery-total', 'missedRecovery', missed, summary));
  builders.push(() => {
    const stages = funnelStages(summary);
    return {
      kind: 'funnel',
      id: 'funnel',
      title: funnelFinding(summary),
      description:
        'From suspects arriving to suspects examined, to examined suspects holding assets, to the money recovered (medians over the horizon).',
      stages,
      table: {
        caption: 'From arrival to recovery over the horizon (medians)',
        columns: ['Stage', 'Value', 'Note'],
        rows: stages.map((s) => [s.label, s.display, s.note]),
      },
    };
  });
  if (kinds.products) productCharts();
  return builders;
}

/** Every results chart, with its data prepared, its finding as a title and its table. */
export function resultCharts(
  summary: Summary,
  aggregate: Pick<RunAggregate, 'latestHistogram'>,
  scenario: Scenario,
): ChartSpec[] {
  return resultChartBuilders(summary, aggregate, scenario).map((build) => build());
}
