import { existsSync, readFileSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS as ARGS, CHROMIUM_PATH as CHROMIUM } from '../chromium.js';
import { build, createServer, preview } from 'vite';
import { measureBigFile, type BigFileFigures } from './bigFile.ts';
import { measureLiveRerun, type LiveRerunFigures } from './liveRerun.ts';
import { measureDecisionToolsApp } from './decisionTools.ts';
import { encodeShareFragment } from '../../src/files/shareLink.ts';
import { LIMITS } from '../../src/scenario/limits.ts';
import type { ScenarioInput } from '../../src/scenario/schema.ts';
import { SMALL_TEAM } from './smallTeamScenario.ts';
import type { PairedRates } from './timing.ts';

/** Replications of the run whose main-thread tasks are measured. */
const LONG_RUN = 20_000;
/** A built-in scenario quick enough to watch a whole 20,000-replication run in the app. */
const HUB = 'Metropolitan Police: organised crime hub';

type BrowserFigures =
  | { ok: false; reason: string }
  | {
      ok: true;
      scenario: string;
      replications: number;
      mps: WatchedRun;
      hub: WatchedRun;
      /** The largest run a scenario may ask for, of a small scenario, watched whole. */
      largest: WatchedRun;
      /** Replications per second on one worker and on all, and the scaling between them. */
      rates: PairedRates;
      workers: number;
      /** Replications per worker in each timed run. */
      perWorker: number;
      /** A chunk's time with all workers computing at once ÷ its time alone. */
      chunkSlowdown: number;
      /** Opening and editing a file at every count limit. */
      bigFile: BigFileFigures;
      /** Edits of the MPS scenario with results following them, on one worker and on two. */
      live: LiveRerunFigures[];
      /** The MPS tornado and goal seek in the Decisions tab. */
      decisions: { workers: number; tornadoSeconds: number; goalSeconds: number };
    };

/**
 * In headless Chromium on localhost: the browser pool's replications per second on one and two
 * workers (a page served by the Vite dev server), then, on the production build, the app's time
 * from pressing Run to the first partial result, the longest main-thread task during a long
 * run, and the longest while a file at every count limit is opened and edited.
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
    await page.waitForFunction(() => window.benchResult !== undefined, null, {
      timeout: 600_000,
      polling: 1000,
    });
    const pool = await page.evaluate(() => window.benchResult!);
    if ('error' in pool) return { ok: false, reason: pool.error };
    // The app is measured as planners get it: the production build, not the dev server.
    await build({ logLevel: 'error' });
    const built = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'error' });
    try {
      const address = built.httpServer.address();
      const builtPort = typeof address === 'object' && address ? address.port : 0;
      await page.close();
      const builtOrigin = `http://127.0.0.1:${builtPort}`;
      const app = await measureApp(await browser.newPage(), builtOrigin);
      const bigFile = await measureBigFile(browser, builtOrigin);
      const live = await measureLiveRerun(browser, builtOrigin);
      const decisions = await measureDecisionToolsApp(await browser.newPage(), builtOrigin);
      return { ok: true, ...app, ...pool, bigFile, live, decisions };
    } finally {
      await built.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

/** What the app's main thread did during one run, from Chromium's own trace of its tasks. */
interface WatchedRun {
  scenario: string;
  replications: number;
  /** Pressing Run to the first results painted, by the page's clock. */
  firstResultMs: number;
  longestTaskMs: number;
  /** What the longest task was spent on. */
  longestTaskParts: string;
  /**
   * Major page faults on the whole machine while the run was watched (Linux only): reads from
   * disk that stall whichever thread touched the page, page and browser code included.
   */
  majorFaults?: number;
  /** How long the run was watched, and whether it finished in that time. */
  watchedMs: number;
  complete: boolean;
}

