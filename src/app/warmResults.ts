import { flushSync, mount, unmount } from 'svelte';
import { EMPTY_STAT } from '../engine/aggregate/statistic.ts';
import ChartFigure from '../charts/ChartFigure.svelte';
import type { ChartSpec } from '../results/charts.ts';
import type { Headline } from '../results/headlines.ts';
import HeadlineList from './HeadlineList.svelte';

const MONTHS = 48;
const WORDS = 'About 1,234 suspects will not be examined for assets over the next 4 years';

/** Headlines of a run's usual length, made up and never shown. */
export function warmUpHeadlines(): Headline[] {
  return (['count', 'pounds'] as const).map((unit, i) => ({
    id: `warm-${i}`,
    label: WORDS,
    metric: 'unexaminedSuspects',
    unit,
    stat: EMPTY_STAT,
    sentence: WORDS,
    range: '90% range 1,100 to 1,400',
    standardError: 'standard error of the mean 4.2',
  }));
}

/** Charts of each kind, of a run's usual size and wording, made up and never shown. */
export function warmUpSpecs(): ChartSpec[] {
  const text = {
    title: WORDS,
    description: WORDS,
    table: { caption: WORDS, columns: ['Month'], rows: [['1']] },
  };
  const axes = { xLabel: 'Month of the horizon', yLabel: 'Suspects (per month)' };
  const rows = Array.from({ length: MONTHS }, (_, i) => {
    const p50 = 100 + 2 * i;
    const band = { p05: p50 - 40, p25: p50 - 15, p75: p50 + 15, p95: p50 + 40 };
    return { month: i + 1, p50, mean: p50, ...band };
  });
  const bins = Array.from({ length: 24 }, (_, i) => ({
    x0: i * 1000,
    x1: (i + 1) * 1000,
    count: 24 - Math.abs(12 - i),
  }));
  const stages = [1, 0.6, 0.2].map((share, i) => ({
    id: String(i),
    label: 'Examined for assets',
    value: share * 1000,
    display: String(share * 1000),
    share,
    note: WORDS,
  }));
  return [
    {
      kind: 'fan',
      id: 'warm-fan',
      ...text,
      ...axes,
      rows,
      reference: { value: 150, label: '150 posts' },
    },
    {
      kind: 'histogram',
      id: 'warm-histogram',
      ...text,
      ...axes,
      unit: 'pounds',
      bins,
      median: 12_000,
    },
    { kind: 'funnel', id: 'warm-funnel', ...text, stages },
  ];
}

/**
 * Draws the results' parts in the browser's idle time, one per idle period, hidden and off the
 * page: the headline list and a chart of each kind. Each is kept for a frame so the browser lays
 * out its text too, then thrown away. The first real results then run code the browser has
 * already compiled, with fonts already loaded, so they reach the screen in short tasks rather
 * than one long one. Returns a function that stops the warming and removes what it drew.
 */
export function warmResults(
  headlines: Headline[] = warmUpHeadlines(),
  specs: ChartSpec[] = warmUpSpecs(),
): () => void {
  const once = [
    () => mount(HeadlineList, { target: host, props: { headlines } }),
    ...specs.map(
      (spec) => () => mount(ChartFigure, { target: host, props: { spec, scenarioName: '' } }),
    ),
  ];
  // Twice: the second time round the browser compiles the code that ran hot the first time.
  const parts = [...once, ...once];
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
  const clear = () => {
    if (shown) void unmount(shown);
    shown = undefined;
  };
  const stop = () => {
    cancelIdle(pending as number);
    clear();
    host.remove();
  };
  const step = () => {
    clear();
    const part = parts[next++];
    if (!part) return stop();
    if (!host.isConnected) document.body.append(host);
    shown = part();
    flushSync();
    pending = idle(step);
  };
  pending = idle(step);
  return stop;
}
