import { flushSync, mount, unmount, type Component } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import Band from '../../../src/charts/Band.svelte';
import Dots from '../../../src/charts/Dots.svelte';
import HBars from '../../../src/charts/HBars.svelte';
import Line from '../../../src/charts/Line.svelte';
import RuleX from '../../../src/charts/RuleX.svelte';
import RuleY from '../../../src/charts/RuleY.svelte';
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

const attr = (el: Element, name: string) => Number(el.getAttribute(name));

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
