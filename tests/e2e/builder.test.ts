import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, freshPageEachCase, servedApp, SHOTS, watchPage } from './helpers.ts';

const DOWNLOADS = 'test-results/downloads';
const EDITOR_SIZES = [
  { width: 1366, height: 900 },
  { width: 1024, height: 800 },
  { width: 390, height: 844 },
] as const;
const NAME = 'Kent and Essex: FIs and analysts';

/** Screenshots of the page at each editor size, whole page, and no sideways scrolling. */
async function shots(page: Page, view: string) {
  mkdirSync(SHOTS, { recursive: true });
  for (const size of EDITOR_SIZES) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `${SHOTS}/editor-${view}-${size.width}.png`, fullPage: true });
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(wide, `${view} at ${size.width} px scrolls sideways`).toBeLessThanOrEqual(size.width);
  }
  await page.setViewportSize(EDITOR_SIZES[0]);
}

async function save(page: Page): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save scenario' }).click(),
  ]);
  const path = join(DOWNLOADS, download.suggestedFilename());
  await download.saveAs(path);
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

async function runAndReadHeadlines(page: Page): Promise<string[]> {
  await page.getByRole('button', { name: 'Run simulation', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Run finished' }).waitFor({ timeout: 90_000 });
  const items = page.locator('[aria-label="Results"] .headlines li');
  await items.first().waitFor();
  return items.allTextContents();
}

const textbox = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });

