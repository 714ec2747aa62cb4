import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { axeViolations, freshPageEachCase, screenshots, servedApp } from './helpers.ts';

const scratch = mkdtempSync(join(tmpdir(), 'shortfall-e2e-uncertain-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const small = JSON.parse(
  readFileSync(join(import.meta.dirname, '../runner/fixtures/small-scenario.json'), 'utf8'),
);
const stream = small.units[0].demand[0];
stream.casesPerMonth = {
  dist: 'poisson',
  mean: { uncertain: { dist: 'uniform', min: 10, max: 40 } },
};
const FILE = join(scratch, 'uncertain-demand.json');
writeFileSync(FILE, JSON.stringify(small));

describe('uncertain assumptions in the app', () => {
  const served = servedApp();
  const fresh = freshPageEachCase(served);

  it('shows the range, says where the results’ ranges come from, and can use one value', async () => {
    const { page } = fresh;
    await page.locator('input[type=file]').setInputFiles(FILE);
    await page.getByRole('heading', { level: 1, name: small.name }).waitFor();
    await page.getByRole('tab', { name: 'Demand' }).click();
    const note = page.getByText(/^Uncertain:/).first();
    await note.waitFor();
    expect((await note.locator('..').textContent())?.replace(/\s+/g, ' ')).toMatch(
      /between 10 and 40\. Each simulated future draws its own value; elsewhere it stands at its average, 25\./,
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshots(page, 'uncertain-demand');

    await page.getByRole('textbox', { name: 'Seed', exact: true }).fill('e2e');
    await page.getByRole('textbox', { name: /^Replications/ }).fill('400');
    await page.getByRole('button', { name: 'Run simulation', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Run finished' }).waitFor({ timeout: 90_000 });
    const results = page.getByRole('region', { name: 'Results' });
    await results
      .getByText(/comes from not knowing .*Cases per month \(average\).*; chance adds/)
      .first()
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshots(page, 'uncertain-results');

    await page.getByRole('tab', { name: 'Demand' }).click();
    await page.getByRole('button', { name: /^Use one value for Average, Cases per month/ }).click();
    await expect(
      page
        .getByRole('textbox', { name: /^Average, Cases per month/ })
        .first()
        .inputValue(),
    ).resolves.toBe('25');
  });

  it('moves the uncertain assumption across its range on the Decisions tab, and ranks its draws', async () => {
    const { page } = fresh;
    await page.locator('input[type=file]').setInputFiles(FILE);
    await page.getByRole('heading', { level: 1, name: small.name }).waitFor();
    await page.getByRole('tab', { name: 'Decisions' }).click();
    const decisions = page.getByRole('region', { name: 'Decisions' });
    await decisions.getByRole('spinbutton', { name: /Replications per run/ }).fill('200');
    await decisions.getByRole('spinbutton', { name: /^Most replications per run/ }).fill('50');
    const ranges = decisions.getByRole('radio', { name: /^Across its own range/ });
    await expect(ranges.isChecked()).resolves.toBe(true);
    await expect(
      decisions.getByRole('radio', { name: /^By ±20% of each input/ }).isChecked(),
    ).resolves.toBe(false);
    await decisions.getByRole('button', { name: 'Run sensitivity' }).click();
    const chart = decisions.getByRole('figure');
    await chart.waitFor({ timeout: 90_000 });
    await expect(chart.getByRole('heading').textContent()).resolves.toMatch(
      /^Small force, Arrests: Cases per month \(average\) moves the mean .* most across its range: from [\d,.]+ to [\d,.]+/,
    );
    await expect(chart.textContent()).resolves.toContain('assumption at its 95th percentile');
    // Leavers, abstraction and time to hire of the one staff group; hours, share holding
    // assets and asset value of the one stream.
    const noRange = decisions.getByText('No range given for 6 inputs');
    await noRange.click();
    await decisions
      .getByText('Small force, Arrests: Hours per suspect or product: no range given')
      .waitFor();

    await decisions.getByRole('button', { name: 'Run rank correlation' }).click();
    const table = decisions.getByRole('table', { name: /each uncertain assumption’s value/ });
    await table.waitFor({ timeout: 90_000 });
    await expect(table.locator('tbody th').allTextContents()).resolves.toEqual([
      'Small force, Arrests: Cases per month (average)',
    ]);
    expect(await axeViolations(page)).toEqual([]);
    await decisions.getByRole('heading', { name: /one input at a time/ }).scrollIntoViewIfNeeded();
    await screenshots(page, 'decisions-uncertain');

    // The ±20% swing stays, labelled as such.
    await decisions.getByRole('radio', { name: /^By ±20% of each input/ }).check();
    await decisions.getByRole('button', { name: 'Run sensitivity' }).click();
    await decisions
      .getByText(/^±20% of each input, ignoring the ranges the scenario gives/)
      .waitFor({ timeout: 90_000 });
    await chart.getByRole('button', { name: 'Show the numbers' }).click();
    await decisions
      .getByRole('table', { name: /^One-at-a-time sensitivity, ±20% of each input/ })
      .waitFor();
  }, 240_000);
});
