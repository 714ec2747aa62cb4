import { describe, expect, it } from 'vitest';
import { HOSTILE, hostileFileText } from '../fixtures/hostileFiles.ts';
import { freshPageEachCase, servedApp } from './helpers.ts';

const MPS = 'Metropolitan Police: financial investigators';
const refused = HOSTILE.filter((c) => c.refusedAt !== undefined);
const runs = HOSTILE.filter((c) => c.refusedAt === undefined);

describe('the hostile files in the Open dialog', () => {
  const served = servedApp();
  const fresh = freshPageEachCase(served);
  const heading = () => fresh.page.getByRole('heading', { level: 1 });

  async function open(spoil: Parameters<typeof hostileFileText>[0]) {
    await fresh.page.locator('input[type=file]').setInputFiles({
      name: 'hostile.json',
      mimeType: 'application/json',
      buffer: Buffer.from(hostileFileText(spoil)),
    });
  }

  it.each(refused.map((c) => [c.name, c] as const))(
    'refuses, naming the field in words and keeping the scenario: %s',
    async (_name, { spoil, refusedAt, message }) => {
      await expect(heading().textContent()).resolves.toBe(MPS);
      await open(spoil);
      const alert = fresh.page
        .getByRole('alert')
        .filter({ hasText: 'hostile.json was not opened' });
      await alert.waitFor();
      const text = (await alert.textContent()) ?? '';
      for (const line of await alert.getByRole('listitem').allTextContents())
        expect(line.startsWith(`${refusedAt}: `), line).toBe(false);
      if (message) expect(text).toMatch(message);
      expect(text).toContain('Your current scenario is unchanged');
      await expect(heading().textContent()).resolves.toBe(MPS);
    },
  );

  it.each(runs.map((c) => [c.name, c] as const))(
    'opens and runs to results with no number missing: %s',
    async (_name, { spoil }) => {
      const { page } = fresh;
      await open(spoil);
      await heading()
        .filter({ hasText: /^Small force$/ })
        .waitFor();
      await page.getByRole('button', { name: 'Run simulation', exact: true }).click();
      await page
        .getByRole('status')
        .filter({ hasText: 'Run finished' })
        .waitFor({ timeout: 60_000 });
      const status =
        (await page.getByRole('status').filter({ hasText: 'Run finished' }).textContent()) ?? '';
      expect(status).not.toMatch(/NaN|Infinity/);
      await page.getByRole('tab', { name: 'Results' }).click();
      const results = page.getByRole('region', { name: 'Results' });
      await results
        .getByText(/90% range/)
        .first()
        .waitFor();
      await expect(results.textContent()).resolves.not.toMatch(/NaN|Infinity/);
    },
  );
});
