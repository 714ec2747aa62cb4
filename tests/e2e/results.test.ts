import { describe, expect, it, vi } from 'vitest';
import { axeViolations, freshPageEachCase, screenshots, servedApp } from './helpers.ts';

vi.setConfig({ testTimeout: 180_000 });

describe('results that fit the scenario', () => {
  const served = servedApp();
  const fresh = freshPageEachCase(served);

  it('leads an analysts’ scenario with products, and draws no fractional count ticks', async () => {
    const { page } = fresh;
    await page
      .getByRole('combobox', { name: 'Built-in scenario' })
      .selectOption({ label: 'Metropolitan Police: intelligence analysts' });
    await page
      .getByRole('heading', { level: 1, name: 'Metropolitan Police: intelligence analysts' })
      .waitFor();
    await page.getByRole('textbox', { name: /^Replications/ }).fill('100');
    await page.getByRole('button', { name: 'Run simulation', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Run finished' })
      .waitFor({ timeout: 120_000 });

    const results = page.getByRole('region', { name: 'Results' });
    const first = results.getByRole('listitem').first();
    await expect(first.textContent()).resolves.toMatch(/analytical products will not be delivered/);
    await expect(results.getByText(/suspects will not be examined/).count()).resolves.toBe(0);
    const titles = await results.getByRole('figure').locator('.finding').allTextContents();
    expect(titles[0]).toMatch(/analytical products a month go undelivered/);
    // Tick labels of counts are whole numbers: no "200m" (0.2) on a chart of nothing.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await results.getByRole('figure').last().waitFor();
    const ticks = await results.locator('svg text').allTextContents();
    expect(ticks.filter((t) => /^−?\d+(\.\d+)?m$/.test(t))).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshots(page, 'results-analysts');
  });
});
