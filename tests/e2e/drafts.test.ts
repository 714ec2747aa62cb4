import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeShareFragment } from '../../src/files/shareLink.ts';
import { parseScenarioBytes } from '../../src/scenario/parse.ts';
import { axeViolations, SCREEN_SIZES, SHOTS, servedApp, watchPage } from './helpers.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/files');
const MPS = 'Metropolitan Police: financial investigators';
const SMALL = 'Small force: financial investigators';
const HUB = 'Metropolitan Police: organised crime hub';
const DRAFT_PREFIX = 'shortfall.draft.v2.';
const ASIDE_PREFIX = 'shortfall.draft-aside.v2.';
const STORAGE_FAILED = 'Changes are not being kept in this browser: save the file.';

/** Each journey's own browser context: fresh storage, nothing shared with the other journeys. */
interface Journey {
  context: BrowserContext;
  page: Page;
  problems: string[];
  /** Any dialog the browser itself opened other than the leave-page warning. */
  dialogs: string[];
  open(): Promise<Page>;
}

const inPost = (page: Page) =>
  page.getByRole('textbox', { name: /^In post, Financial investigator/ });
const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const replaceDialog = (page: Page) => page.getByRole('dialog', { name: 'Replace unsaved work?' });

/** The drafts in the page's storage, by key. */
function drafts(page: Page, prefix = DRAFT_PREFIX): Promise<Record<string, string>> {
  return page.evaluate((prefix) => {
    const found: Record<string, string> = {};
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i)!;
      if (key.startsWith(prefix)) found[key] = localStorage.getItem(key)!;
    }
    return found;
  }, prefix);
}

/** Waits until this tab's own draft (its key comes from the tab's session storage) holds `text`. */
async function ownDraftHolds(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    ([prefix, text]) =>
      localStorage.getItem(prefix + sessionStorage.getItem('shortfall.tab.v1'))?.includes(text),
    [DRAFT_PREFIX, text] as const,
  );
}

async function editInPost(page: Page, value: string): Promise<void> {
  await inPost(page).fill(value);
  await ownDraftHolds(page, `"inPost":${value}`);
}

/** Clicks Open scenario and chooses `file` in the browser's file chooser. */
async function chooseFile(page: Page, file: string): Promise<void> {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Open scenario' }).click(),
  ]);
  await chooser.setFiles(join(FIXTURES, file));
}

/** An element's text as it reads, with the source's line breaks folded into spaces. */
const text = async (locator: Locator) => (await locator.textContent())?.replace(/\s+/g, ' ');

const focused = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim());

