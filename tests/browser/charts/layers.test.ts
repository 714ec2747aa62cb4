import { flushSync, mount, unmount, type Component } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import AxisX from '../../../src/charts/AxisX.svelte';
import AxisY from '../../../src/charts/AxisY.svelte';
import Band from '../../../src/charts/Band.svelte';
import Bars from '../../../src/charts/Bars.svelte';
import Dots from '../../../src/charts/Dots.svelte';
import FanChart from '../../../src/charts/FanChart.svelte';
import Funnel from '../../../src/charts/Funnel.svelte';
import HBars from '../../../src/charts/HBars.svelte';
import Histogram from '../../../src/charts/Histogram.svelte';
import Line from '../../../src/charts/Line.svelte';
import RuleX from '../../../src/charts/RuleX.svelte';
import RuleY from '../../../src/charts/RuleY.svelte';
import type { FanChartSpec, FunnelSpec, HistogramSpec } from '../../../src/results/charts.ts';
import InChart from './InChart.svelte';

let mounted: ReturnType<typeof mount> | undefined;

afterEach(() => {
  if (mounted) void unmount(mounted);
  mounted = undefined;
  document.body.innerHTML = '';
});

/**
 * Draws one layer in a 400 × 200 chart with no margins: x from 0 to 100 is 0 to 400 pixels,
 * and y from 0 to 1 is 200 to 0 pixels, so every expected coordinate is plain arithmetic.
 */
function draw<P extends Record<string, unknown>>(layer: Component<P>, props: P): SVGGElement {
  const target = document.createElement('div');
  document.body.append(target);
  mounted = mount(InChart<P>, {
    target,
    props: { layer, props, xDomain: [0, 100], yDomain: [0, 1] },
  });
  flushSync();
  const plot = target.querySelector<SVGGElement>('svg > g');
  if (!plot) throw new Error('The chart drew no plot area.');
  return plot;
}

/**
 * Draws a whole chart from its spec, as the results page does, and returns its plot area. The
 * default margins (16 top, 88 right, 52 bottom, 80 left) and a height of `height` give a plot of
 * (2 × height − 168) × (height − 68) pixels.
 */
function drawChart<P extends Record<string, unknown>>(chart: Component<P>, props: P): SVGGElement {
  const target = document.createElement('div');
  document.body.append(target);
  mounted = mount(chart, { target, props });
  flushSync();
  const plot = target.querySelector<SVGGElement>('svg > g');
  if (!plot) throw new Error('The chart drew no plot area.');
  return plot;
}

const attr = (el: Element, name: string) => Number(el.getAttribute(name));
/** A coordinate to the thousandth of a pixel, as d3 writes paths: scales' float noise aside. */
const px = (value: number) => Math.round(value * 1000) / 1000;
/** The x and y of an element's `translate(x,y)`. */
function translate(el: Element): [number, number] {
  const match = /translate\(([^,]+),([^)]+)\)/.exec(el.getAttribute('transform') ?? '');
  if (!match) throw new Error(`No translate on ${el.outerHTML}`);
  return [px(Number(match[1])), px(Number(match[2]))];
}
/** Each tick of an axis: where it sits and what it says. */
const ticks = (axis: Element) =>
  [...axis.querySelectorAll(':scope > g')].map((g) => ({
    at: translate(g),
    text: g.querySelector('text')?.textContent,
  }));
const rectBox = (r: Element) => ['x', 'y', 'width', 'height'].map((n) => px(attr(r, n)));

