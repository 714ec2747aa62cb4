import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { bigScenario } from '../../scripts/bench/bigScenario.ts';
import { LIMITS } from '../../src/scenario/limits.ts';
import { axeViolations, freshPageEachCase, screenshots, servedApp } from './helpers.ts';

const FILE = join('test-results', 'largest.json');
const NAME = 'Largest file within the limits';

/** Opens the largest file on `page` and waits until the app shows it. */
async function openBigFile(page: Page): Promise<void> {
  await page.locator('input[type=file]').setInputFiles(FILE);
  await page.getByRole('heading', { level: 1 }).filter({ hasText: NAME }).waitFor();
}

describe('a file at every count limit', () => {
  const served = servedApp();
  const fresh = freshPageEachCase(served);
  const textbox = (name: string) => fresh.page.getByRole('textbox', { name, exact: true });
  const stream = (name: string) => fresh.page.getByRole('group', { name, exact: true });

  beforeAll(() => {
    mkdirSync('test-results', { recursive: true });
    writeFileSync(FILE, JSON.stringify(bigScenario()));
  });

  it('opens, showing the establishment table’s first rows a page at a time', async () => {
    const page = fresh.page;
    await openBigFile(page);
    await expect(textbox('In post, Role 1, Unit 1').inputValue()).resolves.toBe('8');
    await expect(textbox('In post, Role 1, Unit 3').count()).resolves.toBe(0);
    const pages = page.getByRole('combobox', { name: 'Showing' });
    await expect(pages.locator('option').count()).resolves.toBe(
      (LIMITS.units * LIMITS.staffGroupsPerUnit) / 40,
    );
    await page.getByRole('button', { name: 'Next rows' }).click();
    await expect(textbox('In post, Role 1, Unit 3').inputValue()).resolves.toBe('8');
    await pages.selectOption({ label: 'Rows 1,961 to 2,000: Unit 99 to Unit 100' });
    await expect(textbox('In post, Role 20, Unit 100').inputValue()).resolves.toBe('27');
    await pages.selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Previous rows' }).click();
    await expect(textbox('In post, Role 1, Unit 1').inputValue()).resolves.toBe('8');
    // The button is disabled on the first page: focus goes to the page list, not to nowhere.
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe(
      await pages.getAttribute('id'),
    );
    expect(await axeViolations(page)).toEqual([]);
  });

  it('takes an edit in the establishment table and works out the vacancies again', async () => {
    const page = fresh.page;
    await openBigFile(page);
    const output = page.locator('output[aria-label="Vacancies, Role 1, Unit 1"]');
    await expect(output.textContent()).resolves.toMatch(/^\s*2\b/);
    await textbox('In post, Role 1, Unit 1').fill('9');
    await expect(output.textContent()).resolves.toMatch(/^\s*1\b/);
  });

  it('takes an edit in the role settings', async () => {
    const page = fresh.page;
    await openBigFile(page);
    const hours = page
      .getByRole('group', { name: 'Role 20', exact: true })
      .getByRole('textbox', { name: /^Productive hours/ });
    await hours.fill('-1');
    await expect(hours.getAttribute('aria-invalid')).resolves.toBe('true');
    await hours.fill('1400');
    await expect(hours.getAttribute('aria-invalid')).resolves.toBe('false');
  });

  it('shows the first unit’s demand streams and opens the others on demand', async () => {
    const page = fresh.page;
    await openBigFile(page);
    await page.getByRole('tab', { name: 'Demand' }).click();
    const first = stream('Stream 1 of unit 1');
    // Pictures are drawn once they come near the screen: the last stream's are far below.
    const last = stream('Stream 10 of unit 1');
    await expect(
      last.getByText('The picture is drawn when it comes into view.').count(),
    ).resolves.toBe(3); // a products stream: cases, per case and hours, no asset value
    await first.scrollIntoViewIfNeeded();
    await first
      .getByText(/9 in 10 between/)
      .first()
      .waitFor();
    await expect(stream('Stream 11 of unit 1').count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Show 10 more streams of Unit 1', exact: true }).click();
    // Focus moves once the new streams are drawn, after the click has returned.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.querySelector('legend')?.textContent))
      .toBe('Stream 11 of unit 1');
    await expect(stream('Stream 20 of unit 1').isVisible()).resolves.toBe(true);
    await expect(stream('Stream 1 of unit 2').count()).resolves.toBe(0);
    const unit2 = page.getByRole('region', { name: 'Unit 2', exact: true });
    await unit2.getByText(`${LIMITS.demandStreamsPerUnit} demand streams in Unit 2`).click();
    await expect(stream('Stream 1 of unit 2').isVisible()).resolves.toBe(true);
    await unit2.getByText(`${LIMITS.demandStreamsPerUnit} demand streams in Unit 2`).click();
    await expect(stream('Stream 1 of unit 2').count()).resolves.toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshots(page, 'big-file-demand');
  });

  it('takes an edit in a demand stream and in a distribution', async () => {
    const page = fresh.page;
    await openBigFile(page);
    await page.getByRole('tab', { name: 'Demand' }).click();
    const first = stream('Stream 1 of unit 1');
    const share = first.getByRole('textbox', { name: /^Share holding assets/ });
    await share.fill('2');
    await expect(share.getAttribute('aria-invalid')).resolves.toBe('true');
    await share.fill('0.4');
    await expect(share.getAttribute('aria-invalid')).resolves.toBe('false');
    const cases = first.getByRole('group', { name: /^Cases per month/ });
    await cases.getByRole('combobox', { name: 'Shape' }).selectOption('fixed');
    const value = cases.getByRole('textbox');
    await expect(value.count()).resolves.toBe(1);
    await value.fill('3');
    await cases.getByText('Average 3;').waitFor();
  });

  it('writes the key inputs, every staff group and stream, only for print', async () => {
    const page = fresh.page;
    await openBigFile(page);
    const lines = page.locator('.key-inputs li');
    await expect(lines.count()).resolves.toBe(0);
    await page.emulateMedia({ media: 'print' });
    await lines.first().waitFor({ state: 'attached' });
    await expect(lines.count()).resolves.toBe(
      1 + LIMITS.units * (LIMITS.staffGroupsPerUnit + LIMITS.demandStreamsPerUnit),
    );
    await page.emulateMedia({ media: 'screen' });
    await lines.first().waitFor({ state: 'detached' });
  });

  it('shows every other tab', async () => {
    const page = fresh.page;
    await openBigFile(page);
    for (const [tab, text] of [
      ['Evidence', /Fit from history/],
      ['Results', /Run the simulation|Run simulation/],
      ['Compare', /./],
      ['Decisions', /./],
      ['Present', /Start presentation/],
    ] as const) {
      await page.getByRole('tab', { name: tab }).click();
      await expect(page.getByRole('tabpanel').textContent()).resolves.toMatch(text);
    }
  });
});
