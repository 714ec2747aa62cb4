import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it, vi } from 'vitest';
import { twoFigures } from '../../src/options/sentence.ts';
import { runCli } from '../cli/runCli.ts';
import { axeViolations, freshPageEachCase, screenshots, servedApp, watchPage } from './helpers.ts';

vi.setConfig({ testTimeout: 240_000 });

const DOWNLOADS = 'test-results/downloads';
const REPLICATIONS = '200';
const FILL = 'Fill the 60 vacancies';
const SEATS = 'Ten more training seats a year';

/** The numbers of a sentence as written: "3,100" → 3100. */
const numbersIn = (text: string) =>
  [...text.matchAll(/\d[\d,]*(?:\.\d+)?/g)].map((m) => Number(m[0].replaceAll(',', '')));

async function addOption(page: Page, name: string) {
  await page.getByRole('tab', { name: 'Compare' }).click();
  await page.getByRole('textbox', { name: 'Name of the option' }).fill(name);
  await page.getByRole('button', { name: 'Add option' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: `Added the option “${name}”` })
    .waitFor();
}

/** The MPS scenario with two options made in the app, run side by side. */
async function makeTwoOptionsAndRun(page: Page) {
  await page.getByRole('textbox', { name: /^Replications/ }).fill(REPLICATIONS);
  await page.getByRole('tab', { name: 'Establishment' }).click();
  await page.getByRole('textbox', { name: /^In post, Financial investigator/ }).fill('329');
  await addOption(page, FILL);
  // The scenario is back to its baseline once the edit is an option.
  await page.getByRole('tab', { name: 'Establishment' }).click();
  const inPost = page.getByRole('textbox', { name: /^In post, Financial investigator/ });
  await expect(inPost.inputValue()).resolves.toBe('269');
  await page.getByRole('textbox', { name: /^Training seats/ }).fill('40');
  await addOption(page, SEATS);
  await page.getByRole('button', { name: 'Run options' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: /^Finished: the baseline and 2 options/ })
    .waitFor({
      timeout: 200_000,
    });
}

async function saveScenario(page: Page): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save scenario' }).click(),
  ]);
  mkdirSync(DOWNLOADS, { recursive: true });
  const saved = join(DOWNLOADS, `options-${download.suggestedFilename()}`);
  await download.saveAs(saved);
  return saved;
}

describe('options side by side', () => {
  const served = servedApp();
  const fresh = freshPageEachCase(served, {
    permissions: ['clipboard-read', 'clipboard-write'],
  });

  it('makes two options, runs them, and says what the command line says, rounded', async () => {
    const { page } = fresh;
    await makeTwoOptionsAndRun(page);
    const sentences = await page.locator('.sentence').allTextContents();
    expect(sentences).toHaveLength(2);
    expect(sentences[0]).toMatch(
      /^Fill the 60 vacancies: about [\d,]+ fewer suspects go unexamined over four years \(in 9 futures out of 10, between [\d,]+ and [\d,]+\), and about £[\d.]+m more is recovered\.$/,
    );

    const file = await saveScenario(page);
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    expect(saved.options.map((o: { name: string }) => o.name)).toEqual([FILL, SEATS]);
    expect(saved.options[0].changes).toEqual([{ field: 'units[0].staff[0].inPost', value: 329 }]);
    expect(saved.units[0].staff[0].inPost).toBe(269);

    const cli = await runCli(['compare', file, '--replications', REPLICATIONS, '--format', 'json']);
    expect(cli.stderr).toBe('');
    const out = JSON.parse(cli.stdout);
    for (const [i, option] of out.options.entries()) {
      expect(sentences[i]).toBe(option.sentence);
      const d = option.totals.unexaminedSuspects.difference;
      if (d.mean >= 0) continue;
      // "about A fewer … between B and C": the mean and the 90% range, each to two figures.
      const [amount, , , low, high] = numbersIn(sentences[i]!.slice(option.name.length + 2));
      expect(amount).toBe(twoFigures(-d.mean));
      expect(low).toBe(twoFigures(-d.p95));
      expect(high).toBe(twoFigures(-d.p05));
    }
    const chance = await page.locator('.chance').first().textContent();
    expect(chance).toContain(`${Math.round(out.options[0].probabilityBetter * 100)}% of futures`);

    // One chart holds the baseline and both options, each line marked in its own way.
    const overlay = page.getByRole('figure', { name: /^Suspects not examined in the last month/ });
    await expect(overlay.locator('svg path[stroke-dasharray]').count()).resolves.toBe(2);
    await expect(overlay.getByText('Baseline (circles)').isVisible()).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('heading', { name: 'What each option does' }).scrollIntoViewIfNeeded();
    await screenshots(page, 'options');
  });

  it('keeps the options in the share link', async () => {
    const { context, page } = fresh;
    await page.getByRole('tab', { name: 'Establishment' }).click();
    await page.getByRole('textbox', { name: /^In post, Financial investigator/ }).fill('329');
    await addOption(page, FILL);
    await page.getByRole('button', { name: 'Copy share link' }).click();
    const status = page.getByRole('status').filter({ hasText: /Link copied|copy the link below/ });
    await status.waitFor();
    const link = (await status.textContent())?.includes('Link copied')
      ? await page.evaluate(() => navigator.clipboard.readText())
      : await page.getByRole('textbox', { name: 'Share link' }).inputValue();

    const other = await context.newPage();
    const otherProblems = watchPage(other, served.url);
    await other.goto(link);
    await other.getByRole('status').filter({ hasText: 'Opened from a share link' }).waitFor();
    await other.getByRole('tab', { name: 'Compare' }).click();
    const list = other.getByRole('list').filter({ hasText: FILL });
    await expect(
      list
        .getByText('Metropolitan Police Service · Financial investigator · In post: 269 → 329')
        .isVisible(),
    ).resolves.toBe(true);
    await other.close();
    expect(otherProblems).toEqual([]);
  });

  it('refuses an option without a name or without edits, saying what to do', async () => {
    const { page } = fresh;
    await page.getByRole('tab', { name: 'Compare' }).click();
    await page.getByRole('button', { name: 'Add option' }).click();
    const name = page.getByRole('textbox', { name: 'Name of the option' });
    await expect(name.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.getByText(/^There are no edits to keep yet/).isVisible()).resolves.toBe(true);
    await page.getByRole('tab', { name: 'Establishment' }).click();
    await page.getByRole('textbox', { name: /^In post, Financial investigator/ }).fill('300');
    await page.getByRole('tab', { name: 'Compare' }).click();
    await page.getByRole('button', { name: 'Add option' }).click();
    await expect(page.getByText(/^Give the option a name/).isVisible()).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);
  });
});