describe('HBars', () => {
  it('draws each bar from x0 to x, whichever side of x0 it falls, one row each', () => {
    const plot = draw(HBars, {
      data: [
        { x0: 50, x: 20, label: 'Low', value: '20', fill: '#000000' },
        { x0: 50, x: 75, fill: '#000000' },
      ],
    });
    const rects = [...plot.querySelectorAll('rect')];
    expect(rects.map((r) => [attr(r, 'x'), attr(r, 'width')])).toEqual([
      [80, 120],
      [200, 100],
    ]);
    // Two rows of 100 pixels, each bar under a 22-pixel label line and 10 pixels short of the next.
    expect(rects.map((r) => attr(r, 'height'))).toEqual([68, 68]);
    expect(rects.map((r) => r.parentElement?.getAttribute('transform'))).toEqual([
      'translate(0,0)',
      'translate(0,100)',
    ]);
  });

  it('starts a bar with no x0 at zero and writes only the labels it is given', () => {
    const plot = draw(HBars, {
      data: [
        { x: 25, label: 'Arrived', value: '1,000', note: 'all', fill: '#000000' },
        { x: 0, fill: '#000000' },
      ],
    });
    const rects = [...plot.querySelectorAll('rect')];
    expect(rects.map((r) => [attr(r, 'x'), attr(r, 'width')])).toEqual([
      [0, 100],
      [0, 2],
    ]);
    expect([...plot.querySelectorAll('text')].map((t) => t.textContent)).toEqual([
      'Arrived: 1,000 (all)',
    ]);
  });
});

describe('Line', () => {
  it('joins the points in data order on the chart scales', () => {
    const plot = draw(Line<{ x: number; y: number }>, {
      data: [
        { x: 0, y: 0 },
        { x: 50, y: 0.5 },
        { x: 100, y: 1 },
      ],
      x: (d: { x: number }) => d.x,
      y: (d: { y: number }) => d.y,
      stroke: '#000000',
    });
    expect(plot.querySelector('path')?.getAttribute('d')).toBe('M0,200L200,100L400,0');
  });
});

describe('Band', () => {
  it('encloses the area between y0 and y1, along the top and back along the bottom', () => {
    const plot = draw(Band<{ x: number; lo: number; hi: number }>, {
      data: [
        { x: 0, lo: 0.25, hi: 0.75 },
        { x: 100, lo: 0, hi: 1 },
      ],
      x: (d: { x: number }) => d.x,
      y0: (d: { lo: number }) => d.lo,
      y1: (d: { hi: number }) => d.hi,
      fill: '#000000',
    });
    expect(plot.querySelector('path')?.getAttribute('d')).toBe('M0,50L400,0L400,200L0,150Z');
  });
});

describe('Dots', () => {
  it('centres each dot on its point, with the radius asked for', () => {
    const plot = draw(Dots<{ x: number; y: number }>, {
      data: [
        { x: 10, y: 0.25 },
        { x: 90, y: 0.75 },
      ],
      x: (d: { x: number }) => d.x,
      y: (d: { y: number }) => d.y,
      fill: '#000000',
      r: (d: { x: number }) => (d.x > 50 ? 6 : 3),
    });
    const dots = [...plot.querySelectorAll('circle')];
    expect(dots.map((c) => [attr(c, 'cx'), attr(c, 'cy'), attr(c, 'r')])).toEqual([
      [40, 150, 3],
      [360, 50, 6],
    ]);
  });
});

describe('rules', () => {
  it('puts RuleX at its x, from the top of the plot to the bottom', () => {
    const plot = draw(RuleX, {
      value: 25,
      label: 'base',
      stroke: '#000000',
      textColour: '#000000',
    });
    expect(plot.querySelector('g')?.getAttribute('transform')).toBe('translate(100,0)');
    expect(attr(plot.querySelector('line')!, 'y2')).toBe(200);
  });

  it('puts RuleY at its y, across the whole plot', () => {
    const plot = draw(RuleY, {
      value: 0.75,
      label: 'target',
      stroke: '#000000',
      textColour: '#000000',
    });
    expect(plot.querySelector('g')?.getAttribute('transform')).toBe('translate(0,50)');
    expect(attr(plot.querySelector('line')!, 'x2')).toBe(400);
  });
});