describe('unsaved work is never thrown away without asking', () => {
  const served = servedApp();
  let journey: Journey | undefined;

  async function start(): Promise<Journey> {
    const context = await served.browser.newContext({
      viewport: SCREEN_SIZES[0],
      acceptDownloads: true,
    });
    const problems: string[] = [];
    const dialogs: string[] = [];
    const open = async () => {
      const page = await context.newPage();
      const seen = watchPage(page, served.url);
      page.on('close', () => problems.push(...seen));
      page.on('dialog', (dialog) => {
        if (dialog.type() !== 'beforeunload') dialogs.push(`${dialog.type()}: ${dialog.message()}`);
        void dialog.accept();
      });
      return page;
    };
    const page = await open();
    await page.goto(served.url);
    await heading(page).waitFor();
    journey = { context, page, problems, dialogs, open };
    return journey;
  }

  afterEach(async () => {
    if (!journey) return;
    const { context, problems, dialogs } = journey;
    journey = undefined;
    for (const page of context.pages()) await page.close();
    await context.close();
    expect(problems).toEqual([]);
    expect(dialogs).toEqual([]);
  });

  it('asks before an opened file replaces unsaved edits; Escape and Cancel keep them, Save first saves them', async () => {
    const { page } = await start();
    await editInPost(page, '281');

    await chooseFile(page, 'valid.json');
    const dialog = replaceDialog(page);
    await dialog.waitFor();
    await expect(text(dialog)).resolves.toContain(
      `“${MPS}” has changes that are not saved to a file. Opening valid.json replaces them.`,
    );
    await expect(focused(page)).resolves.toBe('Save first');
    expect(await axeViolations(page)).toEqual([]);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/drafts-replace-unsaved-work.png` });

    // Escape cancels: the edit, the draft and the focus stay where they were.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await expect(focused(page)).resolves.toBe('Open scenario');
    await expect(heading(page).textContent()).resolves.toBe(MPS);
    await expect(inPost(page).inputValue()).resolves.toBe('281');

    await chooseFile(page, 'valid.json');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect(inPost(page).inputValue()).resolves.toBe('281');
    await ownDraftHolds(page, '"inPost":281');

    // Save first: the edits go to a file, then the file chosen opens.
    await chooseFile(page, 'valid.json');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Save first' }).click(),
    ]);
    await page.getByRole('heading', { level: 1, name: SMALL }).waitFor();
    const saved = parseScenarioBytes(readFileSync((await download.path())!));
    expect(saved.ok && saved.value.units[0]!.staff[0]!.inPost).toBe(281);
    await expect(drafts(page)).resolves.toEqual({});

    // Replace, chosen knowingly, replaces without a file.
    await editInPost(page, '7');
    await chooseFile(page, 'utf8-bom.json');
    await dialog.getByRole('button', { name: 'Replace' }).click();
    await page.getByText('Opened utf8-bom.json.').waitFor();
    await expect(inPost(page).inputValue()).resolves.not.toBe('7');
  });

  it('asks before a built-in scenario replaces unsaved edits, and Cancel leaves the list as it was', async () => {
    const { page } = await start();
    await editInPost(page, '281');
    const picker = page.getByRole('combobox', { name: 'Built-in scenario' });

    await picker.focus();
    await picker.selectOption({ label: HUB });
    const dialog = replaceDialog(page);
    await dialog.waitFor();
    await expect(text(dialog)).resolves.toContain(`Opening the built-in scenario “${HUB}”`);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect(picker.inputValue()).resolves.toBe('mps-financial-investigators');
    await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.toBe('SELECT');
    await expect(inPost(page).inputValue()).resolves.toBe('281');
    await ownDraftHolds(page, '"inPost":281');

    await picker.selectOption({ label: HUB });
    await dialog.getByRole('button', { name: 'Replace' }).click();
    await page.getByRole('heading', { level: 1, name: /organised crime hub/ }).waitFor();
    await expect(picker.inputValue()).resolves.toBe('mps-organised-crime-hub');
  });

  it('keeps a tab’s draft when a share link is opened in another tab', async () => {
    const { page, open } = await start();
    await editInPost(page, '281');

    const small = parseScenarioBytes(readFileSync(join(FIXTURES, 'valid.json')));
    if (!small.ok) throw new Error('valid.json does not open');
    const link = await encodeShareFragment(small.value);
    if (!link.ok) throw new Error(link.problem.message);
    const other = await open();
    await other.goto(`${served.url}/${link.fragment}`);
    await other.getByRole('heading', { level: 1, name: SMALL }).waitFor();
    await editInPost(other, '7');

    await page.reload();
    await page.getByText('Restored unsaved changes').waitFor();
    await expect(heading(page).textContent()).resolves.toBe(MPS);
    await expect(inPost(page).inputValue()).resolves.toBe('281');
    const kept = Object.values(await drafts(page));
    expect(kept).toHaveLength(2);
    expect(kept.filter((text) => text.includes('"inPost":281'))).toHaveLength(1);
    expect(kept.filter((text) => text.includes('"inPost":7'))).toHaveLength(1);
  });

  it('keeps one draft per tab, restores each tab’s own, and offers both to a new tab', async () => {
    const { page: first, open } = await start();
    await editInPost(first, '281');
    const second = await open();
    await second.goto(served.url);
    // The first tab's draft is offered, not restored over the second tab's own start.
    await second
      .getByRole('heading', { name: 'Recover unsaved work from another tab or session' })
      .waitFor();
    await expect(inPost(second).inputValue()).resolves.toBe('269');
    await editInPost(second, '300');
    await editInPost(first, '282');

    await first.reload();
    await expect(inPost(first).inputValue()).resolves.toBe('282');
    await second.reload();
    await expect(inPost(second).inputValue()).resolves.toBe('300');

    const third = await open();
    await third.goto(served.url);
    const offer = third.getByRole('region', {
      name: 'Recover unsaved work from another tab or session',
    });
    await offer.waitFor();
    await expect(offer.getByRole('button', { name: /^Recover/ }).count()).resolves.toBe(2);
    expect(await axeViolations(third)).toEqual([]);
    mkdirSync(SHOTS, { recursive: true });
    await third.screenshot({ path: `${SHOTS}/drafts-recover-offer.png` });
    await offer
      .getByRole('button', { name: /^Recover/ })
      .first()
      .click();
    await third.getByText('Restored unsaved changes').waitFor();
    expect(['282', '300']).toContain(await inPost(third).inputValue());
    // Recovering copied the draft: both tabs' drafts are still there, and the third keeps its own.
    await ownDraftHolds(third, '"inPost":');
    const kept = Object.values(await drafts(third));
    expect(kept).toHaveLength(3);
    expect(kept.filter((text) => text.includes('"inPost":282')).length).toBeGreaterThan(0);
    expect(kept.filter((text) => text.includes('"inPost":300')).length).toBeGreaterThan(0);
  });

  it('says so on screen when browser storage is full, and the file still saves the edits', async () => {
    const { page } = await start();
    await page.evaluate(() => {
      // Fills the origin's storage quota with ever smaller blocks until nothing more fits.
      let n = 0;
      for (let size = 1 << 20; size >= 64; size >>= 1) {
        const block = 'x'.repeat(size);
        try {
          for (;;) localStorage.setItem(`filler-${n++}`, block);
        } catch {
          // Full at this size: try a smaller block.
        }
      }
    });
    await inPost(page).fill('281');
    const alert = page.getByRole('alert').filter({ hasText: STORAGE_FAILED });
    await alert.waitFor();
    await expect(alert.isVisible()).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/drafts-storage-full.png` });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Save scenario' }).click(),
    ]);
    const saved = parseScenarioBytes(readFileSync((await download.path())!));
    expect(saved.ok && saved.value.units[0]!.staff[0]!.inPost).toBe(281);
    await alert.waitFor({ state: 'hidden' });
  });

  it('sets a damaged draft aside with a message, shows none of it, and keeps its text', async () => {
    const { page } = await start();
    await editInPost(page, '281');
    const torn = JSON.stringify({
      savedAt: new Date().toISOString(),
      origin: 'plan.json',
      scenario: {
        format: 'shortfall-scenario',
        schemaVersion: 1,
        name: 'Torn plan',
        units: 'lost',
      },
    });
    await page.evaluate(
      ([prefix, text]) =>
        localStorage.setItem(prefix + sessionStorage.getItem('shortfall.tab.v1'), text),
      [DRAFT_PREFIX, torn] as const,
    );
    await page.reload();
    const alert = page.getByRole('alert').filter({ hasText: 'could not be restored' });
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain('set aside in this browser, not deleted');
    // Nothing of the damaged draft is shown: the page starts on the built-in scenario.
    await expect(heading(page).textContent()).resolves.toBe(MPS);
    await expect(inPost(page).inputValue()).resolves.toBe('269');
    await expect(page.getByText('Restored unsaved changes').count()).resolves.toBe(0);
    await expect(page.getByText('Torn plan').count()).resolves.toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/drafts-set-aside.png` });

    await expect(drafts(page)).resolves.toEqual({});
    await expect(drafts(page, ASIDE_PREFIX).then(Object.values)).resolves.toEqual([torn]);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      alert.getByRole('button', { name: 'Download the draft' }).click(),
    ]);
    expect(readFileSync((await download.path())!, 'utf8')).toBe(torn);
  });
});
