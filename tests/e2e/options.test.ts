import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it, vi } from 'vitest';
import { exactFigure, exactSigned } from '../../src/briefing/exactFigures.ts';
import { twoFigures } from '../../src/options/sentence.ts';
import { readXlsx } from '../briefing/readXlsx.ts';
import { runCli } from '../cli/runCli.ts';
import {
  axeViolations,
  freshPageEachCase,
  screenshots,
  servedApp,
  SHOTS,
  watchPage,
} from './helpers.ts';
import { mpsFigures } from './mpsFigures.ts';

vi.setConfig({ testTimeout: 240_000 });

const DOWNLOADS = 'test-results/downloads';
const REPLICATIONS = '200';
const FILL = 'Fill the vacancies';
const SEATS = 'Ten more training seats a year';
const mps = mpsFigures();

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
  await page
    .getByRole('textbox', { name: /^In post, Financial investigator/ })
    .fill(String(mps.establishment));
  await addOption(page, FILL);
  // The scenario is back to its baseline once the edit is an option.
  await page.getByRole('tab', { name: 'Establishment' }).click();
  const inPost = page.getByRole('textbox', { name: /^In post, Financial investigator/ });
  await expect(inPost.inputValue()).resolves.toBe(String(mps.inPost));
  await page.getByRole('textbox', { name: /^Training seats/ }).fill(String(mps.seatsPerYear + 10));
  await addOption(page, SEATS);
  await page.getByRole('button', { name: 'Run options' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: /^Finished: the baseline and 2 options/ })
    .waitFor({
      timeout: 200_000,
    });
}

/** Text of each slide's XML, in slide order, with XML escapes undone. */
async function slideTexts(zip: JSZip): Promise<string[]> {
  const names = Object.keys(zip.files)
    .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]));
  return Promise.all(
    names.map(async (n) =>
      [...(await zip.file(n)!.async('string')).matchAll(/<a:t>([^<]*)<\/a:t>/g)]
        .map((m) =>
          m[1]!
            .replace(/&lt;/g, '<')
            .replace(/&gt;/g, '>')
            .replace(/&quot;/g, '"')
            .replace(/&amp;/g, '&'),
        )
        .join(' '),
    ),
  );
}

