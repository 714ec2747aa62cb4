import { flushSync, mount, unmount } from 'svelte';
import type { ChartSpec } from '../results/charts.ts';
import ChartFigure from './ChartFigure.svelte';

const MONTHS = 48;

/** Charts of each kind, of a run's usual size, drawn from made-up numbers never shown. */
export function warmUpSpecs(): ChartSpec[] {
  const table = { caption: '', columns: [], rows: [] };
  const rows = Array.from({ length: MONTHS }, (_, i) => {
    const p50 = 100 + 2 * i;
    return {
      month: i + 1,
      p05: p50 - 40,
      p25: p50 - 15,
      p50,
      p75: p50 + 15,
      p95: p50 + 40,
      mean: p50,
    };
  });
  const bins = Array.from({ length: 30 }, (_, i) => ({
    x0: i * 1000,
    x1: (i + 1) * 1000,
    count: 30 - Math.abs(15 - i),
  }));
  const text = { title: '', description: '', table };
  return [
    {
      kind: 'fan',
      id: 'warm-fan',
      ...text,
      xLabel: '',
      yLabel: '',
      rows,
      reference: { value: 150, label: '' },
    },
    {
      kind: 'histogram',
      id: 'warm-histogram',
      ...text,
      xLabel: '',
      yLabel: '',
      unit: 'pounds',
      bins,
      median: 15_000,
    },
    {
      kind: 'funnel',
      id: 'warm-funnel',
      ...text,
      stages: [1, 0.6, 0.2].map((share, i) => ({
        id: String(i),
        label: '',
        value: share * 1000,
        display: '',
        share,
        note: '',
      })),
    },
  ];
}

/**
 * Draws one chart of each kind in the browser's idle time, hidden and off the page, keeps it for
 * a frame so the browser lays it out too, then throws it away. The first real chart then runs
 * code the browser has already compiled, so the first results of a run reach the screen in short
 * tasks rather than one long one. Returns a function that stops the warming.
 */
export function warmCharts(specs: ChartSpec[] = warmUpSpecs()): () => void {
  const idle =
    typeof requestIdleCallback === 'function'
      ? (f: () => void) => requestIdleCallback(f, { timeout: 2000 })
      : (f: () => void) => setTimeout(f, 50);
  const cancelIdle = typeof cancelIdleCallback === 'function' ? cancelIdleCallback : clearTimeout;
  const host = document.createElement('div');
  host.setAttribute('aria-hidden', 'true');
  host.inert = true;
  host.style.cssText =
    'position:absolute;left:-10000px;top:0;width:60rem;visibility:hidden;pointer-events:none';
  let pending: number | ReturnType<typeof setTimeout> | undefined;
  let shown: ReturnType<typeof mount> | undefined;
  let next = 0;
  const stop = () => {
    cancelIdle(pending as number);
    if (shown) void unmount(shown);
    shown = undefined;
    host.remove();
  };
  const step = () => {
    if (shown) void unmount(shown);
    shown = undefined;
    const spec = specs[next++];
    if (!spec) return stop();
    if (!host.isConnected) document.body.append(host);
    shown = mount(ChartFigure, { target: host, props: { spec, scenarioName: '' } });
    flushSync();
    pending = idle(step);
  };
  pending = idle(step);
  return stop;
}