describe('building a scenario in the app', () => {
  const served = servedApp();
  const fresh = freshPageEachCase(served, {
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  beforeAll(() => mkdirSync(DOWNLOADS, { recursive: true }));

  async function buildTwoForces(page: Page) {
    await page.getByRole('button', { name: 'New scenario' }).click();
    await page.getByRole('heading', { name: 'Scenario', level: 2 }).waitFor();
    await textbox(page, 'Scenario name').fill(NAME);
    await textbox(page, 'Description').fill('Two forces sharing one pool of staff.');
    // Roles: financial investigators and analysts.
    await page.getByRole('button', { name: 'Add role' }).click();
    await page.getByRole('textbox', { name: 'Role name' }).nth(1).fill('Intelligence analyst');
    // Two units sharing a pool.
    await textbox(page, 'Unit name').fill('Kent Police');
    await page.getByRole('button', { name: 'Add unit' }).click();
    await page.getByRole('textbox', { name: 'Unit name' }).nth(1).fill('Essex Police');
    await page
      .getByRole('combobox', { name: 'Shares staff and work with' })
      .nth(1)
      .selectOption({ label: 'Kent Police' });
    await page.getByText('Kent Police and Essex Police share staff and work.').waitFor();
    for (const unit of ['Kent Police', 'Essex Police']) {
      await page.getByRole('button', { name: `Add staff group to ${unit}` }).click();
    }
    // Two demand streams, one in each force.
    await page.getByRole('button', { name: 'Add demand stream to Kent Police' }).click();
    await page.getByRole('button', { name: 'Add demand stream to Essex Police' }).click();
    const streams = page.getByRole('textbox', { name: 'Demand stream name' });
    await streams.nth(0).fill('Kent drug supply arrests');
    await streams.nth(1).fill('Essex fraud referrals');
    // A changed policy and money setting.
    await page.getByRole('combobox', { name: 'Triage', exact: true }).selectOption('fifo');
    await page.getByRole('textbox', { name: /^Chance of an order/ }).fill('40%');
    // Staff figures.
    await page.getByRole('tab', { name: 'Establishment' }).click();
    const figures: [string, string, string][] = [
      ['Financial investigator', 'Kent Police', '20'],
      ['Intelligence analyst', 'Kent Police', '6'],
      ['Financial investigator', 'Essex Police', '15'],
      ['Intelligence analyst', 'Essex Police', '4'],
    ];
    for (const [role, unit, posts] of figures) {
      await textbox(page, `Posts, ${role}, ${unit}`).fill(posts);
      await textbox(page, `In post, ${role}, ${unit}`).fill(String(Number(posts) - 2));
    }
    // Demand: cases each month and hours each.
    await page.getByRole('tab', { name: 'Demand' }).click();
    for (const stream of ['Kent drug supply arrests', 'Essex fraud referrals']) {
      const group = page.getByRole('group', { name: stream });
      await group
        .getByRole('group', { name: /^Cases per month/ })
        .getByRole('textbox')
        .first()
        .fill('30');
      await group
        .getByRole('group', { name: /^Hours per suspect/ })
        .getByRole('textbox')
        .first()
        .fill('20');
      await group.getByRole('textbox', { name: /^Share holding assets/ }).fill('25%');
    }
    await textbox(page, 'Seed').fill('two-forces');
    await page.getByRole('textbox', { name: /^Replications/ }).fill('300');
  }

  it('builds a two-force scenario from blank, and its file and link give the same numbers', async () => {
    const { page } = fresh;
    await buildTwoForces(page);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(NAME);
    const headlines = await runAndReadHeadlines(page);
    expect(headlines.length).toBeGreaterThan(0);

    const saved = await save(page);
    expect(saved.name).toBe('kent-and-essex-fis-and-analysts.json');
    const file = JSON.parse(saved.text) as Record<string, unknown>;
    expect(file).toMatchObject({ seed: 'two-forces', replications: 300 });
    expect(file.policy).toMatchObject({ triage: 'fifo' });
    expect(file.finance).toMatchObject({ orderProbability: 0.4 });

    // A reload shows the saved work, not a built-in scenario.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(NAME);

    // The file opened in a fresh browser context gives the same headline numbers.
    const other = await served.browser.newContext({ viewport: EDITOR_SIZES[0] });
    try {
      const page2 = await other.newPage();
      const problems = watchPage(page2, served.url);
      await page2.goto(served.url);
      await page2.locator('input[type=file]').setInputFiles(join(DOWNLOADS, saved.name));
      await page2.getByRole('heading', { level: 1, name: NAME }).waitFor();
      await expect(textbox(page2, 'Seed').inputValue()).resolves.toBe('two-forces');
      expect(await runAndReadHeadlines(page2)).toEqual(headlines);
      expect(problems).toEqual([]);
    } finally {
      await other.close();
    }

    // The same through a share link.
    await page.getByRole('button', { name: 'Copy share link' }).click();
    await page.getByText('Link copied').waitFor();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    const third = await served.browser.newContext({ viewport: EDITOR_SIZES[0] });
    try {
      const page3 = await third.newPage();
      await page3.goto(link);
      await page3.getByRole('heading', { level: 1, name: NAME }).waitFor();
      expect(await runAndReadHeadlines(page3)).toEqual(headlines);
    } finally {
      await third.close();
    }
  });

  it('asks before removing a role that has staff and demand, and undo brings it back', async () => {
    const { page } = fresh;
    await buildTwoForces(page);
    await page.getByRole('tab', { name: 'Scenario' }).click();
    const before = await save(page);
    await page.getByRole('button', { name: 'Remove Financial investigator', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove the role Financial investigator?' });
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toContain('Kent Police: the demand stream');
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Remove the role Financial investigator' }).click();
    await expect(page.getByRole('textbox', { name: 'Role name' }).count()).resolves.toBe(1);
    await page.keyboard.press('Control+z');
    await expect(page.getByRole('textbox', { name: 'Role name' }).count()).resolves.toBe(2);
    const after = await save(page);
    expect(after.text).toBe(before.text);
  });

  it('turns an edited published figure into an assumption, and undo restores the exact scenario', async () => {
    const { page } = fresh;
    const original = await save(page);
    const inPost = textbox(page, 'In post, Financial investigator, Metropolitan Police Service');
    const badge = page.locator('td', { has: inPost }).locator('.source');
    await expect(badge.textContent()).resolves.toContain('published figure');
    await inPost.fill('329');
    await expect(badge.textContent()).resolves.toContain('assumption');
    await page.locator('summary', { hasText: 'What changed since saved' }).click();
    await page
      .getByText('Metropolitan Police Service · Financial investigator · In post: 269 → 329')
      .waitFor();
    await page.getByRole('tab', { name: 'Assumptions' }).click();
    const entry = page.getByRole('listitem').filter({
      has: page.getByRole('heading', {
        name: 'Metropolitan Police Service · Financial investigator · In post',
      }),
    });
    await expect(entry.textContent()).resolves.toContain('Changed from the published figure 269');
    await entry.getByRole('textbox').fill('Recruited since the inspection.');
    expect(await axeViolations(page)).toEqual([]);
    await shots(page, 'assumptions');
    await entry.getByRole('button', { name: 'Restore published figure' }).click();
    await page.getByRole('tab', { name: 'Establishment' }).click();
    await expect(inPost.inputValue()).resolves.toBe('269');
    await inPost.fill('300');
    await page.getByRole('button', { name: 'Undo' }).click();
    const restored = await save(page);
    expect(restored.text).toBe(original.text);
  });

  it('refuses a pasted establishment with bad rows, naming them, and changes nothing', async () => {
    const { page } = fresh;
    const original = await save(page);
    const rows = Array.from(
      { length: 20 },
      (_, i) => `Force ${i + 1}\tFinancial investigator\t10\t8\t1\t10%\t0`,
    );
    rows[2] = 'Force 3\tFinancial investigator\tten\t8\t1\t10%\t0';
    rows[7] = 'Force 8\tFinancial investigator\t5\t8\t0\t10%\t0';
    rows[12] = 'Force 13\tFinancial investigator\t10\t8\t0\t150%\t0';
    const text = ['Unit\tRole\tPosts\tIn post\tIn training\tLeavers a year\tAbstraction', ...rows];
    await page.locator('summary', { hasText: 'Paste the establishment' }).click();
    await page.getByRole('textbox', { name: 'Pasted rows' }).fill(text.join('\n'));
    const alert = page.getByRole('alert').filter({ hasText: 'rows have problems' });
    await expect(alert.textContent()).resolves.toContain('3 rows have problems (lines 4, 9, 14)');
    await expect(page.getByRole('button', { name: 'Take 20 rows' }).isDisabled()).resolves.toBe(
      true,
    );
    expect(await axeViolations(page)).toEqual([]);
    await shots(page, 'paste');
    const after = await save(page);
    expect(after.text).toBe(original.text);
  });

  it('shows each editor at 1366, 1024 and 390 px with no axe violations', async () => {
    const { page } = fresh;
    await buildTwoForces(page);
    for (const tab of ['Scenario', 'Establishment', 'Demand']) {
      await page.getByRole('tab', { name: tab }).click();
      expect(await axeViolations(page)).toEqual([]);
      await shots(page, tab.toLowerCase());
    }
  });
});