/** The file a button downloads, kept among the test's downloads. */
async function download(page: Page, button: Locator) {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  mkdirSync(DOWNLOADS, { recursive: true });
  const path = join(DOWNLOADS, `options-${file.suggestedFilename()}`);
  await file.saveAs(path);
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
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
      /^Fill the vacancies: about [\d,]+ fewer suspects go unexamined over four years \(in 9 futures out of 10, between [\d,]+ and [\d,]+\), and about £[\d.]+m more is recovered\.$/,
    );

    const file = await saveScenario(page);
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    expect(saved.options.map((o: { name: string }) => o.name)).toEqual([FILL, SEATS]);
    expect(saved.options[0].changes).toEqual([
      { field: 'units[0].staff[0].inPost', value: mps.establishment },
    ]);
    expect(saved.units[0].staff[0].inPost).toBe(mps.inPost);

    const cli = await runCli(['compare', file, '--replications', REPLICATIONS, '--format', 'json']);
    expect(cli.stderr).toBe('');
    const out = JSON.parse(cli.stdout);
    for (const [i, option] of out.options.entries()) {
      expect(sentences[i]).toBe(option.sentence);
      const d = option.totals.unexaminedSuspects.difference;
      // Both ends of the range fewer: "between B and C" names them without a direction.
      if (d.p95 >= 0) continue;
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

  it('presents, exports, downloads and prints the options as the command line gives them', async () => {
    const { page } = fresh;
    await makeTwoOptionsAndRun(page);
    const cli = await runCli([
      'compare',
      await saveScenario(page),
      '--replications',
      REPLICATIONS,
      '--format',
      'json',
    ]);
    const out = JSON.parse(cli.stdout);
    const names: string[] = out.options.map((o: { name: string }) => o.name);
    expect(names).toEqual([FILL, SEATS]);

    // The overlay chart's SVG says what it is, its key, and the options it sets side by side.
    const overlay = page.getByRole('figure', { name: /^Suspects not examined in the last month/ });
    const title = (await overlay.locator('.finding').textContent())!.trim();
    const svg = (
      await download(page, overlay.getByRole('button', { name: /^Download SVG/ }))
    ).bytes.toString('utf8');
    const text = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join(' ');
    expect(text).toContain(title);
    for (const label of ['Baseline (circles)', `${FILL} (squares)`, `${SEATS} (triangles)`])
      expect(svg).toContain(`>${label}</text>`);
    expect(text).toContain('Up: Suspects not examined (per month).');
    expect(text).toContain(`baseline and options “${FILL}”, “${SEATS}”`);
    expect(text).toMatch(/replications · Shortfall \d+\.\d+\.\d+ · exported \d+ \w+ \d{4}/);

    // The PowerPoint pack: each option's name and sentence, the options side by side, the limit.
    const pptx = await download(page, page.getByRole('button', { name: /^Download briefing/ }));
    const slides = await slideTexts(await JSZip.loadAsync(pptx.bytes));
    const at = (heading: string) => slides.findIndex((t) => t.startsWith(`${heading} `));
    expect(slides[at('What limits capacity')]).toContain(out.baseline.bottleneck.sentence);
    const side = at('The options side by side');
    expect(side).toBeGreaterThan(0);
    for (const option of out.options) {
      expect(slides[side]).toContain(option.sentence);
      const own = at(option.name);
      expect(own).toBeGreaterThan(side);
      expect(slides[own]).toContain(option.sentence);
      expect(slides[own]).toContain(option.bottleneck.sentence);
    }

    // The workbook: the named sheets with the command line's figures.
    const xlsx = await download(page, page.getByRole('button', { name: /^Download workbook/ }));
    const sheets = await readXlsx(new Uint8Array(xlsx.bytes));
    for (const name of ['Options', 'Options compared', 'Option costs', 'What limits capacity'])
      expect(sheets.has(name)).toBe(true);
    const compared = sheets.get('Options compared')!;
    const header = compared.find((r) => r[0] === 'Option')!;
    for (const option of out.options) {
      const row = compared.find(
        (r) => r[0] === option.name && r[1] === 'Suspects not examined for assets',
      )!;
      const d = option.totals.unexaminedSuspects.difference;
      expect(row[header.indexOf('Difference mean')]).toBeCloseTo(d.mean, 6);
      expect(row[header.indexOf('Difference 5th percentile')]).toBeCloseTo(d.p05, 6);
      expect(row[header.indexOf('Difference 95th percentile')]).toBeCloseTo(d.p95, 6);
      const summary = sheets.get('Options')!.find((r) => r[0] === option.name)!;
      expect(summary).toContain(option.probabilityBetter);
      expect(summary).toContain(option.sentence);
    }

    // Printed, the Compare tab keeps the options, their changes and the key of each chart.
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('button', { name: 'Run options' }).isVisible()).resolves.toBe(
      false,
    );
    await expect(page.locator('.sentence').first().isVisible()).resolves.toBe(true);
    await expect(overlay.locator('.key').isVisible()).resolves.toBe(true);
    await page.screenshot({
      path: `${SHOTS}/print-options-full-page.png`,
      fullPage: true,
      style: 'figure { content-visibility: visible !important; }',
    });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    writeFileSync(`${DOWNLOADS}/options.pdf`, pdf);
    await page.emulateMedia({ media: 'screen' });

    // Presented at 1920 × 1080: the headlines, the limit, the options side by side, each option.
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.getByRole('button', { name: 'Present the options' }).click();
    const dialog = page.getByRole('dialog', { name: /^Presentation/ });
    await dialog.waitFor();
    await expect(page.locator('.masthead').count()).resolves.toBe(0);
    const slide = async (heading: string, shot: string) => {
      await page.keyboard.press('ArrowRight');
      await dialog.getByRole('heading', { name: heading, exact: true }).waitFor();
      await expect(
        dialog.getByRole('navigation').evaluate((n) => getComputedStyle(n).opacity),
      ).resolves.toBe('0');
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/slide-${shot}-1920x1080.png` });
    };
    await slide('What limits capacity', 'bottleneck');
    await expect(dialog.getByText(out.baseline.bottleneck.sentence).isVisible()).resolves.toBe(
      true,
    );
    await slide('The options side by side', 'options');
    for (const option of out.options)
      await expect(dialog.getByText(option.sentence).isVisible()).resolves.toBe(true);
    for (const [i, option] of out.options.entries()) {
      await slide(option.name, `option-${i + 1}`);
      const lead = dialog.locator('.lead');
      await expect(lead.textContent()).resolves.toBe(option.sentence);
      // Read from the back of the room: the sentence over 32 px, the table's figures over 22 px.
      const size = (locator: typeof lead) =>
        locator.evaluate((n) => parseFloat(getComputedStyle(n).fontSize));
      expect(await size(lead)).toBeGreaterThanOrEqual(32);
      expect(await size(dialog.locator('td').first())).toBeGreaterThanOrEqual(22);
      // Nothing of the slide is cut off by its foot.
      const bottom = await dialog
        .locator('.slide > *')
        .last()
        .evaluate((n) => n.getBoundingClientRect().bottom);
      const foot = await dialog.locator('.footer').evaluate((n) => n.getBoundingClientRect().top);
      expect(bottom).toBeLessThanOrEqual(foot);
    }
    await page.keyboard.press('n');
    const notes = dialog.getByRole('region', { name: 'Speaker notes' });
    const d = out.options[1].totals.unexaminedSuspects.difference;
    await expect(notes.innerText()).resolves.toContain(
      `difference mean ${exactSigned(d.mean, 'count')} (standard error ${exactFigure(d.se, 'count')})`,
    );
    await expect(notes.innerText()).resolves.toMatch(
      new RegExp(
        `Seed “${out.seed}”, ${REPLICATIONS} replications for the baseline and each option`,
      ),
    );
    await expect(notes.innerText()).resolves.toMatch(/Shortfall \d+\.\d+\.\d+/);
    await page.keyboard.press('n');
    await page.keyboard.press('ArrowRight');
    await dialog
      .getByRole('figure', { name: /^Suspects not examined in the last month/ })
      .waitFor();
    await expect(dialog.getByText('Baseline (circles)').isVisible()).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/slide-options-chart-1920x1080.png` });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('options-present');

    // The results printed after a run carry the options run beside the same baseline.
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByRole('button', { name: 'Run simulation', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Run finished' })
      .waitFor({ timeout: 120_000 });
    await page.emulateMedia({ media: 'print' });
    const printed = page.getByRole('region', { name: 'Options against the baseline' });
    await expect(printed.innerText()).resolves.toContain(out.options[0].sentence);
    await expect(printed.innerText()).resolves.toMatch(/What changes: .+ In post: /);
    await page.screenshot({
      path: `${SHOTS}/print-results-with-options-full-page.png`,
      fullPage: true,
      style: 'figure { content-visibility: visible !important; }',
    });
  });

  it('says who gains, unit by unit, in a scenario of several units, and presents it', async () => {
    const { page } = fresh;
    await page
      .getByRole('combobox', { name: /scenario/i })
      .selectOption({ label: 'London SIUs: three separate units' });
    await page.getByRole('heading', { level: 1, name: /three separate units$/ }).waitFor();
    await page.getByRole('textbox', { name: /^Replications/ }).fill('100');
    await page.getByRole('tab', { name: 'Establishment' }).click();
    const row = /^%s, SIU officer or supervisor, British Transport Police SIU/.source;
    const field = (name: string) =>
      page.getByRole('textbox', { name: new RegExp(row.replace('%s', name)) });
    const posts = Number(await field('Posts').inputValue());
    await field('Posts').fill(String(posts + 2));
    await field('In post').fill(String(Number(await field('In post').inputValue()) + 2));
    await addOption(page, 'Two more BTP officers');
    await page.getByRole('button', { name: 'Run options' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Finished: the baseline and 1 option/ })
      .waitFor({ timeout: 200_000 });
    const gains = page.getByRole('table', { name: /^Who gains/ });
    await expect(gains.getByRole('rowheader').allTextContents()).resolves.toEqual([
      'Metropolitan Police Service SIU',
      'British Transport Police SIU',
      'City of London Police SIU',
    ]);
    await expect(
      gains.getByRole('columnheader', { name: /Analytical products not delivered/ }).count(),
    ).resolves.toBe(1);
    await expect(
      page.getByText(/^What limits capacity with this option\./).isVisible(),
    ).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await gains.scrollIntoViewIfNeeded();
    await gains.screenshot({ path: `${SHOTS}/options-who-gains.png` });

    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.getByRole('button', { name: 'Present the options' }).click();
    const dialog = page.getByRole('dialog', { name: /^Presentation/ });
    const heading = dialog.getByRole('heading', { name: 'Who gains: Two more BTP officers' });
    for (let i = 0; i < 8 && !(await heading.isVisible()); i++)
      await page.keyboard.press('ArrowRight');
    await expect(dialog.getByRole('rowheader').count()).resolves.toBe(3);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/slide-who-gains-1920x1080.png` });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('keeps the options in the share link', async () => {
    const { context, page } = fresh;
    await page.getByRole('tab', { name: 'Establishment' }).click();
    await page
      .getByRole('textbox', { name: /^In post, Financial investigator/ })
      .fill(String(mps.establishment));
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
        .getByText(
          `Metropolitan Police Service · Financial investigator · In post: ${mps.inPost} → ${mps.establishment}`,
        )
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
