import type { Browser, Page } from 'playwright-core';

/** Replications the updates refine to: the MPS scenario's own. */
const REPLICATIONS = 2000;
/** Timed edits for each pool size, taken in turns so load from elsewhere falls on both. */
const ROUNDS = 5;

export interface LiveRerunOptions {
  replications?: number;
  rounds?: number;
}
/** Pause between keys as the value is typed: a quick typist's. */
const KEY_DELAY_MS = 80;
/** How long an update refines before the edit made during it. */
export const REFINING_MS = 1500;

/** Edits timed on one pool size. */
export interface LiveRerunFigures {
  workers: number;
  /** Last keystroke of an edit made with the results final → the first updated headline painted. */
  firstHeadlineMs: number[];
  /** The same for an edit made while the previous update was still refining (that run cancelled). */
  firstHeadlineDuringMs: number[];
  /** Last keystroke of the edit made while refining → every replication in (the mark gone). */
  finalMs: number[];
  /** The longest main-thread task from that edit to its final results (Chromium's long tasks, over 50 ms). */
  longestTaskMs: number[];
}

/**
 * On the built app at `origin`, the MPS scenario with results following edits: a planner types a
 * new number of financial investigators in post on the Establishment tab, and the first headline
 * beside the editor is watched until it shows the first answer for the new value, then until the
 * update has every replication. Timed with one worker and with two, in turns on one page (the
 * Workers setting between edits), each time after the workers have run an update already.
 */
export async function measureLiveRerun(
  browser: Browser,
  origin: string,
  { replications = REPLICATIONS, rounds = ROUNDS }: LiveRerunOptions = {},
): Promise<LiveRerunFigures[]> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  page.setDefaultTimeout(300_000);
  try {
    await page.goto(`${origin}/`);
    await page.evaluate(() => {
      window.liveTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries())
          window.liveTasks.push({ at: entry.startTime, ms: entry.duration });
      }).observe({ type: 'longtask', buffered: false });
    });
    // Results on screen first: only then do they follow edits.
    await page.getByRole('textbox', { name: /^Replications/ }).fill('20');
    await page.getByRole('button', { name: 'Run simulation', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Run finished' }).waitFor();
    await page.getByRole('tab', { name: 'Establishment' }).click();
    await page.getByRole('textbox', { name: /^Replications/ }).fill(String(replications));
    await updated(page, replications);
    const figures = [1, 2].map((workers) => ({
      workers,
      firstHeadlineMs: [] as number[],
      firstHeadlineDuringMs: [] as number[],
      finalMs: [] as number[],
      longestTaskMs: [] as number[],
    }));
    let inPost = 300;
    for (let round = 0; round <= rounds; round++) {
      for (const figure of figures) {
        await page.getByRole('combobox', { name: /^Workers/ }).selectOption(String(figure.workers));
        // An edit with the results final, then another while its update refines; the first
        // round warms the pool at this size and is not counted.
        const idle = await timedEdit(page, ++inPost, false);
        await page.waitForTimeout(REFINING_MS);
        const during = await timedEdit(page, ++inPost, true);
        if (round === 0) continue;
        figure.firstHeadlineMs.push(idle.firstMs);
        figure.firstHeadlineDuringMs.push(during.firstMs);
        figure.finalMs.push(during.finalMs);
        figure.longestTaskMs.push(during.longestTaskMs);
      }
    }
    return figures;
  } finally {
    await page.close();
  }
}

/** Waits until the update under way has every replication. */
async function updated(page: Page, replications: number): Promise<void> {
  await page
    .getByRole('status')
    .filter({ hasText: `Results updated for your edit: ${replications.toLocaleString('en-GB')}` })
    .waitFor();
}

/**
 * Types `value` as financial investigators in post and times, from the last keystroke, the first
 * headline of the update painted and, if `final`, the update's end.
 */
