import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, freshPageEachCase, servedApp, SHOTS } from './helpers.ts';

/**
 * A 1366 × 768 screen at 200% zoom: the page lays out in 683 × 384 CSS pixels, drawn at twice
 * the density, as the browser's own zoom does.
 */
const ZOOMED = { viewport: { width: 683, height: 384 }, deviceScaleFactor: 2 } as const;

/** What has the keyboard focus, as a screen reader would name it. */
async function focused(page: Page): Promise<{ role: string; name: string; inView: boolean }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { role: 'none', name: '', inView: true };
    const labelled = el.getAttribute('aria-labelledby');
    const name =
      el.getAttribute('aria-label') ??
      (labelled ? (document.getElementById(labelled)?.textContent ?? '') : '');
    const fromLabel = (el as HTMLInputElement).labels?.[0]?.textContent ?? el.textContent ?? '';
    const box = el.getBoundingClientRect();
    const inView =
      box.bottom > 0 &&
      box.top < window.innerHeight &&
      box.right > 0 &&
      box.left < window.innerWidth;
    return {
      role: el.getAttribute('role') ?? el.tagName.toLowerCase(),
      name: (name || fromLabel).replace(/\s+/g, ' ').trim(),
      inView,
    };
  });
}

/**
 * Presses Tab (or Shift+Tab) until the focus is on what `wanted` accepts, checking at each stop
 * that the focused control was scrolled into view. Fails after `limit` presses.
 */
async function tabTo(
  page: Page,
  wanted: (f: { role: string; name: string }) => boolean,
  limit = 250,
): Promise<number> {
  for (let presses = 0; presses < limit; presses++) {
    const now = await focused(page);
    if (wanted(now)) return presses;
    if (now.role !== 'none')
      expect(now.inView, `${now.role} “${now.name}” is out of view`).toBe(true);
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached the control after ${limit} presses`);
}

async function noSidewaysScroll(page: Page, what: string): Promise<void> {
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
  expect(scroll, `${what} scrolls sideways at 200% zoom`).toBeLessThanOrEqual(width);
}

/** Goes to a tab of the editor by keyboard: Tab to the tab list, then the arrow keys. */
async function openTab(page: Page, name: string): Promise<void> {
  await tabTo(page, (f) => f.role === 'tab');
  for (let i = 0; i < 10 && (await focused(page)).name !== name; i++)
    await page.keyboard.press('ArrowRight');
  expect((await focused(page)).name).toBe(name);
  await page.getByRole('tabpanel', { name }).waitFor();
}

describe('the editors at 200% zoom', () => {
  const served = servedApp();
  const fresh = freshPageEachCase(served, ZOOMED);

  it('edits the establishment by keyboard alone, with no sideways scrolling or axe violations', async () => {
    const { page } = fresh;
    mkdirSync(SHOTS, { recursive: true });
    await openTab(page, 'Establishment');
    await noSidewaysScroll(page, 'the establishment');
    expect(await axeViolations(page)).toEqual([]);

    const posts = page.getByRole('textbox', { name: /^Posts, Financial investigator, / }).first();
    const before = await posts.inputValue();
    await tabTo(
      page,
      (f) => f.role === 'input' && f.name.startsWith('Posts, Financial investigator'),
    );
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(String(Number(before) + 12));
    await page.keyboard.press('Tab');
    await expect(posts.inputValue()).resolves.toBe(String(Number(before) + 12));
    // The figure was published: the edit makes it an assumption, said beside the field.
    await expect(
      page.locator('td', { has: posts }).locator('.source').textContent(),
    ).resolves.toContain('assumption');
    await page.screenshot({ path: `${SHOTS}/zoom-200-establishment.png` });
    await noSidewaysScroll(page, 'the establishment after an edit');

    // Undo by keyboard, from wherever the focus is.
    await page.keyboard.press('ControlOrMeta+z');
    await expect(posts.inputValue()).resolves.toBe(before);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('edits a demand stream by keyboard alone, with no sideways scrolling or axe violations', async () => {
    const { page } = fresh;
    mkdirSync(SHOTS, { recursive: true });
    await openTab(page, 'Demand');
    await noSidewaysScroll(page, 'the demand streams');
    expect(await axeViolations(page)).toEqual([]);

    const share = page.getByRole('textbox', { name: /^Share holding assets/ }).first();
    await tabTo(page, (f) => f.role === 'input' && f.name.startsWith('Share holding assets'));
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('30%');
    await page.keyboard.press('Tab');
    // A share typed as a percentage is read as the fraction.
    await expect(share.inputValue()).resolves.toMatch(/^(30%|0\.3)$/);
    await page.locator('summary', { hasText: 'What changed since saved' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText(/Share holding assets: [\d.]+ → 0\.3$/).waitFor();

    // The kind of a stream is chosen from a list by keyboard; products hold no assets.
    const kind = page.getByRole('combobox', { name: /^Kind/ }).first();
    await kind.focus();
    await page.keyboard.press('ArrowDown');
    await expect(kind.inputValue()).resolves.toBe('products');
    await expect(
      page.getByRole('textbox', { name: /^Share holding assets/ }).count(),
    ).resolves.toBeLessThan(await page.getByRole('combobox', { name: /^Kind/ }).count());
    await page.screenshot({ path: `${SHOTS}/zoom-200-demand.png` });
    await noSidewaysScroll(page, 'the demand streams after an edit');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('builds structure by keyboard: adds a unit, names it and removes it after asking', async () => {
    const { page } = fresh;
    await openTab(page, 'Scenario');
    await tabTo(page, (f) => f.name === 'Add unit');
    await page.keyboard.press('Enter');
    const names = page.getByRole('textbox', { name: 'Unit name', exact: true });
    await expect(names.count()).resolves.toBe(2);
    await names.nth(1).focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('Kent Police');
    await tabTo(page, (f) => f.name === 'Add demand stream to Kent Police');
    await page.keyboard.press('Enter');
    await noSidewaysScroll(page, 'the scenario editor');
    await tabTo(page, (f) => f.name === 'Remove Kent Police');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Remove Kent Police?' });
    await dialog.waitFor();
    // Keeping is the safe answer, so the focus starts there.
    expect((await focused(page)).name).toBe('Keep it');
    await page.screenshot({ path: `${SHOTS}/zoom-200-remove.png` });
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Tab');
    expect((await focused(page)).name).toBe('Remove Kent Police');
    await page.keyboard.press('Enter');
    await expect(names.count()).resolves.toBe(1);
  });
});
