import { scaleLinear } from 'd3-scale';
import type { ChartTable } from '../results/charts.ts';
import { tornadoFinding } from './findings.ts';
import { METRIC_LABELS } from '../results/metricInfo.ts';
import { formatNumber } from './tableText.ts';
import { notRunNotes, type Tornado, type TornadoRow } from './tornado.ts';

/** One input's bars: from the base mean to the mean with the input low, and with it high. */
export interface TornadoChartRow {
  label: string;
  /** The swing, in words, written after the label. */
  value: string;
  /** The low and high settings, in words. */
  note: string;
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
  return {
    kind: 'tornado',
    id: `tornado-${t.metric}`,
    title: tornadoFinding(t),
    description:
      `Mean ${metric} over the horizon with each input set low and then high, everything else at its base value and every run on seed "${t.seed}". ` +
      `Each row's bars run from the base mean of ${formatNumber(t.baseMean)} (the dashed line) to the mean with the input low and with it high; the widest row is at the top` +
      (top ? ` (${top.label.toLowerCase()}).` : '.'),
    xLabel: `Mean ${metric} over the horizon`,
    xDomain: niceDomain(t.rows.flatMap((r) => [r.lowMean, r.highMean]).concat(t.baseMean)),
    base: { value: t.baseMean, label: `base ${formatNumber(t.baseMean)}` },
    rows: t.rows.map((r) => ({
      label: r.label,
      value: `swing ${formatNumber(r.swing)}`,
      note: [
        `low ${r.lowSetting}, high ${r.highSetting}`,
        ...(['low', 'high'] as const)
          .filter((side) => r.notRun?.[side] !== undefined)
          .map((side) => `${side} setting not run`),
      ].join('; '),
      lowMean: r.lowMean,
      highMean: r.highMean,
    })),
    notRun: t.rows.flatMap((r) => notRunNotes(r).map((line) => `${r.label}: ${line}`)),
    table: {
      caption: `One-at-a-time sensitivity: mean ${metric}, ${t.replications} replications, seed "${t.seed}"`,
      columns: ['Input', 'Low setting', 'High setting', 'Mean at low', 'Mean at high', 'Swing'],
      rows: t.rows.map((r) => [
        `${r.label} (${r.unit})`,
        settingCell(r, 'low'),
        settingCell(r, 'high'),
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
