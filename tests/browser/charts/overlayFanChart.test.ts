import { flushSync, mount, unmount } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import FanChart from '../../../src/charts/FanChart.svelte';
import OverlayFanChart from '../../../src/charts/OverlayFanChart.svelte';
import { seriesStyle } from '../../../src/charts/palette.ts';
import type { OverlaySpec } from '../../../src/options/optionCharts.ts';
import type { FanChartSpec } from '../../../src/results/charts.ts';
import type { FanRow } from '../../../src/results/fanSeries.ts';

const rows = (level: number, months = 24): FanRow[] =>
  Array.from({ length: months }, (_, i) => ({
    month: i + 1,
    p05: level * 0.8,
    p25: level * 0.9,
    p50: level,
    p75: level * 1.1,
    p95: level * 1.2,
    mean: level,
  }));

const table = { caption: 'c', columns: ['Month'], rows: [] };

let mounted: ReturnType<typeof mount> | undefined;
afterEach(() => {
  if (mounted) unmount(mounted);
  mounted = undefined;
  document.body.innerHTML = '';
});

function draw(component: typeof OverlayFanChart | typeof FanChart, spec: unknown): SVGSVGElement {
  const target = document.createElement('div');
  document.body.append(target);
  mounted = mount(component as typeof OverlayFanChart, {
    target,
    props: { spec: spec as OverlaySpec, descriptionId: 'd' },
  });
  flushSync();
  return target.querySelector('svg')!;
}

const yTicks = (svg: SVGSVGElement) =>
  [...svg.querySelectorAll('text[text-anchor="end"]')].map((t) => t.textContent);

describe('OverlayFanChart', () => {
  const spec: OverlaySpec = {
    id: 'o',
    title: 'Baseline and two options',
    description: 'd',
    xLabel: 'Month',
    yLabel: 'Suspects',
    series: [
      { name: 'Baseline', rows: rows(400) },
      { name: 'A', rows: rows(300) },
      { name: 'B', rows: rows(350) },
    ],
    table,
  };

  it('draws each run’s median in its own colour and dash, with its own markers', () => {
    const svg = draw(OverlayFanChart, spec);
    const lines = [...svg.querySelectorAll('path[fill="none"][stroke-width="2.5"]')];
    expect(lines.map((l) => l.getAttribute('stroke'))).toEqual(
      [0, 1, 2].map((i) => seriesStyle(i).colour),
    );
    expect(lines.map((l) => l.getAttribute('stroke-dasharray'))).toEqual([
      null,
      seriesStyle(1).dash,
      seriesStyle(2).dash,
    ]);
    // One band per run, then markers every six months and at the last month.
    const markers = [...svg.querySelectorAll('path[transform^="translate"]')];
    expect(markers.length).toBeGreaterThanOrEqual(3 * 4);
    const shapes = new Set(markers.map((m) => m.getAttribute('d')));
    expect(shapes.size).toBe(3);
  });

  it('keeps a flat zero axis for runs that are always zero', () => {
    const zero = { ...spec, series: spec.series.map((s) => ({ ...s, rows: rows(0) })) };
    const ticks = yTicks(draw(OverlayFanChart, zero));
    expect(ticks).toEqual(['0', '1']);
  });
});

describe('FanChart with nothing in it', () => {
  it('shows whole-number ticks, not 200m to 800m', () => {
    const spec: FanChartSpec = {
      kind: 'fan',
      id: 'z',
      title: 'Nothing',
      description: 'd',
      xLabel: 'Month',
      yLabel: 'Suspects',
      rows: rows(0),
      table,
    };
    const ticks = yTicks(draw(FanChart, spec));
    expect(ticks).toEqual(['0', '1']);
    expect(ticks.some((t) => /m$/.test(t ?? ''))).toBe(false);
  });
});
