import { afterEach, describe, expect, it, vi } from 'vitest';
import { warmResults, type WhenIdle } from '../../src/app/warmResults.ts';
import { resultCharts } from '../../src/results/charts.ts';
import { warmUpRun } from '../../src/results/warmUpRun.ts';
import { validateScenario } from '../../src/scenario/parse.ts';
import mps from '../../scenarios/mps-financial-investigators.json';
import { byHand } from '../state/byHand.ts';

const parsed = validateScenario(mps);
if (!parsed.ok) throw new Error('The MPS scenario is invalid.');
const scenario = parsed.value;

/** Idle periods the test hands out one at a time. */
function idleByHand() {
  const { schedule, next, waiting } = byHand();
  const idle: WhenIdle = schedule;
  return { idle, next, waiting };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('warmResults', () => {
  it('draws the headlines and each chart twice, one per idle period, hidden from sight and from assistive technology, then leaves nothing behind', () => {
    const warn = vi.spyOn(console, 'warn');
    const { summary, aggregate } = warmUpRun(scenario);
    const charts = resultCharts(summary, aggregate, scenario);
    const { idle, next } = idleByHand();
    const stop = warmResults(() => scenario, idle);
    expect(document.body.children).toHaveLength(0);
    const seen: string[] = [];
    while (next()) {
      const host = document.body.querySelector<HTMLElement>('[aria-hidden="true"]');
      if (!host) break;
      expect(getComputedStyle(host).visibility).toBe('hidden');
      expect(host.inert).toBe(true);
      const title = host.querySelector('figure h3')?.textContent;
      const list = host.querySelector('ul')?.textContent;
      if (title === undefined && list) expect(list).toMatch(/\d/);
      seen.push(title ?? (list ? 'headlines' : 'nothing'));
    }
    const once = ['headlines', ...charts.map((chart) => chart.title)];
    expect(seen).toEqual([...once, ...once]);
    expect(document.body.children).toHaveLength(0);
    stop();
    expect(warn).not.toHaveBeenCalled();
  });

  it('warms the scenario open when the page is first idle, such as one opened from a link', () => {
    const page: { open?: typeof scenario } = {};
    const current = vi.fn(() => page.open);
    const { idle, next } = idleByHand();
    const stop = warmResults(current, idle);
    page.open = scenario;
    expect(current).not.toHaveBeenCalled();
    next();
    expect(current).toHaveBeenCalledTimes(1);
    expect(document.body.querySelector('ul')?.textContent).toMatch(/\d/);
    next();
    expect(document.body.querySelector('figure h3')).not.toBeNull();
    expect(current).toHaveBeenCalledTimes(1);
    stop();
    expect(document.body.children).toHaveLength(0);
  });

  it('stops at once when asked, and does nothing without a valid scenario', () => {
    const stopped = idleByHand();
    warmResults(() => scenario, stopped.idle)();
    expect(stopped.waiting.size).toBe(0);

    const empty = idleByHand();
    warmResults(() => undefined, empty.idle);
    expect(empty.next()).toBe(true);
    expect(empty.waiting.size).toBe(0);
    expect(document.body.children).toHaveLength(0);
  });
});
