import { flushSync, mount, unmount } from 'svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import App from '../../src/app/App.svelte';
import '../../src/app/app.css';

/** The URL of each worker the page starts, counted at the Worker constructor. */
let started: string[] = [];
const RealWorker = globalThis.Worker;
class CountedWorker extends RealWorker {
  constructor(url: string | URL, options?: WorkerOptions) {
    super(url, options);
    started.push(String(url));
  }
}

let app: ReturnType<typeof mount> | undefined;
beforeEach(async () => {
  started = [];
  globalThis.Worker = CountedWorker;
  localStorage.clear();
  await page.viewport(1280, 900);
});
afterEach(() => {
  if (app) void unmount(app);
  app = undefined;
  flushSync();
  globalThis.Worker = RealWorker;
  document.body.innerHTML = '';
  localStorage.clear();
});

describe('App', () => {
  it('runs the results and then a decision tool on one pool of workers', async () => {
    app = mount(App, { target: document.body });
    flushSync();
    await userEvent.fill(page.getByLabelText(/^Replications/), '200');
    await userEvent.click(page.getByRole('button', { name: 'Run simulation' }));
    await expect
      .element(page.getByText(/^Run finished: 200 replications/), { timeout: 60_000 })
      .toBeInTheDocument();

    await userEvent.click(page.getByRole('tab', { name: 'Results' }));
    const figure = page.getByRole('region', { name: 'Results' }).getByRole('figure').first();
    await expect.element(figure, { timeout: 20_000 }).toBeVisible();
    figure.element().scrollIntoView();
    await new Promise(requestAnimationFrame);
    await page.screenshot({ path: '../../test-results/screenshots/app-after-run.png' });

    await userEvent.click(page.getByRole('tab', { name: 'Decisions' }));
    await userEvent.fill(page.getByLabelText(/^Replications per run/), '50');
    await userEvent.click(page.getByRole('button', { name: 'Run rank correlation' }));
    await expect
      .element(page.getByRole('table', { name: /^Rank correlation with/ }), { timeout: 60_000 })
      .toBeVisible();

    const workers = document.querySelector<HTMLSelectElement>('select[id$="-workers"]');
    const poolSize = Number(workers?.value);
    expect(poolSize).toBeGreaterThanOrEqual(1);
    expect(started).toHaveLength(poolSize);
    expect(started.every((url) => url.includes('simulation.worker'))).toBe(true);
  });
});
