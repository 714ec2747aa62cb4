import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { axeViolations, freshPageEachCase, screenshots, servedApp } from './helpers.ts';

vi.setConfig({ testTimeout: 240_000 });

const scratch = mkdtempSync(join(tmpdir(), 'shortfall-e2e-evidence-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Three years of monthly referrals and hours, steady: what a force's own records might hold. */
const REFERRALS = [
  84, 97, 91, 88, 102, 95, 79, 93, 99, 86, 90, 104, 92, 87, 96, 83, 98, 94, 89, 101, 85, 92, 97, 90,
  88, 95, 100, 91, 86, 93, 99, 87, 94, 96, 89, 92,
];
const HOURS = REFERRALS.map((r, i) => (18 + ((i * 7) % 13) * 2.3 + (r % 5)).toFixed(1));
const CSV = [
  'Month,Referrals,Hours per case',
  ...REFERRALS.map(
    (r, i) =>
      `${2022 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')},${r},${HOURS[i]}`,
  ),
].join('\n');
const FILE = join(scratch, 'referrals-2022-2024.csv');
writeFileSync(FILE, CSV);

const focused = (page: Page) =>
  page.evaluate(() => ({
    label: document.activeElement?.getAttribute('aria-label') ?? '',
    text: document.activeElement?.textContent ?? '',
  }));

describe('ranges from evidence', () => {
  const served = servedApp();
  const fresh = freshPageEachCase(served);

  it('elicits a range from two experts, runs, and says how much of the range is theirs', async () => {
    const { page } = fresh;
    await page.getByRole('tab', { name: 'Demand' }).click();
    const ask = page
      .getByRole('button', { name: /^Ask experts about Average, Cases per month/ })
      .first();
    await ask.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: /^Ask experts: .*Drug supply arrests/ });
    await dialog.waitFor();
    // Escape closes and focus goes back to the field's button.
    await expect(focused(page)).resolves.toMatchObject({ label: 'Name, expert 1' });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await expect(focused(page)).resolves.toMatchObject({
      label: expect.stringMatching(/^Ask experts about Average, Cases per month/),
    });

    // Keyboard only: two experts, the second with twice the weight.
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.keyboard.type('DS Patel');
    for (const value of ['', '60', '90', '130']) {
      await page.keyboard.press('Tab');
      if (value) await page.keyboard.type(value);
    }
    await dialog.getByRole('button', { name: 'Add an expert' }).focus();
    await page.keyboard.press('Enter');
    await expect(focused(page)).resolves.toMatchObject({ label: 'Name, expert 2' });
    await page.keyboard.type('DI Moore');
    for (const value of ['2', '80', '110', '170']) {
      await page.keyboard.press('Tab');
      await page.keyboard.type(value);
    }
    await dialog
      .getByRole('textbox', { name: /^Why these experts/ })
      .fill('Drug supply leads, asked apart.');
    await expect(dialog.getByText(/^Range to use:/).textContent()).resolves.toMatch(
      /^Range to use:/,
    );
    await dialog.getByRole('figure').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshots(page, 'evidence-experts-dialog');

    await dialog.getByRole('button', { name: 'Use this range' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect(focused(page)).resolves.toMatchObject({
      label: expect.stringMatching(/^Ask experts about Average, Cases per month/),
    });
    await expect(
      page
        .getByText(/^Uncertain:/)
        .first()
        .textContent(),
    ).resolves.toBe('Uncertain:');

    await page.getByRole('tab', { name: 'Assumptions' }).click();
    const note = page.getByRole('textbox', {
      name: /^Note on Metropolitan Police Service · Drug supply arrests · Cases per month · average/,
    });
    await expect(note.inputValue()).resolves.toMatch(
      /^Elicited on \d{4}-\d{2}-\d{2} from DS Patel \(weight 33%\), DI Moore \(weight 67%\); linear pool fitted as a (PERT|lognormal) distribution\. Why: Drug supply leads, asked apart\.$/,
    );

    await page.getByRole('textbox', { name: 'Seed', exact: true }).fill('e2e');
    await page.getByRole('textbox', { name: /^Replications/ }).fill('400');
    await page.getByRole('button', { name: 'Run simulation', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Run finished' })
      .waitFor({ timeout: 180_000 });
    const results = page.getByRole('region', { name: 'Results' });
    await results
      .getByText(
        /comes from not knowing Metropolitan Police Service, Drug supply arrests: Cases per month \(average\).*; chance adds/,
      )
      .first()
      .waitFor();
    await screenshots(page, 'evidence-experts-results');
  });

  it('fits a pasted history into a field, with its provenance in the register', async () => {
    const { page } = fresh;
    await page.getByRole('tab', { name: 'Demand' }).click();
    await page
      .getByRole('button', {
        name: 'Fit from history: Metropolitan Police Service · Drug supply arrests · Cases per month',
      })
      .click();
    await expect(
      page.getByRole('tab', { name: 'Evidence' }).getAttribute('aria-selected'),
    ).resolves.toBe('true');
    await expect(focused(page)).resolves.toMatchObject({ text: 'Fit from history' });

    await page.getByRole('textbox', { name: 'Or paste it here' }).fill(CSV);
    await expect(page.getByRole('combobox', { name: 'Column' }).inputValue()).resolves.toBe(
      'Referrals',
    );
    await expect(page.getByRole('radio', { name: /^Counts/ }).isChecked()).resolves.toBe(true);
    await page
      .getByRole('textbox', { name: 'Source, for the register' })
      .fill('Force referrals log');
    await page.getByText(/^Referrals: 36 months, best fitted by a/).waitFor();
    await page
      .getByRole('table', { name: 'The distributions fitted by maximum likelihood' })
      .waitFor();
    await page.getByText(/^Trend:/).waitFor();
    await page.getByRole('figure', { name: /^How well the .* fits Referrals/ }).waitFor();
    await expect(page.getByRole('combobox', { name: 'Put it into' }).inputValue()).resolves.toBe(
      'units[0].demand[0].casesPerMonth',
    );
    expect(await axeViolations(page)).toEqual([]);
    await page
      .getByRole('table', { name: 'The distributions fitted by maximum likelihood' })
      .scrollIntoViewIfNeeded();
    await screenshots(page, 'evidence-fit');

    await page.getByRole('button', { name: 'Use this fit' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Written to/ })
      .waitFor();

    await page.getByRole('tab', { name: 'Assumptions' }).click();
    const note = page.getByRole('textbox', {
      name: /^Note on Metropolitan Police Service · Drug supply arrests · Cases per month$/,
    });
    await expect(note.inputValue()).resolves.toMatch(
      /^Fitted from Force referrals log, 36 months \(column “Referrals”\), on \d{4}-\d{2}-\d{2}: /,
    );
    await note.scrollIntoViewIfNeeded();
    await screenshots(page, 'evidence-fit-register');

    await page.getByRole('tab', { name: 'Demand' }).click();
    await expect(
      page.getByRole('textbox', { name: /^Average, Cases per month/ }).count(),
    ).resolves.toBeGreaterThan(0);
    await expect(
      page
        .getByText(/^Uncertain:/)
        .first()
        .textContent(),
    ).resolves.toBe('Uncertain:');
    // Undo takes the fit and its note back together.
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('tab', { name: 'Assumptions' }).click();
    await page.getByRole('heading', { name: 'Assumptions', level: 2 }).waitFor();
    const notes = await page
      .locator('textarea')
      .evaluateAll((areas) => areas.map((a) => (a as HTMLTextAreaElement).value));
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.filter((n) => n.startsWith('Fitted from'))).toEqual([]);
  });

  it('back-tests an opened history on the months it did not see', async () => {
    const { page } = fresh;
    await page.getByRole('tab', { name: 'Evidence' }).click();
    await page.getByLabel('Open a CSV file').setInputFiles(FILE);
    await expect(
      page.getByRole('textbox', { name: 'Source, for the register' }).inputValue(),
    ).resolves.toBe('referrals-2022-2024.csv');
    await page.getByRole('combobox', { name: 'Column' }).selectOption('Hours per case');
    await expect(page.getByRole('radio', { name: /^Amounts/ }).isChecked()).resolves.toBe(true);
    await page.getByRole('figure', { name: /^How well the .* fits Hours per case/ }).waitFor();
    await page.getByRole('textbox', { name: 'Months held out' }).fill('9');
    await page
      .getByText('Hours per case: fitted on months 1 to 27, tested on the last 9.')
      .waitFor();
    await expect(page.getByText(/^Inside the 90% band: \d of 9 months/).count()).resolves.toBe(1);
    const chart = page.getByRole('figure', { name: /the last 9 months against a fit/ });
    await chart.scrollIntoViewIfNeeded();
    await expect(chart.locator('circle').count()).resolves.toBe(9);
    await page.getByRole('textbox', { name: 'Months held out' }).fill('40');
    await page
      .getByText(/^Months held out: the months held out must be a whole number from 1 to 30/)
      .waitFor();
    await page.getByRole('textbox', { name: 'Months held out' }).fill('12');
    await page.getByRole('figure', { name: /the last 12 months against a fit/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page
      .getByRole('figure', { name: /the last 12 months against a fit/ })
      .scrollIntoViewIfNeeded();
    await screenshots(page, 'evidence-backtest');
  });
});
