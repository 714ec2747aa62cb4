import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCREEN_SIZES, watchPage, servedApp } from './helpers.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/files');

describe('working with no network', () => {
  const served = servedApp();

  it('serves a Content Security Policy that allows only its own scripts and no eval', async () => {
    const html = await (await fetch(served.url)).text();
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html);
    expect(meta).not.toBeNull();
    const policy = meta![1]!;
    const directives = new Map(
      policy
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name!, values]),
    );
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).not.toMatch(/https?:/);
  });

  it('opens, edits, runs, exports, makes the briefing and shares with the network cut off, no request elsewhere, no error and no policy violation', async () => {
    const context = await served.browser.newContext({
      viewport: SCREEN_SIZES[0],
      acceptDownloads: true,
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    await context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (event) => {
        seen.push(
          `${event.violatedDirective} blocked ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`,
        );
      });
    });
    // Chromium's offline mode also cuts off the local server the app is served from (the
    // simulation worker is fetched on the first run), so the network beyond it is cut instead:
    // every request to another origin is refused and recorded.
    const elsewhere: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(`${served.url}/`) || url === served.url) return route.continue();
      elsewhere.push(url);
      return route.abort('internetdisconnected');
    });
    const page = await context.newPage();
    const problems = watchPage(page, served.url);
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    const violations = () =>
      page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);

    await page.goto(served.url);
    await page.getByRole('heading', { level: 1 }).waitFor();

    await page.locator('input[type=file]').setInputFiles(join(FIXTURES, 'valid.json'));
    await page
      .getByRole('heading', { level: 1, name: 'Small force: financial investigators' })
      .waitFor();
    await page.getByRole('textbox', { name: /^In post, Financial investigator/ }).fill('9');

    await page.getByRole('textbox', { name: /^Replications/ }).fill('200');
    await page.getByRole('button', { name: 'Run simulation', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Run finished' }).waitFor({ timeout: 60_000 });

    await page.getByRole('tab', { name: 'Results' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page
        .getByRole('button', { name: /^Download SVG/ })
        .first()
        .click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.svg$/);
    // The briefing pack and workbook are written in the page, from chunks served with the app.
    for (const [button, extension] of [
      [/^Download briefing \(PowerPoint\)/, /\.pptx$/],
      [/^Download workbook \(Excel\)/, /\.xlsx$/],
    ] as const) {
      const [pack] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: button }).click(),
      ]);
      expect(pack.suggestedFilename()).toMatch(extension);
    }

    await page.getByRole('button', { name: 'Copy share link' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Link copied|copy the link below/ })
      .waitFor();

    expect(requests.length).toBeGreaterThan(0);
    expect(elsewhere).toEqual([]);
    expect(
      requests.filter((url) => !url.startsWith(served.url) && !/^(blob|data):/.test(url)),
    ).toEqual([]);
    expect(problems).toEqual([]);
    await expect(violations()).resolves.toEqual([]);
    await context.close();
  });
});
