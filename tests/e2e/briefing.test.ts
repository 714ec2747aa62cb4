import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readXlsx } from '../briefing/readXlsx.ts';
import { axeViolations, freshPageEachCase, servedApp, SHOTS } from './helpers.ts';
import { mpsFigures } from './mpsFigures.ts';

const mps = mpsFigures();
const CHANGE = `In post: ${mps.inPost} → ${mps.establishment}`;

const OUT = 'test-results/briefing';
const SCENARIO = 'Metropolitan Police: financial investigators';

/** Text of each slide's XML, in slide order. */
async function slideTexts(zip: JSZip): Promise<string[]> {
  const names = Object.keys(zip.files)
    .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]));
  return Promise.all(
    names.map(async (n) =>
      [...(await zip.file(n)!.async('string')).matchAll(/<a:t>([^<]*)<\/a:t>/g)]
        .map((m) => m[1]!.replace(/&amp;/g, '&').replace(/&quot;/g, '"'))
        .join(' '),
    ),
  );
}

describe('the briefing pack, exports, print and presentation', () => {
  const served = servedApp();
  const fresh = freshPageEachCase(served);

  async function download(page: Page, button: RegExp) {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: button }).first().click(),
    ]);
    const path = `${OUT}/${file.suggestedFilename()}`;
    await file.saveAs(path);
    return { name: file.suggestedFilename(), bytes: readFileSync(path) };
  }

  async function runAndWait(page: Page) {
    await page.getByRole('button', { name: 'Run simulation', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Run finished' }).waitFor({ timeout: 90_000 });
  }

  beforeAll(() => {
    mkdirSync(OUT, { recursive: true });
    mkdirSync(SHOTS, { recursive: true });
  });

  // Each case has a baseline of the MPS scenario as it is and a current run with the 60
  // vacancies filled, both of 100 replications on seed "brief".
  beforeEach(async () => {
    const { page } = fresh;
    await page.getByRole('textbox', { name: 'Seed', exact: true }).fill('brief');
    await page.getByRole('textbox', { name: /^Replications/ }).fill('100');
    await runAndWait(page);
    await page.getByRole('button', { name: 'Keep as baseline' }).click();
    await page.getByRole('tab', { name: 'Establishment' }).click();
    await page
      .getByRole('textbox', { name: /^In post, Financial investigator/ })
      .fill(String(mps.establishment));
    await runAndWait(page);
    await page.getByText('Out of date:').waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: 'Results' }).click();
  }, 180_000);

  it('downloads a PowerPoint briefing whose slides hold the scenario, headlines and comparison', async () => {
    const { page } = fresh;
    const headlines = await page.locator('.headlines .sentence').allTextContents();
    expect(headlines.length).toBeGreaterThanOrEqual(3);
    const pptx = await download(page, /^Download briefing \(PowerPoint\)/);
    expect(pptx.name).toMatch(/-briefing\.pptx$/);
    const zip = await JSZip.loadAsync(pptx.bytes);
    const slides = await slideTexts(zip);
    expect(slides[0]).toContain(SCENARIO);
    for (const sentence of headlines) expect(slides[1]).toContain(sentence.trim());
    expect(slides[2]).toMatch(/^What limits capacity Training seats are the limit: /);
    expect(slides[3]).toContain('Current run against the baseline');
    expect(slides[3]).toMatch(/Suspects not examined for assets: −[\d,]+ \(in 9 futures out of 10/);
    expect(slides[3]).toContain(`Financial investigator · ${CHANGE}`);
    expect(slides.some((s) => s.includes('Assumptions register'))).toBe(true);
    expect(slides.at(-1)).toContain('seed “brief”');
    await expect(
      page
        .getByRole('status')
        .filter({ hasText: /Briefing saved/ })
        .isVisible(),
    ).resolves.toBe(true);
  });

  it('downloads an Excel workbook whose sheets read back the figures of the CSV', async () => {
    const { page } = fresh;
    const xlsx = await download(page, /^Download workbook \(Excel\)/);
    expect(xlsx.name).toMatch(/-briefing\.xlsx$/);
    const sheets = await readXlsx(new Uint8Array(xlsx.bytes));
    expect([...sheets.keys()]).toEqual([
      'About',
      'Inputs',
      'Assumptions register',
      'Comparison',
      'Options',
      'Options compared',
      'Option costs',
      'What limits capacity',
      'Totals',
      'Monthly percentiles',
      'FMS table',
    ]);
    const csv = (await download(page, /^Download results \(CSV\)/)).bytes.toString('utf8');
    const csvRow = csv.split(/\r\n/).find((l) => l.startsWith('total,unexaminedSuspects,'))!;
    const [, , , mean, , , , median] = csvRow.split(',').map(Number);
    const totals = sheets.get('Totals')!;
    const header = totals[3]!;
    const row = totals.find((r) => r[0] === 'Suspects not examined for assets')!;
    expect(row[header.indexOf('Mean')]).toBeCloseTo(mean!, 2);
    expect(row[header.indexOf('Median')]).toBeCloseTo(median!, 2);
    const comparison = sheets.get('Comparison')!;
    const heading = comparison[3]!;
    const paired = comparison.find((r) => r[1] === 'Suspects not examined for assets')!;
    expect(paired[0]).toBe('Current run against the baseline');
    expect(paired[heading.indexOf('Difference mean')]).toBeLessThan(0);
    expect(paired[heading.indexOf('Paired (same seed)')]).toBe('yes');
  });

  it('exports a chart’s SVG with its title, legend, units and stamp', async () => {
    const { page } = fresh;
    const title = await page.locator('.charts figure .finding').first().textContent();
    const svg = (await download(page, /^Download SVG/)).bytes.toString('utf8');
    // Lines wrapped to the picture's width are read back as one text.
    const text = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join(' ');
    expect(text).toContain(title!.trim());
    for (const label of ['median', 'middle 50% of futures', '90% of futures'])
      expect(svg).toContain(`>${label}</text>`);
    expect(text).toContain('Up: Suspects not examined (per month).');
    expect(text).toMatch(
      /seed “brief” · 100 replications · Shortfall \d+\.\d+\.\d+ · exported \d+ \w+ \d{4}/,
    );
  });

  it('prints the baseline, what changed and the difference, with keys that print', async () => {
    const { page } = fresh;
    await page.emulateMedia({ media: 'print' });
    const section = page.getByRole('region', { name: 'Compared with the baseline' });
    await expect(section.isVisible()).resolves.toBe(true);
    await expect(section.innerText()).resolves.toContain(CHANGE);
    await expect(section.innerText()).resolves.toMatch(/What changed/);
    await expect(section.innerText()).resolves.toMatch(/Baseline: Metropolitan Police/);
    await expect(page.locator('figure .key').first().isVisible()).resolves.toBe(true);
    await page.screenshot({
      path: `${SHOTS}/print-briefing-full-page.png`,
      fullPage: true,
      style: 'figure { content-visibility: visible !important; }',
    });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    writeFileSync(`${OUT}/results-with-baseline.pdf`, pdf);
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
  });

  it('presents a summary and a comparison slide full screen at 1920 × 1080, notes on N', async () => {
    const { page } = fresh;
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: /^Presentation/ });
    await dialog.waitFor();
    await expect(
      dialog.getByRole('heading', { name: 'What the scenario shows' }).isVisible(),
    ).resolves.toBe(true);
    // No app chrome: the masthead and tabs are gone, the controls hidden until hovered or focused.
    await expect(page.locator('.masthead').count()).resolves.toBe(0);
    await expect(
      dialog.getByRole('navigation').evaluate((n) => getComputedStyle(n).opacity),
    ).resolves.toBe('0');
    const stage = await page.locator('.stage').boundingBox();
    expect(stage!.width / stage!.height).toBeCloseTo(16 / 9, 2);
    expect(stage!.width).toBeCloseTo(1920, 0);
    // Headlines read from the back of the room.
    const size = await page
      .locator('.headlines .sentence')
      .first()
      .evaluate((n) => parseFloat(getComputedStyle(n).fontSize));
    expect(size).toBeGreaterThanOrEqual(32);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/slide-summary-1920x1080.png` });

    await page.keyboard.press('ArrowRight');
    await expect(
      dialog.getByRole('heading', { name: 'What limits capacity' }).isVisible(),
    ).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('ArrowRight');
    await expect(
      dialog.getByRole('heading', { name: 'Current run against the baseline' }).isVisible(),
    ).resolves.toBe(true);
    await expect(
      dialog
        .getByText(/Suspects not examined for assets: −[\d,]+ \(in 9 futures out of 10/)
        .isVisible(),
    ).resolves.toBe(true);
    await page.keyboard.press('n');
    const notes = dialog.getByRole('region', { name: 'Speaker notes' });
    await expect(notes.innerText()).resolves.toMatch(
      /difference mean −[\d,]+ \(standard error [\d.,]+\)/,
    );
    await expect(notes.innerText()).resolves.toMatch(
      /seed “brief” · 100 replications · Shortfall \d+\.\d+\.\d+/,
    );
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/slide-comparison-1920x1080.png` });
    await page.keyboard.press('n');

    await page.keyboard.press('ArrowRight');
    const tick = await dialog
      .locator('svg text')
      .first()
      .evaluate((n) => n.getBoundingClientRect().height);
    expect(tick).toBeGreaterThanOrEqual(22);
    // Tabbing to the controls shows them.
    await page.keyboard.press('Tab');
    await expect
      .poll(() => dialog.getByRole('navigation').evaluate((n) => getComputedStyle(n).opacity))
      .toBe('1');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/slide-chart-1920x1080.png` });

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('results-present');
  });
});
