import { flushSync, mount, unmount } from 'svelte';
import ChartFigure from '../charts/ChartFigure.svelte';
import { resultChartBuilders } from '../results/charts.ts';
import { headlines } from '../results/headlines.ts';
import { warmUpRun } from '../results/warmUpRun.ts';
import type { Scenario } from '../scenario/schema.ts';
import HeadlineList from './HeadlineList.svelte';

/** Calls a function once the browser is next idle; returns what cancels it. */
export type WhenIdle = (f: () => void) => () => void;

/** The browser's idle callback, or a short timer where there is none. */
export const whenIdle: WhenIdle = (f) => {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(f, { timeout: 2000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(f, 50);
  return () => clearTimeout(id);
};

/**
 * Prepares and draws the results of a made-up run of `scenario` in the browser's idle time, one
 * part per idle period, hidden and off the page: the headline list, then each chart. Each part
 * is kept for a frame so the browser lays out its text too, then thrown away; all of it twice,
 * so the second time round the browser compiles the code that ran hot the first. The first real
 * results then run compiled code with fonts loaded, and reach the screen in short tasks rather
 * than one long one. The scenario is read when the page is first idle, so one opened meanwhile
 * is the one warmed. Returns a function that stops the warming and removes what it drew.
 */
export function warmResults(
  current: () => Scenario | undefined,
  idle: WhenIdle = whenIdle,
): () => void {
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
  let parts: (() => ReturnType<typeof mount>)[] | undefined;
  let cancel = () => {};
  let shown: ReturnType<typeof mount> | undefined;
  const clear = () => {
    if (shown) void unmount(shown);
    shown = undefined;
  };
  const stop = () => {
    cancel();
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
    cancel = idle(step);
  };
  cancel = idle(step);
  return stop;
}