describe('Bars', () => {
  it('draws each bar from x0 to x1 with a pixel’s gap, and from zero up to y', () => {
    const plot = draw(Bars, {
      data: [
        { x0: 0, x1: 25, y: 0.5 },
        { x0: 25, x1: 50, y: 1 },
        { x0: 50, x1: 100, y: 0 },
      ],
      fill: '#000000',
    });
    expect([...plot.querySelectorAll('rect')].map(rectBox)).toEqual([
      [0.5, 100, 99, 100],
      [100.5, 0, 99, 200],
      [200.5, 200, 199, 0],
    ]);
  });
});

describe('axes', () => {
  it('puts AxisX along the bottom with a tick per 80 pixels at most, each at its value', () => {
    const plot = draw(AxisX, { label: 'Month', format: (v: number) => `${v}m` });
    const axis = plot.querySelector(':scope > g')!;
    expect(translate(axis)).toEqual([0, 200]);
    // 400 pixels hold five gaps: ticks every 20 from 0 to 100.
    expect(ticks(axis)).toEqual([
      { at: [0, 0], text: '0m' },
      { at: [80, 0], text: '20m' },
      { at: [160, 0], text: '40m' },
      { at: [240, 0], text: '60m' },
      { at: [320, 0], text: '80m' },
      { at: [400, 0], text: '100m' },
    ]);
    const title = axis.querySelector(':scope > text')!;
    expect([title.textContent, attr(title, 'x')]).toEqual(['Month', 200]);
  });

  it('gives AxisX fewer ticks when asked for fewer', () => {
    const plot = draw(AxisX, { label: 'Month', ticks: 2 });
    expect(ticks(plot.querySelector(':scope > g')!)).toEqual([
      { at: [0, 0], text: '0' },
      { at: [200, 0], text: '50' },
      { at: [400, 0], text: '100' },
    ]);
  });

  it('puts AxisY’s ticks at their values, bottom to top, each with a grid line across', () => {
    const plot = draw(AxisY, { label: 'Share', format: (v: number) => `${v * 100}%` });
    const axis = plot.querySelector(':scope > g')!;
    expect(ticks(axis)).toEqual([
      { at: [0, 200], text: '0%' },
      { at: [0, 160], text: '20%' },
      { at: [0, 120], text: '40%' },
      { at: [0, 80], text: '60%' },
      { at: [0, 40], text: '80%' },
      { at: [0, 0], text: '100%' },
    ]);
    for (const line of axis.querySelectorAll(':scope > g > line'))
      expect(attr(line, 'x2')).toBe(400);
    expect(axis.querySelector(':scope > text')?.getAttribute('transform')).toBe(
      'translate(-66,100) rotate(-90)',
    );
  });
});

const base = { id: 'c', title: 'A chart', description: 'What it shows.' };
const table = { caption: 'Numbers', columns: [], rows: [] as string[][] };

describe('Histogram', () => {
  it('draws a bar per bin on a y axis running a tenth past the tallest, and the median', () => {
    // Height 308: a 448 × 240 plot. Bins span 0 to 448, so x is in pixels; the tallest bin, 100,
    // gives a y domain of 110, made nice as 0 to 120, so y(v) = 240 − 2v.
    const plot = drawChart(Histogram, {
      spec: {
        ...base,
        kind: 'histogram',
        xLabel: 'Total',
        yLabel: 'Replications',
        unit: 'count',
        bins: [
          { x0: 0, x1: 112, count: 100 },
          { x0: 112, x1: 224, count: 60 },
          { x0: 224, x1: 336, count: 20 },
          { x0: 336, x1: 448, count: 0 },
        ],
        median: 140,
        table,
      } satisfies HistogramSpec,
      descriptionId: 'd',
      height: 308,
    });
    expect([...plot.querySelectorAll(':scope > rect')].map(rectBox)).toEqual([
      [0.5, 40, 111, 200],
      [112.5, 120, 111, 120],
      [224.5, 200, 111, 40],
      [336.5, 240, 111, 0],
    ]);
    const [yAxis, xAxis, median] = plot.querySelectorAll(':scope > g');
    expect(ticks(yAxis!).map((t) => t.at[1])).toEqual([240, 200, 160, 120, 80, 40, 0]);
    expect(ticks(yAxis!).at(-1)?.text).toBe('120');
    expect(translate(xAxis!)).toEqual([0, 240]);
    expect(translate(median!)).toEqual([140, 0]);
    expect(median!.textContent).toContain('median 140');
  });
});

