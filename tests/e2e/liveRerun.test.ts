import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, freshPageEachCase, screenshots, servedApp, SHOTS } from './helpers.ts';

/** The run panel's line with the first headline, shown beside the editors. */
const latest = (page: Page) => page.locator('.run .latest');

describe('results that follow edits', () => {
  const served = servedApp();
  const fresh = freshPageEachCase(served);

  /** Runs `replications` of the MPS scenario with seed "e2e" by pressing Run, then goes back to the editor. */
  async function resultsThenEdit(replications: string) {
    const { page } = fresh;
    await page.getByRole('textbox', { name: 'Seed', exact: true }).fill('e2e');
    await page.getByRole('textbox', { name: /^Replications/ }).fill(replications);
    await page.getByRole('button', { name: 'Run simulation', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Run finished' }).waitFor({ timeout: 90_000 });
    await page.getByRole('tab', { name: 'Establishment' }).click();
  }

  it('reruns after an edit, marks the first answer as refining until it is final', async () => {
    const { page } = fresh;
    await resultsThenEdit('200');
    const before = await latest(page).textContent();
    expect(before).toMatch(/Latest result: .*suspects will not be examined/);
    // More replications, so the refining can be seen; then a change of staff.
    await page.getByRole('textbox', { name: /^Replications/ }).fill('800');
    await page.getByRole('textbox', { name: /^In post, Financial investigator/ }).fill('300');
    await latest(page).filter({ hasText: 'Refining:' }).waitFor({ timeout: 30_000 });
    const refining = await latest(page).textContent();
    expect(refining).not.toBe(before);
    expect(refining).toMatch(/Refining: [\d,]+ of 800 replications so far/);
    await expect(
      page.getByRole('status').filter({ hasText: 'Updating the results for your edit' }).count(),
    ).resolves.toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await screenshots(page, 'live-refining-establishment');

    await page.getByRole('tab', { name: 'Results' }).click();
    const results = page.getByRole('region', { name: 'Results' });
    await expect(results.getByText(/^Refining:/).isVisible()).resolves.toBe(true);
    await expect(results.locator('ul.headlines').getAttribute('aria-busy')).resolves.toBe('true');
    expect(await axeViolations(page)).toEqual([]);
    await screenshots(page, 'live-refining-results');

    await page
      .getByRole('status')
      .filter({ hasText: 'Results updated for your edit: 800 replications.' })
      .waitFor({ timeout: 120_000 });
    await expect(results.getByText(/^Refining:/).count()).resolves.toBe(0);
    await expect(results.locator('ul.headlines').getAttribute('aria-busy')).resolves.toBe('false');
    await expect(
      results
        .getByText(/800\s+replications/)
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    await expect(results.getByText('Out of date:').count()).resolves.toBe(0);
    await page.screenshot({ path: `${SHOTS}/live-final-results.png` });
  });

  it('does not rerun an edit that fails the file check, and says why', async () => {
    const { page } = fresh;
    await resultsThenEdit('100');
    const status = await page.getByRole('status').filter({ hasText: 'Run finished' }).textContent();
    const inPost = page.getByRole('textbox', { name: /^In post, Financial investigator/ });
    await inPost.fill('26x');
    await expect(latest(page).getByText('Out of date').isVisible()).resolves.toBe(true);
    await page.waitForTimeout(1500);
    await expect(inPost.inputValue()).resolves.toBe('26x');
    await expect(page.locator('p.status').textContent()).resolves.toBe(status);
    await page.getByRole('tab', { name: 'Results' }).click();
    const note = page.getByRole('region', { name: 'Results' }).getByRole('note');
    await expect(note.textContent()).resolves.toMatch(/Not updated:.*problem/);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/live-not-updated.png` });
  });

  it('leaves the results as they are when switched off', async () => {
    const { page } = fresh;
    await resultsThenEdit('100');
    const toggle = page.getByRole('switch', { name: 'Rerun after each edit' });
    await expect(toggle.isChecked()).resolves.toBe(true);
    await toggle.uncheck();
    await page.getByRole('textbox', { name: /^In post, Financial investigator/ }).fill('300');
    await page.waitForTimeout(1500);
    await expect(latest(page).getByText('Out of date').isVisible()).resolves.toBe(true);
    await expect(page.locator('p.status').textContent()).resolves.toMatch(/^Run finished/);
  });
});
