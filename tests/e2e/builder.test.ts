import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, freshPageEachCase, servedApp, SHOTS } from './helpers.ts';

const EDITOR_SIZES = [
  { width: 1366, height: 900 },
  { width: 1024, height: 800 },
  { width: 390, height: 844 },
] as const;

async function shots(page: Page, view: string) {
  mkdirSync(SHOTS, { recursive: true });
  for (const size of EDITOR_SIZES) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `${SHOTS}/${view}-${size.width}.png`, fullPage: true });
  }
  await page.setViewportSize(EDITOR_SIZES[0]);
}

describe('building a scenario in the app', () => {
  const served = servedApp();
  const fresh = freshPageEachCase(served);

  it('shows the structure editor with no axe violations', async () => {
    const { page } = fresh;
    await page.getByRole('tab', { name: 'Scenario' }).click();
    await page.getByRole('heading', { name: 'Scenario', level: 2 }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await shots(page, 'structure');
  });
});
