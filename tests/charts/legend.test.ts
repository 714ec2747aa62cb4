import { describe, expect, it } from 'vitest';
import { legendOf, overlayLegend, unitsOf } from '../../src/charts/legend.ts';
import { PALETTE, seriesStyle } from '../../src/charts/palette.ts';
import { resultCharts } from '../../src/results/charts.ts';
import { smallRun } from '../results/smallRun.ts';

describe('legendOf', () => {
  const { summary, aggregate, scenario } = smallRun(20);
  const charts = resultCharts(summary, aggregate, scenario);

  it('names the median and both bands of a fan chart, and the establishment where drawn', () => {
    const unexamined = charts.find((c) => c.id === 'unexamined-by-month')!;
    expect(legendOf(unexamined).map((i) => i.label)).toEqual([
      'median',
      'middle 50% of futures',
      '90% of futures',
    ]);
    const inPost = charts.find((c) => c.id.startsWith('in-post-'))!;
    const last = legendOf(inPost).at(-1)!;
    expect(last).toEqual({ label: 'establishment', colour: PALETTE.vermillion, mark: 'dashed' });
  });

  it('names a histogram’s bars and its median line', () => {
    const histogram = charts.find((c) => c.kind === 'histogram')!;
    expect(legendOf(histogram).map((i) => i.mark)).toEqual(['bar', 'line']);
  });

  it('gives the funnel, whose bars are labelled, no key', () => {
    expect(legendOf(charts.find((c) => c.kind === 'funnel')!)).toEqual([]);
  });
});

describe('overlayLegend', () => {
  it('names each run with its marker in words, in its colour, dash and marker, then the bands', () => {
    const items = overlayLegend({
      series: [
        { name: 'Baseline', rows: [] },
        { name: 'Option A', rows: [] },
      ],
    });
    expect(items.map((i) => i.label)).toEqual([
      'Baseline (circles)',
      'Option A (squares)',
      'shaded: 90% of futures',
    ]);
    expect(items[0]).toEqual({
      label: 'Baseline (circles)',
      colour: seriesStyle(0).colour,
      mark: 'line',
      marker: 'circle',
    });
    expect(items[1]!.dash).toBe(seriesStyle(1).dash);
    expect(items[2]!.mark).toBe('band');
  });
});

describe('unitsOf', () => {
  it('reads both axes’ labels, with their units', () => {
    expect(
      unitsOf({ xLabel: 'Month of the horizon', yLabel: 'Suspects waiting (end of month)' }),
    ).toBe('Across: Month of the horizon. Up: Suspects waiting (end of month).');
    expect(unitsOf({ kind: 'funnel' })).toBe('');
  });
});
