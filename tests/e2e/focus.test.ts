import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, freshPageEachCase, screenshots, servedApp } from './helpers.ts';

/** The focused element as the planner would name it: its tag, id and text. */
function focused(page: Page) {
  return page.evaluate(() => {
    const active = document.activeElement;
    return {
      tag: active?.tagName.toLowerCase(),
      id: active?.id,
      text: active?.textContent?.trim() ?? '',
    };
  });
}

describe('where focus goes', () => {
  const served = servedApp();
  const fresh = freshPageEachCase(served);

  async function pressRun(replications: string) {
    const { page } = fresh;
    await page.getByRole('textbox', { name: 'Seed', exact: true }).fill('e2e');
    await page.getByRole('textbox', { name: /^Replications/ }).fill(replications);
    await page.getByRole('button', { name: 'Run simulation', exact: true }).click();
  }

  async function runAndWait(replications: string) {
    await pressRun(replications);
    await fresh.page
      .getByRole('status')
      .filter({ hasText: 'Run finished' })
      .waitFor({ timeout: 90_000 });
  }

  /** Waits until the first headline in the Results region has focus. */
  async function headlineFocused(page: Page) {
    await page.waitForFunction(
      () =>
        document.activeElement ===
        document.querySelector('[aria-label="Results"] .headlines li:first-child'),
      null,
      { timeout: 60_000 },
    );
  }

  it('brings the results into view after Run, focused on the first headline', async () => {
    const { page } = fresh;
    await expect(
      page.getByRole('tab', { name: 'Establishment' }).getAttribute('aria-selected'),
    ).resolves.toBe('true');
    await runAndWait('200');
    await expect(
      page.getByRole('tab', { name: 'Results' }).getAttribute('aria-selected'),
    ).resolves.toBe('true');
    const first = page.getByRole('region', { name: 'Results' }).getByRole('listitem').first();
    const now = await focused(page);
    expect(now.tag).toBe('li');
    expect(now.text).toMatch(/suspects will not be examined for criminal assets/);
    expect(now.text).toBe((await first.textContent())?.trim());
    expect(await axeViolations(page)).toEqual([]);
    await screenshots(page, 'after-run');
  });

  it('runs again from the out-of-date note and lands on the new headline', async () => {
    const { page } = fresh;
    // With results following edits there is nothing out of date to run again.
    await page.getByRole('switch', { name: 'Rerun after each edit' }).uncheck();
    await runAndWait('200');
    await page.getByRole('tab', { name: 'Establishment' }).click();
    await page.getByRole('textbox', { name: /^In post, Financial investigator/ }).fill('300');
    await page.getByRole('tab', { name: 'Results' }).click();
    await page.getByRole('button', { name: 'Run again' }).click();
    await headlineFocused(page);
    await expect(page.getByText('Out of date:').count()).resolves.toBe(0);
  });

  it('leaves focus where the planner moved it while partial results fill in', async () => {
    const { page } = fresh;
    await pressRun('20000');
    await headlineFocused(page);
    await page.keyboard.press('Tab');
    const moved = await focused(page);
    expect(moved).toMatchObject({ tag: 'button', text: 'Download results (CSV)' });
    // Each partial result rewrites the replication count under the Results heading.
    const about = page.getByRole('region', { name: 'Results' }).locator('.about');
    const counts = new Set([await about.textContent()]);
    while (counts.size < 3) {
      await page.waitForFunction(
        (seen) =>
          !seen.includes(
            document.querySelector('[aria-label="Results"] .about')?.textContent ?? '',
          ),
        [...counts],
        { timeout: 30_000 },
      );
      counts.add(await about.textContent());
    }
    await expect(focused(page)).resolves.toEqual(moved);
    // Cancelling keeps focus on Cancel run, which is then unavailable but still focused.
    await page.getByRole('button', { name: 'Cancel run' }).click();
    await page.getByRole('status').filter({ hasText: 'Run cancelled' }).waitFor();
    await expect(focused(page)).resolves.toMatchObject({ tag: 'button', text: 'Cancel run' });
    await expect(
      page.getByRole('button', { name: 'Cancel run' }).getAttribute('aria-disabled'),
    ).resolves.toBe('true');
  });

  it('returns focus to Start presentation after leaving with Escape', async () => {
    const { page } = fresh;
    await runAndWait('200');
    await page.getByRole('tab', { name: 'Present' }).click();
    await page.getByRole('button', { name: 'Start presentation' }).click();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Start presentation' }).waitFor();
    await expect(focused(page)).resolves.toMatchObject({ id: 'start-presentation' });
  });

  it('returns focus to Present on the Results tab, and keeps it off the page between', async () => {
    const { page } = fresh;
    await runAndWait('200');
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: /^Presentation/ });
    await dialog.waitFor();
    // Pressing Next slide to the last slide disables it: focus moves to Previous slide.
    const next = dialog.getByRole('button', { name: 'Next slide' });
    while (await next.isEnabled()) await next.click();
    await expect(focused(page)).resolves.toMatchObject({ text: 'Previous slide' });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect(focused(page)).resolves.toMatchObject({ id: 'results-present', text: 'Present' });
  });

  it('keeps focus on the page when the errors of a refused file are dismissed', async () => {
    const { page } = fresh;
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Open scenario' }).click(),
    ]);
    await chooser.setFiles(join(import.meta.dirname, '../fixtures/files/duplicate-key.json'));
    const dismiss = page.getByRole('button', { name: 'Dismiss' });
    await dismiss.focus();
    await page.keyboard.press('Enter');
    await dismiss.waitFor({ state: 'detached' });
    await expect(focused(page)).resolves.toMatchObject({ tag: 'main', id: 'main' });
  });
});
