import type { Summary } from '../engine/aggregate/runAggregate.ts';
import type { ChartTable } from '../results/charts.ts';
import { fanRows, type FanRow } from '../results/fanSeries.ts';
import { formatCount } from '../results/format.ts';
import { aboutCount } from './sentence.ts';
import type { OptionsRun } from './compareOptions.ts';

/** One run on an overlay chart: its name and its monthly median and bands. */
export interface OverlaySeries {
  name: string;
  rows: FanRow[];
}

/** Baseline and options on one fan chart: each run's median line and its 90% band. */
export interface OverlaySpec {
  id: string;
  title: string;
  description: string;
  xLabel: string;
  yLabel: string;
  /** The baseline first, then each option in order. */
  series: OverlaySeries[];
  table: ChartTable;
}

function overlay(
  run: OptionsRun,
  id: string,
  what: string,
  yLabel: string,
  pick: (summary: Summary) => FanRow[],
  title: (last: { name: string; p50: number }[]) => string,
): OverlaySpec {
  const series: OverlaySeries[] = [
    { name: 'Baseline', rows: pick(run.baseline.summary) },
    ...run.options.map((o) => ({ name: o.name, rows: pick(o.run.summary) })),
  ];
  const months = series[0]!.rows.length;
  const last = series.map((s) => ({ name: s.name, p50: s.rows[months - 1]?.p50 ?? NaN }));
  return {
    id,
    title: title(last),
    description: `${what} by month, for the baseline and each option on the same seed. Each line is a run's median across replications and its shaded band holds 90% of futures; lines differ in colour, dash and marker.`,
    xLabel: 'Month of the horizon',
    yLabel,
    series,
    table: {
      caption: `${what} by month (median; 90% of futures between the 5th and 95th percentiles)`,
      columns: ['Month', ...series.map((s) => `${s.name}: median (5th to 95th)`)],
      rows: Array.from({ length: months }, (_, t) => [
        String(t + 1),
        ...series.map((s) => {
          const r = s.rows[t]!;
          return `${formatCount(r.p50)} (${formatCount(r.p05)} to ${formatCount(r.p95)})`;
        }),
      ]),
    },
  };
}

/** "Baseline about 700 a month by the last month; Fill the 60 vacancies about 330". */
function lastMonthTitle(what: string) {
  return (last: { name: string; p50: number }[]) =>
    `${what} in the last month: ${last.map((l) => `${l.name} about ${aboutCount(l.p50)}`).join('; ')}`;
}

/**
 * The overlay charts of an options run: the items lost each month (suspects not examined, or
 * products not delivered) and, for each role, the trained staff in post.
 */
export function optionCharts(run: OptionsRun): OverlaySpec[] {
  const products = run.options[0]?.lead === 'undeliveredProducts';
  const charts: OverlaySpec[] = [
    products
      ? overlay(
          run,
          'options-undelivered',
          'Analytical products not delivered',
          'Products not delivered (per month)',
          (s) => fanRows(s.monthly.undeliveredProducts),
          lastMonthTitle('Products not delivered'),
        )
      : overlay(
          run,
          'options-unexamined',
          'Suspects not examined',
          'Suspects not examined (per month)',
          (s) => fanRows(s.monthly.unexaminedSuspects),
          lastMonthTitle('Suspects not examined'),
        ),
  ];
  for (const role of run.baseline.scenario.roles) {
    if (!run.baseline.summary.monthly.inPost[role.id]) continue;
    charts.push(
      overlay(
        run,
        `options-in-post-${role.id}`,
        `Trained ${role.name.toLowerCase()}s in post`,
        `${role.name}s in post (people)`,
        (s) => fanRows(s.monthly.inPost[role.id] ?? []),
        lastMonthTitle(`${role.name}s in post`),
      ),
    );
  }
  return charts;
}
