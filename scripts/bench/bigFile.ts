import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator } from 'playwright-core';
import { bigScenario } from './bigScenario.ts';

/** The longest main-thread task while the largest file is opened and edited, and when it came. */
export interface BigFileFigures {
  longestTaskMs: number;
  /** The step during which the longest task ran. */
  longestStep: string;
  /** The longest task of every step, in the order they ran. */
  steps: { step: string; longestTaskMs: number }[];
  fileBytes: number;
}

/** Quiet time after each step, so the tasks it set off are over and reported before the next. */
const SETTLE_MS = 1500;

/**
 * On the built app at `origin`: opens a file at every count limit through the Open button, visits
 * each tab, and edits one field in each editor (the establishment table, role settings, a demand
 * stream's number, a distribution's parameter and its shape), and shows more of a unit's streams. Chromium's long-task timeline
 * gives every main-thread task over 50 ms; each is put to the step during which it started.
 */
export async function measureBigFile(browser: Browser, origin: string): Promise<BigFileFigures> {
  const text = JSON.stringify(bigScenario());
  const file = join(mkdtempSync(join(tmpdir(), 'shortfall-big-')), 'largest.json');
  writeFileSync(file, text);
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
    const step = async (name: string, act: () => Promise<unknown>) => {
      await page.evaluate(
        (name) => window.bigFileSteps.push({ name, at: performance.now() }),
        name,
      );
      await act();
      await page.waitForTimeout(SETTLE_MS);
    };
    const heading = page.getByRole('heading', { level: 1 });
    const tab = (name: string) => page.getByRole('tab', { name });
    const edit = (field: Locator, value: string) => field.fill(value);

    await step('opening the file', async () => {
      await page.locator('input[type=file]').setInputFiles(file);
      await heading.filter({ hasText: 'Largest file within the limits' }).waitFor();
    });
    await step('showing the Establishment tab', async () => {
      await tab('Establishment').click();
      await page.getByRole('textbox', { name: 'In post, Role 1, Unit 1', exact: true }).waitFor();
    });
    await step('editing the establishment table', () =>
      edit(page.getByRole('textbox', { name: 'In post, Role 1, Unit 1', exact: true }), '9'),
    );
    await step('editing a role setting', () =>
      edit(
        page
          .getByRole('group', { name: 'Role 1', exact: true })
          .getByRole('textbox', { name: /^Productive hours/ }),
        '1400',
      ),
    );
    const stream = page.getByRole('group', { name: 'Stream 1 of unit 1', exact: true });
    await step('showing the Demand tab', async () => {
      await tab('Demand').click();
      await stream.waitFor();
    });
    await step('editing a demand stream', () =>
      edit(stream.getByRole('textbox', { name: /^Share holding assets/ }), '0.4'),
    );
    await step('showing more demand streams', () =>
      page.getByRole('button', { name: 'Show 10 more streams of Unit 1', exact: true }).click(),
    );
    const cases = stream.getByRole('group', { name: /^Cases per month/ });
    await step('editing a distribution parameter', () =>
      edit(cases.getByRole('textbox').first(), '0.3'),
    );
    await step('changing a distribution’s shape', () =>
      cases.getByRole('combobox', { name: 'Shape' }).selectOption('fixed'),
    );
    for (const name of ['Results', 'Compare', 'Decisions', 'Present', 'Establishment']) {
      await step(`showing the ${name} tab`, async () => {
        await tab(name).click();
        await page.getByRole('tabpanel').waitFor();
      });
    }
    const { steps, tasks } = await page.evaluate(() => ({
      steps: window.bigFileSteps,
      tasks: window.bigFileTasks,
    }));
    const byStep = steps.map((s, i) => {
      const end = steps[i + 1]?.at ?? Infinity;
      const within = tasks.filter((t) => t.startTime >= s.at && t.startTime < end);
      return { step: s.name, longestTaskMs: Math.max(0, ...within.map((t) => t.duration)) };
    });
    const longest = byStep.reduce((a, b) => (b.longestTaskMs > a.longestTaskMs ? b : a));
    return {
      longestTaskMs: longest.longestTaskMs,
      longestStep: longest.step,
      steps: byStep,
      fileBytes: text.length,
    };
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
