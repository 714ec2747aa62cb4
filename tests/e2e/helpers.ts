import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.js';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** `vite preview` of dist/, in its own process group so that it and its children can be ended together. */
export async function startPreview(): Promise<{ url: string; stop: () => void }> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    'node_modules/.bin/vite',
    ['preview', '--port', String(port), '--strictPort'],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const url = `http://localhost:${port}`;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('vite preview did not start in 30 s')), 30_000);
    const onData = (data: Buffer) => {
      if (data.toString().includes(String(port))) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`vite preview exited with ${code}`)));
  });
  return {
    url,
    stop: () => {
      if (child.pid) {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          // already gone
        }
      }
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** Problems seen on a page: console errors, page errors and requests to any other host. */
export function watchPage(page: Page, origin: string): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:'))
      problems.push(`request to another host: ${url}`);
  });
  return problems;
}

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** axe-core's WCAG 2.x A and AA violations on the page as it is now, as readable lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the debugging protocol, which the page's Content Security Policy allows.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    // Audited as the page settles: contrast read mid-fade (the presentation's controls fade in
    // over 0.2 s) would be that of a moment, not of the page.
    await Promise.all(
      document.getAnimations().map((animation) => animation.finished.catch(() => undefined)),
    );
    const axe = (
      window as unknown as {
        axe: {
          run: (o: unknown) => Promise<{
            violations: { id: string; help: string; nodes: { target: string[] }[] }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join('; ')})`,
    );
  });
}

export const SCREEN_SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

/**
 * The production build served by `vite preview` and the test browser, started before a suite's
 * tests and stopped after them. Call at the top of a `describe`.
 */
export function servedApp(): { readonly url: string; readonly browser: Browser } {
  let preview: { url: string; stop: () => void } | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    preview = await startPreview();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    preview?.stop();
  });
  return {
    get url() {
      return preview!.url;
    },
    get browser() {
      return browser!;
    },
  };
}

/** The page a case works on, with what went wrong on it. */
export interface FreshPage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Console errors, page errors and requests to another host (see watchPage). */
  readonly problems: string[];
  /** Dialogs the page opened, each dismissed. */
  readonly dialogs: string[];
}

/**
 * A new browser context and page for every case, opened on the app. A new context has storage
 * of its own, empty (no draft in localStorage, no cookies), so a case
 * starts as a planner's first visit does and never from what another case left: cases pass in
 * any order. After each case the page must have logged no error, asked no other host for
 * anything and opened no dialog. Call at the top of a `describe`, after `servedApp()`.
 */
export function freshPageEachCase(
  served: { readonly url: string; readonly browser: Browser },
  options: BrowserContextOptions = {},
): FreshPage {
  let current: FreshPage | undefined;
  beforeEach(async () => {
    const context = await served.browser.newContext({
      viewport: SCREEN_SIZES[0],
      acceptDownloads: true,
      ...options,
    });
    const page = await context.newPage();
    const problems = watchPage(page, served.url);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    current = { context, page, problems, dialogs };
    await page.goto(served.url);
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
  });
  afterEach(async () => {
    const ended = current;
    current = undefined;
    if (!ended) return;
    try {
      expect(ended.problems).toEqual([]);
      expect(ended.dialogs).toEqual([]);
    } finally {
      await ended.context.close();
    }
  });
  const now = (): FreshPage => {
    if (!current) throw new Error('freshPageEachCase: no case is running');
    return current;
  };
  return {
    get context() {
      return now().context;
    },
    get page() {
      return now().page;
    },
    get problems() {
      return now().problems;
    },
    get dialogs() {
      return now().dialogs;
    },
  };
}

export const SHOTS = 'test-results/screenshots';

/** Screenshots of what `page` shows at each screen size, and of the whole page. */
export async function screenshots(page: Page, view: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  for (const size of SCREEN_SIZES) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `${SHOTS}/${view}-${size.width}x${size.height}.png` });
  }
  await page.setViewportSize(SCREEN_SIZES[0]);
  // Figures out of view are not painted (content-visibility: auto) until a planner scrolls to
  // them, and a full-page capture does not scroll: they are shown for it.
  await page.screenshot({
    path: `${SHOTS}/${view}-full-page.png`,
    fullPage: true,
    style: 'figure { content-visibility: visible !important; }',
  });
}
