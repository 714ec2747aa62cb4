import { flushSync, mount, unmount } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import ChartFigure from '../../src/charts/ChartFigure.svelte';
import { warmResults, warmUpSpecs } from '../../src/app/warmResults.ts';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('warmResults', () => {
  it('has a warm-up chart of each kind, each of which draws', () => {
    const specs = warmUpSpecs();
    expect(specs.map((s) => s.kind).sort()).toEqual(['fan', 'funnel', 'histogram']);
    for (const spec of specs) {
      const target = document.createElement('div');
      document.body.append(target);
      const figure = mount(ChartFigure, { target, props: { spec, scenarioName: '' } });
      flushSync();
      expect(target.querySelectorAll('svg path, svg rect').length).toBeGreaterThan(1);
      void unmount(figure);
    }
  });

  it('draws the headlines and each chart hidden from sight and from assistive technology, then leaves nothing behind', async () => {
    const warn = vi.spyOn(console, 'warn');
    const seen = new Set<string>();
    const stop = warmResults();
    await vi.waitFor(
      () => {
        const host = document.body.querySelector('[aria-hidden="true"]');
        if (host) {
          expect(getComputedStyle(host).visibility).toBe('hidden');
          expect((host as HTMLElement).inert).toBe(true);
          const part = host.querySelector('svg') ?? host.querySelector('ul');
          if (part) seen.add(part.outerHTML);
        }
        expect(seen.size).toBe(4);
      },
      { timeout: 10_000, interval: 5 },
    );
    await vi.waitFor(() => expect(document.body.children).toHaveLength(0), { timeout: 10_000 });
    stop();
    expect(warn).not.toHaveBeenCalled();
  });

  it('stops at once when asked', async () => {
    const stop = warmResults();
    stop();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(document.body.children).toHaveLength(0);
  });
});
