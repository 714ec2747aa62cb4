import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS as ARGS, CHROMIUM_PATH as CHROMIUM } from '../chromium.js';
import { build, createServer, preview } from 'vite';

/** Replications of the run whose main-thread tasks are measured. */
const LONG_RUN = 20_000;

type BrowserFigures =
  | { ok: false; reason: string }
  | {
      ok: true;
      scenario: string;
      replications: number;
      firstResultMs: number;
      longestTaskMs: number;
      oneWorker: number;
      allWorkers: number;
      workers: number;
    };

/**
 * In headless Chromium on localhost: the browser pool's replications per second on one and two
 * workers (a page served by the Vite dev server), then, on the production build, the app's time
 * from pressing Run to the first partial result and the longest main-thread task during a long
 * run.
 */
export async function measureBrowser(): Promise<BrowserFigures> {
  if (!existsSync(CHROMIUM)) return { ok: false, reason: `${CHROMIUM} is not installed` };
  const server = await createServer({ server: { port: 0, host: '127.0.0.1' }, logLevel: 'error' });
  await server.listen();
  const address = server.httpServer?.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const origin = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  try {
    const page = await browser.newPage();
    await page.goto(`${origin}/scripts/bench/browser-bench.html`);
    await page.waitForFunction(() => window.benchResult !== undefined, null, { timeout: 600_000 });
    const pool = await page.evaluate(() => window.benchResult!);
    if ('error' in pool) return { ok: false, reason: pool.error };
    // The app is measured as planners get it: the production build, not the dev server.
    await build({ logLevel: 'error' });
    const built = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'error' });
    try {
      const address = built.httpServer.address();
      const builtPort = typeof address === 'object' && address ? address.port : 0;
      const app = await measureApp(await browser.newPage(), `http://127.0.0.1:${builtPort}`);
      return { ok: true, ...app, ...pool };
    } finally {
      await built.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

async function measureApp(page: import('playwright-core').Page, origin: string) {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${origin}/`);
  // Watch the main thread: long tasks (≥ 50 ms) from the browser, and the largest gap between
  // ticks of a message-channel heartbeat, which catches shorter tasks too.
  await page.evaluate(() => {
    const w = window as unknown as { longest: number };
    w.longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longest = Math.max(w.longest, e.duration);
    }).observe({ type: 'longtask', buffered: false });
    const channel = new MessageChannel();
    let last = performance.now();
    channel.port1.onmessage = () => {
      const now = performance.now();
      w.longest = Math.max(w.longest, now - last);
      last = now;
      setTimeout(() => channel.port2.postMessage(0), 0);
    };
    channel.port2.postMessage(0);
  });
  await page.getByRole('tab', { name: 'Results' }).click();
  const results = page.getByRole('region', { name: 'Results' });
  const replications = page.getByLabel('Replications', { exact: false }).first();
  await replications.fill(String(LONG_RUN));
  await page.evaluate(() => ((window as unknown as { longest: number }).longest = 0));
  const before = await results.innerText();
  const start = Date.now();
  await page.getByRole('button', { name: 'Run simulation' }).click();
  await page.waitForFunction(
    (text) => {
      const region = document.querySelector('[aria-label="Results"]');
      return (
        region !== null &&
        (region as HTMLElement).innerText !== text &&
        /suspects/i.test((region as HTMLElement).innerText)
      );
    },
    before,
    { timeout: 60_000, polling: 'raf' },
  );
  const firstResultMs = Date.now() - start;
  // Let the long run go on for a while under observation, then cancel it.
  await page.waitForTimeout(20_000);
  const longestTaskMs = await page.evaluate(
    () => (window as unknown as { longest: number }).longest,
  );
  await page.getByRole('button', { name: 'Cancel run' }).click();
  return {
    scenario: 'MPS financial investigators',
    replications: LONG_RUN,
    firstResultMs,
    longestTaskMs,
  };
}
