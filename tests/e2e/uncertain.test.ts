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
});