export async function measureApp(page: Page, origin: string) {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${origin}/`);
  const mps = await watchRun(page, {
    scenario: 'Metropolitan Police: financial investigators',
    replications: LONG_RUN,
    watchMs: 20_000,
  });
  await page.getByRole('button', { name: 'Cancel run' }).click();
  await page.getByRole('status').filter({ hasText: 'Run cancelled' }).waitFor();
  await page.getByRole('combobox', { name: 'Built-in scenario' }).selectOption({ label: HUB });
  // The replications set for the first run are unsaved work, so the app asks before replacing it.
  await page.getByRole('button', { name: 'Replace', exact: true }).click();
  const hub = await watchRun(page, { scenario: HUB, replications: LONG_RUN });
  // The small scenario arrives as a planner would send it: in a share link, on a fresh page.
  const link = await encodeShareFragment(SMALL_TEAM as ScenarioInput);
  if (!link.ok) throw new Error(link.problem.message);
  const fresh = await page.context().browser()!.newPage();
  await page.close();
  await fresh.setViewportSize({ width: 1366, height: 768 });
  await fresh.goto(`${origin}/${link.fragment}`);
  await fresh.getByRole('status').filter({ hasText: 'Opened from a share link' }).waitFor();
  const largest = await watchRun(fresh, {
    scenario: SMALL_TEAM.name,
    replications: LIMITS.replications,
  });
  return { scenario: 'MPS financial investigators', replications: LONG_RUN, mps, hub, largest };
}

/**
 * On the scenario open in `page`, named `scenario` in the figures: sets the replications, waits
 * a second as a planner would, presses Run, scrolls to the charts once they are drawn and traces
 * the page's main thread until the run finishes or `watchMs` has passed.
 *
 * The page watches itself while the trace runs: mutation observers time the first results, scroll
 * to the first chart and note the end of the run, and the script only awaits their promises.
 * Playwright's own waiting (a locator's `waitFor`, say) would poll the page every half second,
 * each time walking the whole document for roles and laying it out to test visibility: work in
 * the page's main thread that a planner's page does not do, and that the trace would count.
 */
async function watchRun(
  page: Page,
  { scenario, replications, watchMs }: { scenario: string; replications: number; watchMs?: number },
): Promise<WatchedRun> {
  await page.getByRole('tab', { name: 'Results' }).click();
  // Pressing Run is what is timed, so setting the replications must not start an update first.
  await page.getByRole('switch', { name: 'Rerun after each edit' }).setChecked(false);
  await page.getByLabel('Replications', { exact: false }).first().fill(String(replications));
  await page.waitForTimeout(1000);
  // No named functions inside: the script runner's name helper does not exist in the page. So
  // each observer is written out where it is used, not made by one helper.
  await page.evaluate((scenario) => {
    const region = document.querySelector('[aria-label="Results"]');
    const status = document.querySelector('p.status[role="status"]');
    if (!region || !status) throw new Error('The results region or the run status is missing.');
    const mark = { clickAt: NaN, firstAt: NaN, scrolledAt: NaN, finishedAt: NaN };
    window.benchMark = mark;
    const observers: MutationObserver[] = [];
    window.benchStop = () => observers.forEach((observer) => observer.disconnect());
    let before = '';
    document.addEventListener(
      'click',
      () => {
        mark.clickAt = performance.now();
        before = region.textContent;
      },
      { capture: true, once: true },
    );
    window.benchFirst = new Promise<void>((resolve) => {
      const observer = new MutationObserver(() => {
        if (Number.isNaN(mark.clickAt) || !region.querySelector('ul li')) return;
        if (region.textContent === before) return;
        observer.disconnect();
        requestAnimationFrame(() =>
          setTimeout(() => {
            mark.firstAt = performance.now();
            resolve();
          }),
        );
      });
      observer.observe(region, { subtree: true, childList: true, characterData: true });
      observers.push(observer);
    });
    // Watched as a planner watches the figures settle: with the charts on screen, so each
    // redraw of a live run is measured, not only the headlines above them. The scroll is a task
    // of its own, as a planner's would be, not part of the task that drew the chart. A chart of
    // this run is one whose stamp names its scenario: a run before it on the page left its own.
    const charts = new MutationObserver(() => {
      if (Number.isNaN(mark.clickAt)) return;
      const figure = [...region.querySelectorAll('figure')].find((f) =>
        f.textContent.includes(scenario),
      );
      if (!figure) return;
      charts.disconnect();
      setTimeout(() => {
        figure.scrollIntoView({ block: 'start' });
        mark.scrolledAt = performance.now();
      });
    });
    charts.observe(region, { subtree: true, childList: true, characterData: true });
    observers.push(charts);
    // Settles when the run ends: resolved if it finished, rejected with the status otherwise.
    window.benchFinished = new Promise<void>((resolve, reject) => {
      const observer = new MutationObserver(() => {
        const text = status.textContent;
        if (text.startsWith('Run finished')) {
          mark.finishedAt = performance.now();
          resolve();
        } else if (text.startsWith('Run cancelled') || text.startsWith('The run failed')) {
          reject(new Error(`The run did not finish: ${text}`));
        } else return;
        observer.disconnect();
      });
      observer.observe(status, { subtree: true, childList: true, characterData: true });
      observers.push(observer);
    });
    // A watch that stops before the run ends (and cancels it) must not see that as a failure.
    window.benchFinished.catch(() => {});
  }, scenario);
  const browser = page.context().browser()!;
  const faultsBefore = majorFaults();
  await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline'] });
  const started = Date.now();
  await page.getByRole('button', { name: 'Run simulation' }).click();
  await within(
    60_000,
    'the first results',
    page.evaluate(() => window.benchFirst),
  );
  if (watchMs === undefined)
    await within(
      900_000,
      'the end of the run',
      page.evaluate(() => window.benchFinished),
    );
  else await page.waitForTimeout(Math.max(0, watchMs - (Date.now() - started)));
  const watchedMs = Date.now() - started;
  const faultsAfter = majorFaults();
  const complete = await page.evaluate(() => !Number.isNaN(window.benchMark.finishedAt));
  const trace = JSON.parse((await browser.stopTracing()).toString()) as {
    traceEvents: TraceEvent[];
  };
  const longest = longestMainThreadTask(trace.traceEvents);
  const mark = await page.evaluate(() => {
    window.benchStop();
    return window.benchMark;
  });
  if (Number.isNaN(mark.scrolledAt)) throw new Error(`No chart was drawn while ${scenario} ran.`);
  return {
    scenario,
    replications,
    firstResultMs: mark.firstAt - mark.clickAt,
    longestTaskMs: longest.ms,
    longestTaskParts: longest.parts,
    majorFaults:
      faultsBefore === undefined || faultsAfter === undefined
        ? undefined
        : faultsAfter - faultsBefore,
    watchedMs,
    complete,
  };
}

/** `promise`, or an error naming `what` if it has not settled within `ms`. */
async function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Gave up waiting for ${what} after ${ms} ms.`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Time the thread was on a CPU, where Chromium records it. */
  tdur?: number;
  args?: { name?: string };
}