async function timedEdit(
  page: Page,
  value: number,
  final: boolean,
): Promise<{ firstMs: number; finalMs: number; longestTaskMs: number }> {
  // The page watches itself, so no polling by the benchmark adds work to its main thread. No
  // named functions inside: the script runner's name helper does not exist in the page.
  await page.evaluate(() => {
    const panel = document.querySelector('.run');
    const status = document.querySelector('p.status[role="status"]');
    if (!panel || !status) throw new Error('The run panel is missing.');
    const mark = { lastKeyAt: NaN, firstAt: NaN, finalAt: NaN };
    window.liveMark = mark;
    let stale = false;
    // Timed from the last keystroke: an update that showed between keys does not count, so
    // the headline must be out of date again after each key before an answer is taken.
    document.addEventListener(
      'input',
      () => {
        mark.lastKeyAt = performance.now();
        stale = (panel.querySelector('.latest')?.textContent ?? '').includes('Out of date');
      },
      { capture: true },
    );
    window.liveFirst = new Promise<void>((resolve) => {
      const observer = new MutationObserver(() => {
        if (Number.isNaN(mark.lastKeyAt)) return;
        const text = panel.querySelector('.latest')?.textContent ?? '';
        // The headline is first marked out of date by the edit, then shows the update's answer.
        if (text.includes('Out of date')) stale = true;
        else if (stale && text.includes('Refining:')) {
          observer.disconnect();
          requestAnimationFrame(() =>
            setTimeout(() => {
              mark.firstAt = performance.now();
              resolve();
            }),
          );
        }
      });
      observer.observe(panel, { subtree: true, childList: true, characterData: true });
    });
    window.liveFinal = new Promise<void>((resolve) => {
      const observer = new MutationObserver(() => {
        if (!Number.isNaN(mark.firstAt) && status.textContent.startsWith('Results updated')) {
          observer.disconnect();
          mark.finalAt = performance.now();
          resolve();
        }
      });
      observer.observe(status, { subtree: true, childList: true, characterData: true });
    });
  });
  const field = page.getByRole('textbox', { name: /^In post, Financial investigator/ });
  await field.selectText();
  await page.keyboard.type(String(value), { delay: KEY_DELAY_MS });
  await page.evaluate(() => window.liveFirst);
  if (!final) {
    const mark = await page.evaluate(() => window.liveMark);
    return { firstMs: mark.firstAt - mark.lastKeyAt, finalMs: NaN, longestTaskMs: NaN };
  }
  await page.evaluate(() => window.liveFinal);
  const mark = await page.evaluate(() => window.liveMark);
  const longestTaskMs = await page.evaluate(
    ({ from, to }) =>
      Math.max(0, ...window.liveTasks.filter((t) => t.at >= from && t.at <= to).map((t) => t.ms)),
    { from: mark.lastKeyAt, to: mark.finalAt },
  );
  return {
    firstMs: mark.firstAt - mark.lastKeyAt,
    finalMs: mark.finalAt - mark.lastKeyAt,
    longestTaskMs,
  };
}

declare global {
  interface Window {
    liveTasks: { at: number; ms: number }[];
    liveMark: { lastKeyAt: number; firstAt: number; finalAt: number };
    /** Settle when the update's first headline is painted, and when it has every replication. */
    liveFirst: Promise<void>;
    liveFinal: Promise<void>;
  }
}

export function median(values: readonly number[]): number {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** A main-thread task at least this long makes the page feel stuck (the usual long task). */
const LONG_TASK_MS = 50;

/**
 * The pool size the measurement supports as the browser's default: of those whose median
 * longest main-thread task stays under LONG_TASK_MS, the one whose updates reach every
 * replication soonest (the median); if none stays under it, the one with the shorter tasks.
 */
export function chooseWorkers(figures: readonly LiveRerunFigures[]): number {
  const smooth = figures.filter((f) => median(f.longestTaskMs) < LONG_TASK_MS);
  const pool = smooth.length > 0 ? smooth : figures;
  const key = (f: LiveRerunFigures) =>
    smooth.length > 0 ? median(f.finalMs) : median(f.longestTaskMs);
  return pool.reduce((best, f) => (key(f) < key(best) ? f : best)).workers;
}
