import { afterEach, describe, expect, it, vi } from 'vitest';
import { warmResults, warmUpRun } from '../../src/app/warmResults.ts';
import { resultCharts } from '../../src/results/charts.ts';
import { headlines } from '../../src/results/headlines.ts';
import { validateScenario } from '../../src/scenario/parse.ts';
import mps from '../../scenarios/mps-financial-investigators.json';

const parsed = validateScenario(mps);
if (!parsed.ok) throw new Error('The MPS scenario is invalid.');
const scenario = parsed.value;

afterEach(() => {
  document.body.innerHTML = '';
});

describe('warmUpRun', () => {
  it('makes results with numbers in every headline and every chart, as a real run has', () => {
    const { summary, aggregate } = warmUpRun(scenario);
    expect(aggregate.replications).toBeGreaterThan(1);
    for (const headline of headlines(summary, scenario)) expect(headline.sentence).toMatch(/\d/);
    const charts = resultCharts(summary, aggregate, scenario);
    expect(charts.map((c) => c.kind)).toEqual(
      expect.arrayContaining(['fan', 'histogram', 'funnel']),
    );
    for (const chart of charts) {
      expect(chart.title).toMatch(/\d/);
      if (chart.kind === 'histogram') expect(chart.bins.length).toBeGreaterThan(1);
    }
  });
});

describe('warmResults', () => {
  it('draws the headlines and each chart hidden from sight and from assistive technology, then leaves nothing behind', async () => {
    const warn = vi.spyOn(console, 'warn');
    const { summary, aggregate } = warmUpRun(scenario);
    const charts = resultCharts(summary, aggregate, scenario);
    const seen = new Set<string>();
    const stop = warmResults(() => scenario);
    await vi.waitFor(
      () => {
        const host = document.body.querySelector('[aria-hidden="true"]');
        if (host) {
          expect(getComputedStyle(host).visibility).toBe('hidden');
          expect((host as HTMLElement).inert).toBe(true);
          const part = host.querySelector('figure h3') ?? host.querySelector('ul');
          if (part) seen.add(part.textContent ?? '');
        }
        expect(seen.size).toBe(charts.length + 1);
      },
      { timeout: 20_000, interval: 2 },
    );
    for (const chart of charts) expect(seen).toContain(chart.title);
    await vi.waitFor(() => expect(document.body.children).toHaveLength(0), { timeout: 20_000 });
    stop();
    expect(warn).not.toHaveBeenCalled();
  });

  it('warms the scenario open when the page is first idle, such as one opened from a link', async () => {
    const page: { open?: typeof scenario } = {};
    const stop = warmResults(() => page.open);
    page.open = scenario;
    try {
      await vi.waitFor(() => expect(document.body.querySelector('figure h3')).not.toBeNull(), {
        timeout: 20_000,
        interval: 2,
      });
    } finally {
      stop();
    }
    expect(document.body.children).toHaveLength(0);
  });

  it('stops at once when asked, and does nothing without a valid scenario', async () => {
    warmResults(() => scenario)();
    warmResults(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(document.body.children).toHaveLength(0);
  });
});