/** What the main thread spent a task on, as Chromium's trace names it. */
const PARTS = new Set([
  'FunctionCall',
  'TimerFire',
  'FireAnimationFrame',
  'EventDispatch',
  'HandlePostMessage',
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
  'Layerize',
  'Commit',
  'MinorGC',
  'MajorGC',
]);

/** The machine's count of major page faults so far, where /proc/vmstat gives it. */
function majorFaults(): number | undefined {
  try {
    const match = /^pgmajfault (\d+)$/m.exec(readFileSync('/proc/vmstat', 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The longest task Chromium ran on a page's main thread, in milliseconds, and the largest parts
 * of it (script, style, layout, paint, garbage collection).
 */
function longestMainThreadTask(events: TraceEvent[]): { ms: number; parts: string } {
  const main = new Set(
    events
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const onMain = events.filter((e) => e.ph === 'X' && main.has(`${e.pid}:${e.tid}`));
  let longest: TraceEvent | undefined;
  for (const e of onMain) {
    if (/RunTask$/.test(e.name) && (e.dur ?? 0) > (longest?.dur ?? 0)) longest = e;
  }
  if (!longest) return { ms: 0, parts: '' };
  const { ts, dur = 0, pid, tid } = longest;
  const parts = new Map<string, number>();
  for (const e of onMain) {
    if (!PARTS.has(e.name) || e.pid !== pid || e.tid !== tid) continue;
    if (e.ts < ts || e.ts + (e.dur ?? 0) > ts + dur) continue;
    parts.set(e.name, (parts.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
  }
  const named = [...parts]
    .filter(([, ms]) => ms >= 1)
    .sort((a, b) => b[1] - a[1])
    .map(([name, ms]) => `${name} ${ms.toFixed(0)} ms`);
  // A task the thread spent partly off the CPU was slowed by other threads, not by its work.
  if (longest.tdur !== undefined) named.push(`on the CPU ${(longest.tdur / 1000).toFixed(0)} ms`);
  return { ms: dur / 1000, parts: named.join(', ') };
}

declare global {
  interface Window {
    benchMark: { clickAt: number; firstAt: number; scrolledAt: number; finishedAt: number };
    /** Settle when the first results are painted, and when the run finishes. */
    benchFirst: Promise<void>;
    benchFinished: Promise<void>;
    /** Disconnects the observers of the run being watched. */
    benchStop: () => void;
  }
}
