import type { OverlaySpec } from '../options/optionCharts.ts';
import type { ChartSpec } from '../results/charts.ts';
import { PALETTE, seriesStyle, type MarkerShape } from './palette.ts';

/** One entry of a chart's key: how its mark looks and what it stands for. */
export interface LegendItem {
  label: string;
  colour: string;
  mark: 'line' | 'dashed' | 'band' | 'bar';
  /** For bands drawn see-through, as the chart draws them. */
  opacity?: number;
  /** A line's own dash pattern (SVG stroke-dasharray), for runs told apart by dash. */
  dash?: string;
  /** The marker drawn on a line, for runs told apart by marker. */
  marker?: MarkerShape;
}

/** The key of a results chart, read by the page's key and by every exported picture alike. */
export function legendOf(spec: ChartSpec): LegendItem[] {
  if (spec.kind === 'fan') {
    return [
      { label: 'median', colour: PALETTE.blue, mark: 'line' },
      { label: 'middle 50% of futures', colour: PALETTE.sky, mark: 'band', opacity: 0.75 },
      { label: '90% of futures', colour: PALETTE.sky, mark: 'band', opacity: 0.35 },
      ...(spec.reference
        ? [{ label: 'establishment', colour: PALETTE.vermillion, mark: 'dashed' as const }]
        : []),
    ];
  }
  if (spec.kind === 'histogram') {
    return [
      { label: 'replications in each range', colour: PALETTE.blue, mark: 'bar' },
      { label: 'median', colour: PALETTE.vermillion, mark: 'line' },
    ];
  }
  return [];
}

/**
 * The key of a chart of the baseline and options: each run's line in its colour, dash and
 * marker, named with the marker in words so it also reads in greyscale, then the bands.
 */
export function overlayLegend(spec: Pick<OverlaySpec, 'series'>): LegendItem[] {
  return [
    ...spec.series.map((series, i): LegendItem => {
      const style = seriesStyle(i);
      return {
        label: `${series.name} (${style.marker}s)`,
        colour: style.colour,
        mark: 'line',
        ...(style.dash ? { dash: style.dash } : {}),
        marker: style.marker,
      };
    }),
    { label: 'shaded: 90% of futures', colour: PALETTE.muted, mark: 'band', opacity: 0.2 },
  ];
}

/** The units a chart's axes are in, in words, for an exported picture's footer. */
export function unitsOf(spec: object): string {
  const label = (key: 'xLabel' | 'yLabel') => {
    const value = (spec as Partial<Record<typeof key, unknown>>)[key];
    return typeof value === 'string' ? value : '';
  };
  const [across, up] = [label('xLabel'), label('yLabel')];
  return [across && `Across: ${across}.`, up && `Up: ${up}.`].filter(Boolean).join(' ');
}