describe('FanChart', () => {
  const row = (month: number, p50: number) => ({
    month,
    p05: p50 - 20,
    p25: p50 - 10,
    p50,
    p75: p50 + 10,
    p95: p50 + 20,
    mean: p50,
  });

  it('draws the 90% and 50% bands and the median line by month, and the reference', () => {
    // Height 288: a 408 × 220 plot. Five months put a month every 102 pixels; the highest 95th
    // percentile, 100, gives a y domain of 105, made nice as 0 to 110, so y(v) = 220 − 2v.
    const plot = drawChart(FanChart, {
      spec: {
        ...base,
        kind: 'fan',
        xLabel: 'Month',
        yLabel: 'Suspects',
        rows: [row(1, 40), row(2, 50), row(3, 60), row(4, 70), row(5, 80)],
        reference: { value: 55, label: '55 posts' },
        table,
      } satisfies FanChartSpec,
      descriptionId: 'd',
      height: 288,
    });
    const paths = [...plot.querySelectorAll(':scope > path')].map((p) => p.getAttribute('d'));
    expect(paths).toEqual([
      'M0,100L102,80L204,60L306,40L408,20L408,100L306,120L204,140L102,160L0,180Z',
      'M0,120L102,100L204,80L306,60L408,40L408,80L306,100L204,120L102,140L0,160Z',
      'M0,140L102,120L204,100L306,80L408,60',
    ]);
    const [, xAxis, reference] = plot.querySelectorAll(':scope > g');
    expect(ticks(xAxis!).map((t) => [t.at[0], t.text])).toEqual([
      [0, '1'],
      [102, '2'],
      [204, '3'],
      [306, '4'],
      [408, '5'],
    ]);
    expect(translate(reference!)).toEqual([0, 110]);
  });
});

describe('Funnel', () => {
  it('draws a row per stage, each bar as long as its share of the whole width', () => {
    // Height 320 with the funnel's margins (8 top and bottom, 8 left, 24 right): a 608 × 304 plot,
    // four rows of 76 pixels.
    const stage = (id: string, share: number) => ({
      id,
      label: id,
      value: share * 1000,
      display: String(share * 1000),
      share,
      note: `${share * 100}%`,
    });
    const plot = drawChart(Funnel, {
      spec: {
        ...base,
        kind: 'funnel',
        stages: [
          stage('Arrived', 1),
          stage('Examined', 0.5),
          stage('Holding', 0.25),
          stage('Recovered', 0),
        ],
        table,
      } satisfies FunnelSpec,
      descriptionId: 'd',
    });
    expect(translate(plot)).toEqual([8, 8]);
    const rows = [...plot.querySelectorAll(':scope > g')];
    expect(rows.map(translate)).toEqual([
      [0, 0],
      [0, 76],
      [0, 152],
      [0, 228],
    ]);
    // An empty stage keeps a 2-pixel sliver, so the row still shows where its bar would be.
    expect(rows.map((g) => rectBox(g.querySelector('rect')!))).toEqual([
      [0, 22, 608, 44],
      [0, 22, 304, 44],
      [0, 22, 152, 44],
      [0, 22, 2, 44],
    ]);
    expect(rows.map((g) => g.querySelector('text')?.textContent)).toEqual([
      'Arrived: 1000 (100%)',
      'Examined: 500 (50%)',
      'Holding: 250 (25%)',
      'Recovered: 0 (0%)',
    ]);
  });
});
