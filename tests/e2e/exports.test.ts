import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { freshPageEachCase, SHOTS, servedApp } from './helpers.ts';

const OUT = 'test-results/exports';
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe('exports for a chief officers’ paper', () => {
  const served = servedApp();
  const fresh = freshPageEachCase(served);

  async function download(button: RegExp): Promise<{ name: string; bytes: Buffer }> {
    const { page } = fresh;
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: button }).first().click(),
    ]);
    const path = `${OUT}/${file.suggestedFilename()}`;
    await file.saveAs(path);
    return { name: file.suggestedFilename(), bytes: readFileSync(path) };
  }

  beforeAll(() => {
    mkdirSync(OUT, { recursive: true });
  });

  // Every case exports the results of its own run.
  beforeEach(async () => {
    const { page } = fresh;
    await page.getByRole('textbox', { name: /^Replications/ }).fill('100');
    await page.getByRole('button', { name: 'Run simulation', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Run finished' }).waitFor({ timeout: 90_000 });
    await page.getByRole('tab', { name: 'Results' }).click();
  });

  it('downloads a chart as a PNG image', async () => {
    const png = await download(/^Download PNG/);
    expect(png.name).toMatch(/\.png$/);
    expect([...png.bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    // Width and height sit in the IHDR chunk: a real picture, not an empty canvas.
    expect(png.bytes.readUInt32BE(16)).toBeGreaterThan(300);
    expect(png.bytes.readUInt32BE(20)).toBeGreaterThan(150);
    // Drawn at twice its size from the framed SVG: taller than the chart by its title above and
    // its key, units and stamp below.
    const chart = await fresh.page.locator('.charts figure svg').first().boundingBox();
    expect(png.bytes.readUInt32BE(20) / 2).toBeGreaterThan(chart!.height + 80);
  });

  it('downloads the results as CSV with the seed and every headline total', async () => {
    const csv = await download(/^Download results \(CSV\)/);
    expect(csv.name).toMatch(/\.csv$/);
    const text = csv.bytes.toString('utf8');
    expect(text).toContain('unexaminedSuspects');
    expect(text).toContain('missedRecovery');
    expect(text).toMatch(/seed/i);
  });

  it('prints to PDF with charts and headlines, without the controls', async () => {
    const { page } = fresh;
    await page.emulateMedia({ media: 'print' });
    await expect(
      page.getByRole('button', { name: 'Run simulation', exact: true }).isVisible(),
    ).resolves.toBe(false);
    await expect(
      page
        .getByText(/suspects will not be examined/)
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    await expect(page.locator('.print-footer').isVisible()).resolves.toBe(true);
    await expect(page.locator('.print-footer').innerText()).resolves.toMatch(/seed/i);
    // Every chart carries the scenario, seed and version, so every printed page does.
    const stamps = page.locator('figure .stamp');
    expect(await stamps.count()).toBeGreaterThanOrEqual(4);
    for (const stamp of await stamps.all()) {
      await expect(stamp.isVisible()).resolves.toBe(true);
      await expect(stamp.innerText()).resolves.toMatch(/seed “.+” · .* · Shortfall \d+\.\d+\.\d+/);
    }
    await page.screenshot({ path: `${SHOTS}/print-full-page.png`, fullPage: true });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    writeFileSync(`${OUT}/results.pdf`, pdf);
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(2);
  });
});
