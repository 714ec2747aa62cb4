import { scaleLinear } from 'd3-scale';
import type { ChartTable } from '../results/charts.ts';
import { labelInSentence, tornadoFinding } from './findings.ts';
import { METRIC_LABELS } from '../results/metricInfo.ts';
import { formatNumber } from './tableText.ts';
import { notRunNotes, type Tornado, type TornadoRow } from './tornado.ts';
import { RANGE_HIGH, RANGE_LOW } from './uncertainRanges.ts';

/** One input's bars: from the base mean to the mean with the input low, and with it high. */
export interface TornadoChartRow {
  label: string;
  /** The swing, in words, written after the label. */
  value: string;
  /** The low and high settings, in words, or (`detail` given) only the settings not run. */
  note: string;
  /** Uncertain ranges: the low and high settings and the median, for a line of their own. */
  detail?: string;
  lowMean: number;
  highMean: number;
}

/** What a tornado chart draws, prepared: rows largest swing first, the base as a rule. */
export interface TornadoChartSpec {
  kind: 'tornado';
  id: string;
  title: string;
  description: string;
  xLabel: string;
  /** Rounded outwards to whole ticks, and never empty. */
  xDomain: [number, number];
  base: { value: number; label: string };
  rows: TornadoChartRow[];
  /** Settings not run and why, one line each, for under the chart: too long for a row's note. */
  notRun: string[];
  /** The legend's words for the low and the high bars. */
  legend: { low: string; high: string };
  table: ChartTable;
}

/** A domain holding every value, widened when they are all the same so the scale is not flat. */
export function niceDomain(values: readonly number[]): [number, number] {
  const finite = values.filter(Number.isFinite);
  let lo = Math.min(...finite, Infinity);
  let hi = Math.max(...finite, -Infinity);
  if (!(lo <= hi)) [lo, hi] = [0, 1];
  if (lo === hi) {
    const pad = Math.abs(lo) * 0.05 || 1;
    [lo, hi] = [lo - pad, hi + pad];
  }
  const [a, b] = scaleLinear().domain([lo, hi]).nice().domain() as [number, number];
  return [a, b];
}

export function tornadoChartSpec(t: Tornado): TornadoChartSpec {
  const metric = METRIC_LABELS[t.metric];
  const top = t.rows[0];
  const ranges = t.swing === 'ranges';
  const moved = ranges
    ? `each uncertain assumption set to its own ${RANGE_LOW * 100}th and then its ${RANGE_HIGH * 100}th percentile, the others at their medians`
    : `each input set low and then high (${t.swingLabel}), everything else at its base value`;
  return {
    kind: 'tornado',
    id: `tornado-${t.metric}`,
    title: tornadoFinding(t),
    description:
      `Mean ${metric} over the horizon with ${moved}, every run on seed "${t.seed}". ` +
      `Each row's bars run from the base mean of ${formatNumber(t.baseMean)} (the dashed line${ranges ? ', every uncertain assumption at its median' : ''}) to the mean with the ${ranges ? 'assumption' : 'input'} low and with it high; the widest row is at the top` +
      (top ? ` (${labelInSentence(t, top.label)}).` : '.'),
    xLabel: `Mean ${metric} over the horizon`,
    xDomain: niceDomain(t.rows.flatMap((r) => [r.lowMean, r.highMean]).concat(t.baseMean)),
    base: { value: t.baseMean, label: `base ${formatNumber(t.baseMean)}` },
    rows: t.rows.map((r) => {
      const notRun = (['low', 'high'] as const)
        .filter((side) => r.notRun?.[side] !== undefined)
        .map((side) => `${side} setting not run`);
      // A planner's label is long: an assumption's settings get a line of their own.
      const detail = ranges
        ? `from ${r.lowSetting} to ${r.highSetting}` +
          (r.median === undefined ? '' : `; median ${formatNumber(r.median)}`)
        : undefined;
      return {
        label: r.label,
        value: `swing ${formatNumber(r.swing)}`,
        note: (detail ? notRun : [`low ${r.lowSetting}, high ${r.highSetting}`, ...notRun]).join(
          '; ',
        ),
        ...(detail ? { detail } : {}),
        lowMean: r.lowMean,
        highMean: r.highMean,
      };
    }),
    notRun: t.rows.flatMap((r) => notRunNotes(r).map((line) => `${r.label}: ${line}`)),
    legend: ranges
      ? {
          low: `assumption at its ${RANGE_LOW * 100}th percentile`,
          high: `assumption at its ${RANGE_HIGH * 100}th percentile`,
        }
      : { low: 'input at its low value', high: 'input at its high value' },
    table: {
      caption: `One-at-a-time sensitivity, ${ranges ? 'uncertain assumptions across their ranges' : t.swingLabel}: mean ${metric}, ${t.replications} replications, seed "${t.seed}"`,
      columns: [
        ranges ? 'Uncertain assumption' : 'Input',
        'Low setting',
        'High setting',
        ...(ranges ? ['Median'] : []),
        'Mean at low',
        'Mean at high',
        'Swing',
      ],
      rows: t.rows.map((r) => [
        r.unit ? `${r.label} (${r.unit})` : r.label,
        settingCell(r, 'low'),
        settingCell(r, 'high'),
        ...(ranges ? [r.median === undefined ? '' : formatNumber(r.median)] : []),
        formatNumber(r.lowMean),
        formatNumber(r.highMean),
        formatNumber(r.swing),
      ]),
    },
  };
}

/** A setting in words, and why it was not run if it was not. */
function settingCell(r: TornadoRow, side: 'low' | 'high'): string {
  const setting = side === 'low' ? r.lowSetting : r.highSetting;
  const reason = r.notRun?.[side];
  return reason === undefined ? setting : `${setting} (not run: ${reason})`;
}
