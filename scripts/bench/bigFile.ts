import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator } from 'playwright-core';
import { bigScenario } from './bigScenario.ts';

/** The longest main-thread task while the largest file is opened and edited, and when it came. */
export interface BigFileFigures {
  /** The largest, over the steps, of each step's median longest task. */
  longestTaskMs: number;
  /** The step with that task. */
  longestStep: string;
  /** Each step's longest task, the median over the rounds, in the order the steps ran. */
  steps: { step: string; longestTaskMs: number }[];
  /** The longest task seen in any round. */
  worstTaskMs: number;
  rounds: number;
  fileBytes: number;
}

/**
 * Rounds of the whole sequence, each on a fresh page: on a machine shared with other work a
 * single task can take several times its CPU time, so each step's figure is a median.
 */
const ROUNDS = 3;

/** Quiet time after each step, so the tasks it set off are over and reported before the next. */
const SETTLE_MS = 1500;

/**
 * On the built app at `origin`: opens a file at every count limit through the Open button, visits
 * each tab, and edits one field in each editor (the establishment table, role settings, a demand
 * stream's number, a distribution's parameter and its shape), and shows more of a unit's
 * streams. Chromium's long-task timeline gives every main-thread task over 50 ms; each is put to
 * the step during which it started.
 */
export async function measureBigFile(browser: Browser, origin: string): Promise<BigFileFigures> {
  const text = JSON.stringify(bigScenario());
  const file = join(mkdtempSync(join(tmpdir(), 'shortfall-big-')), 'largest.json');
  writeFileSync(file, text);
  const rounds: StepTask[][] = [];
  for (let r = 0; r < ROUNDS; r++) rounds.push(await oneRound(browser, origin, file));
  const steps = rounds[0]!.map(({ step }, i) => ({
    step,
    longestTaskMs: median(rounds.map((round) => round[i]!.longestTaskMs)),
  }));
  const longest = steps.reduce((a, b) => (b.longestTaskMs > a.longestTaskMs ? b : a));
  return {
    longestTaskMs: longest.longestTaskMs,
    longestStep: longest.step,
    steps,
    worstTaskMs: Math.max(...rounds.flat().map((s) => s.longestTaskMs)),
    rounds: ROUNDS,
    fileBytes: text.length,
  };
}

interface StepTask {
  step: string;
  longestTaskMs: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** One pass of the steps on a fresh page: the longest task of each. */
async function oneRound(browser: Browser, origin: string, file: string): Promise<StepTask[]> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  // Before the editors were lazy, the Demand tab took over a minute: a step is given its time.
  page.setDefaultTimeout(300_000);
  try {
    await page.goto(`${origin}/`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.evaluate(() => {
      window.bigFileSteps = [];
      window.bigFileTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries())
          window.bigFileTasks.push({ startTime: entry.startTime, duration: entry.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    /**
     * Finds what a step acts on before the step begins: Playwright's search by role walks the
     * whole page in its main thread, work a planner's page does not do. Within the step only the
     * action runs, and waits use plain selectors.
     */
    const step = async <T>(
      name: string,
      find: () => Promise<T>,
      act: (found: T) => Promise<unknown>,
      shown?: string,
    ) => {
      const found = await find();
      await page.evaluate(
        (name) => window.bigFileSteps.push({ name, at: performance.now() }),
        name,
      );
      await act(found);
      if (shown) await page.waitForSelector(shown, { state: 'attached' });
      await page.waitForTimeout(SETTLE_MS);
    };
    const handle = async (locator: Locator) => (await locator.elementHandle())!;
    const tab = (name: string) => handle(page.getByRole('tab', { name }));
    const inPost = 'input[aria-label="In post, Role 1, Unit 1"]';
    const stream = page.getByRole('group', { name: 'Stream 1 of unit 1', exact: true });
    const cases = stream.getByRole('group', { name: /^Cases per month/ });

    await step(
      'opening the file',
      () => handle(page.locator('input[type=file]')),
      (input) => input.setInputFiles(file),
      'h1:text-is("Largest file within the limits")',
    );
    await step(
      'showing the Establishment tab',
      () => tab('Establishment'),
      (t) => t.click(),
      inPost,
    );
    await step(
      'editing the establishment table',
      () => handle(page.locator(inPost)),
      (input) => input.fill('9'),
    );
    await step(
      'editing a role setting',
      () =>
        handle(
          page
            .getByRole('group', { name: 'Role 1', exact: true })
            .getByRole('textbox', { name: /^Productive hours/ }),
        ),
      (input) => input.fill('1400'),
    );
    await step(
      'showing the Demand tab',
      () => tab('Demand'),
      (t) => t.click(),
      '#demand-unit-0-stream-0',
    );
    await step(
      'editing a demand stream',
      () => handle(stream.getByRole('textbox', { name: /^Share holding assets/ })),
      (input) => input.fill('0.4'),
    );
    await step(
      'showing more demand streams',
      () =>
        handle(page.getByRole('button', { name: 'Show 10 more streams of Unit 1', exact: true })),
      (button) => button.click(),
      '#demand-unit-0-stream-19',
    );
    await step(
      'editing a distribution parameter',
      () => handle(cases.getByRole('textbox').first()),
      (input) => input.fill('0.3'),
    );
    await step(
      'changing a distribution’s shape',
      () => handle(cases.getByRole('combobox', { name: 'Shape' })),
      (select) => select.selectOption('fixed'),
    );
    for (const name of ['Results', 'Compare', 'Decisions', 'Present', 'Establishment']) {
      await step(
        `showing the ${name} tab`,
        () => tab(name),
        (t) => t.click(),
        `[role=tab][aria-selected=true]:text-is("${name}")`,
      );
    }
    const { steps, tasks } = await page.evaluate(() => ({
      steps: window.bigFileSteps,
      tasks: window.bigFileTasks,
    }));
    return steps.map((s, i) => {
      const end = steps[i + 1]?.at ?? Infinity;
      const within = tasks.filter((t) => t.startTime >= s.at && t.startTime < end);
      return { step: s.name, longestTaskMs: Math.max(0, ...within.map((t) => t.duration)) };
    });
  } finally {
    await page.close();
  }
}

declare global {
  interface Window {
    bigFileSteps: { name: string; at: number }[];
    bigFileTasks: { startTime: number; duration: number }[];
  }
}
