import { flushSync, mount, unmount } from 'svelte';
import { RunAggregate, type Summary } from '../engine/aggregate/runAggregate.ts';
import { CellSketch } from '../engine/aggregate/sketch.ts';
import { modelLayout } from '../engine/model.ts';
import ChartFigure from '../charts/ChartFigure.svelte';
import { resultChartBuilders } from '../results/charts.ts';
import { headlines } from '../results/headlines.ts';
import type { Scenario } from '../scenario/schema.ts';
import HeadlineList from './HeadlineList.svelte';

const REPLICATIONS = 24;

/**
 * A made-up run of `scenario`: a few replications of varied, plausible numbers in every total
 * and every cell, shaped exactly as a real run's results. Never shown.
 */
export function warmUpRun(scenario: Scenario): { summary: Summary; aggregate: RunAggregate } {
  const layout = modelLayout(scenario);
  const width = layout.totalNames.length;
  const totals = Float32Array.from(
    { length: REPLICATIONS * width },
    (_, i) => 1000 + ((i * 7919) % 997),
  );
  const cells: number[] = [];
  for (let cell = 0; cell < layout.cellCount; cell++) {
    const sketch = new CellSketch();
    for (let r = 0; r < REPLICATIONS; r++) sketch.add(100 + ((cell + r * 31) % 53));
    sketch.encode(cells);
  }
  const aggregate = new RunAggregate(layout, REPLICATIONS);
  aggregate.add({ start: 0, count: REPLICATIONS, totals, cells: Float64Array.from(cells) });
  for (const _ of aggregate.refresh());
  return { summary: aggregate.latestSummary(), aggregate };
}

/**
 * Prepares and draws the results of a made-up run of `scenario` in the browser's idle time, one
 * part per idle period, hidden and off the page: the headline list, then each chart. Each part
 * is kept for a frame so the browser lays out its text too, then thrown away; all of it twice,
 * so the second time round the browser compiles the code that ran hot the first. The first real
 * results then run compiled code with fonts loaded, and reach the screen in short tasks rather
 * than one long one. The scenario is read when the page is first idle, so one opened meanwhile
 * is the one warmed. Returns a function that stops the warming and removes what it drew.
 */
export function warmResults(current: () => Scenario | undefined): () => void {
  if (typeof document === 'undefined') return () => {};
  const host = document.createElement('div');
  host.setAttribute('aria-hidden', 'true');
  // Off the page, figures would be skipped by content-visibility: this class has them laid out.
  host.className = 'warm-results';
  host.inert = true;
  host.style.cssText =
    'position:absolute;left:-10000px;top:0;width:60rem;visibility:hidden;pointer-events:none';
  const once = (scenario: Scenario): (() => ReturnType<typeof mount>)[] => {
    const { summary, aggregate } = warmUpRun(scenario);
    return [
      () =>
        mount(HeadlineList, { target: host, props: { headlines: headlines(summary, scenario) } }),
      ...resultChartBuilders(summary, aggregate, scenario).map(
        (build) => () =>
          mount(ChartFigure, { target: host, props: { spec: build(), scenarioName: '' } }),
      ),
    ];
  };
  const idle =
    typeof requestIdleCallback === 'function'
      ? (f: () => void) => requestIdleCallback(f, { timeout: 2000 })
      : (f: () => void) => setTimeout(f, 50);
  const cancelIdle = typeof cancelIdleCallback === 'function' ? cancelIdleCallback : clearTimeout;
  let parts: (() => ReturnType<typeof mount>)[] | undefined;
  let pending: number | ReturnType<typeof setTimeout> | undefined;
  let shown: ReturnType<typeof mount> | undefined;
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
    if (!parts) {
      const scenario = current();
      parts = scenario ? [...once(scenario), ...once(scenario)] : [];
    }
    const part = parts.shift();
    if (!part) return stop();
    if (!host.isConnected) document.body.append(host);
    shown = part();
    flushSync();
    pending = idle(step);
  };
  pending = idle(step);
  return stop;
}
