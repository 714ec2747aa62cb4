import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCEPTED, REFUSED } from '../fixtures/fileExpectations.ts';
import { freshPageEachCase, SCREEN_SIZES, watchPage, servedApp } from './helpers.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/files');
const DOWNLOADS = 'test-results/downloads';
const MPS = 'Metropolitan Police: financial investigators';
const SMALL = 'Small force: financial investigators';

/** The damaged and hostile files a planner is most likely to meet, one of each kind. */
const BAD_FILES = [
  'empty.json',
  'workbook.xlsx',
  'document.pdf',
  'image.png',
  'random.bin',
  'invalid-utf8.json',
  'truncated.json',
  'comments.json',
  'trailing-comma.json',
  'nan.json',
  'top-level-array.json',
  'format-wrong.json',
  'version-newer.json',
  'number-as-string.json',
  'probability-percent.json',
  'million-fis.json',
  'proto-key.json',
  'duplicate-key.json',
  'control-char.json',
  'bidi-name.json',
];
const bad = REFUSED.filter(([file]) => BAD_FILES.includes(file));
const HTML_NAME = ACCEPTED.find(([file]) => file === 'html-name.json')![1];

describe('opening, saving and sharing scenario files', () => {
  const served = servedApp();
  const fresh = freshPageEachCase(served, {
    permissions: ['clipboard-read', 'clipboard-write'],
  });

  const heading = () => fresh.page.getByRole('heading', { level: 1 });
  const fileInput = () => fresh.page.locator('input[type=file]');
  const inPost = (p: Page) => p.getByRole('textbox', { name: /^In post, Financial investigator/ });

  async function openFile(file: string) {
    await fileInput().setInputFiles(join(FIXTURES, file));
  }

  beforeAll(() => {
    mkdirSync(DOWNLOADS, { recursive: true });
  });

  it('has a bad file of every kind listed with its expected refusal', () => {
    expect(bad.map(([file]) => file).sort()).toEqual([...BAD_FILES].sort());
  });

  it.each(bad)(
    'refuses %s, saying why without the path %s, and keeps the current scenario',
    async (file, path, message) => {
      const { page } = fresh;
      await expect(heading().textContent()).resolves.toBe(MPS);
      await openFile(file);
      const alert = page.getByRole('alert').filter({ hasText: `${file} was not opened` });
      await alert.waitFor();
      const text = (await alert.textContent()) ?? '';
      for (const line of await alert.getByRole('listitem').allTextContents())
        expect(line.startsWith(`${path}: `), line).toBe(false);
      expect(text).toContain(message);
      expect(text).toContain('Your current scenario is unchanged');
      await expect(heading().textContent()).resolves.toBe(MPS);
    },
  );

  it('names the fields of a refused file in the planner’s words', async () => {
    const { page } = fresh;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Save scenario' }).click(),
    ]);
    const file = JSON.parse(readFileSync(await download.path(), 'utf8')) as {
      units: { staff: { inPost: unknown }[]; demand: { hoursPerItem: unknown }[] }[];
      roles: { trainingMonths: unknown }[];
    };
    file.units[0]!.staff[0]!.inPost = -5;
    file.units[0]!.demand[0]!.hoursPerItem = { dist: 'lognormal', median: 30, p90: 10 };
    file.roles[0]!.trainingMonths = '12';
    await fileInput().setInputFiles({
      name: 'edited by hand.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(file)),
    });
    const alert = page.getByRole('alert').filter({ hasText: 'edited by hand.json was not opened' });
    await alert.waitFor();
    const lines = await alert.getByRole('listitem').allTextContents();
    expect(lines).toEqual(
      expect.arrayContaining([
        'Financial investigator · Training: must be a number, not the text "12": remove the quotes.',
        'Metropolitan Police Service · Financial investigator · In post: cannot be negative (it is -5).',
      ]),
    );
    expect(lines.join('\n')).toMatch(
      /Metropolitan Police Service · [^·\n]+ · Hours per suspect or product · 1 in 10 above: /,
    );
    for (const line of lines) expect(line).not.toMatch(/\w\[\d+\]|\b(units|roles|staff)[.[]/);
    await expect(heading().textContent()).resolves.toBe(MPS);
  });

  it('opens a valid file and shows its name', async () => {
    const { page } = fresh;
    await openFile('valid.json');
    await page.getByRole('heading', { level: 1, name: SMALL }).waitFor();
    await expect(
      page.getByRole('status').filter({ hasText: 'Opened valid.json' }).count(),
    ).resolves.toBe(1);
    await expect(page.getByRole('alert').count()).resolves.toBe(0);
    await expect(inPost(page).inputValue()).resolves.toBe('8');
  });

  it('shows markup in a name as text and runs none of it', async () => {
    const { page } = fresh;
    await openFile('html-name.json');
    await page.getByRole('heading', { level: 1, name: HTML_NAME }).waitFor();
    await expect(heading().textContent()).resolves.toBe(HTML_NAME);
    await expect(page.locator('h1 img, h1 script, body img[src="x"]').count()).resolves.toBe(0);
    expect(fresh.dialogs).toEqual([]);
  });

  it('saves a .json that opens again to the same scenario', async () => {
    const { page } = fresh;
    await openFile('valid.json');
    await page.getByRole('heading', { level: 1, name: SMALL }).waitFor();
    await inPost(page).fill('9');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Save scenario' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.json$/);
    const saved = join(DOWNLOADS, download.suggestedFilename());
    await download.saveAs(saved);
    const json = JSON.parse(readFileSync(saved, 'utf8')) as { name: string };
    expect(json.name).toBe(SMALL);

    await page.getByRole('combobox', { name: 'Built-in scenario' }).selectOption({ label: MPS });
    await page.getByRole('heading', { level: 1, name: MPS }).waitFor();
    await fileInput().setInputFiles(saved);
    await page.getByRole('heading', { level: 1, name: SMALL }).waitFor();
    await expect(inPost(page).inputValue()).resolves.toBe('9');
  });

  it('opens a file dropped on the page', async () => {
    const { page } = fresh;
    await page.getByRole('combobox', { name: 'Built-in scenario' }).selectOption({ label: MPS });
    await page.getByRole('heading', { level: 1, name: MPS }).waitFor();
    const text = readFileSync(join(FIXTURES, 'valid.json'), 'utf8');
    await page.evaluate((content) => {
      const zone = document.querySelector('[aria-label="Drop a scenario file here to open it"]');
      if (!zone) throw new Error('no drop zone');
      const data = new DataTransfer();
      data.items.add(new File([content], 'dropped.json', { type: 'application/json' }));
      for (const type of ['dragenter', 'dragover', 'drop']) {
        zone.dispatchEvent(
          new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }),
        );
      }
    }, text);
    await page.getByRole('heading', { level: 1, name: SMALL }).waitFor();
    await expect(
      page.getByRole('status').filter({ hasText: 'Opened dropped.json' }).count(),
    ).resolves.toBe(1);
  });

  it('shares a link that opens the same scenario in a new page and says where it came from', async () => {
    const { context, page } = fresh;
    await openFile('valid.json');
    await page.getByRole('heading', { level: 1, name: SMALL }).waitFor();
    await inPost(page).fill('7');
    await page.getByRole('button', { name: 'Copy share link' }).click();
    const status = page.getByRole('status').filter({ hasText: /Link copied|copy the link below/ });
    await status.waitFor();
    const link = (await status.textContent())?.includes('Link copied')
      ? await page.evaluate(() => navigator.clipboard.readText())
      : await page.getByRole('textbox', { name: 'Share link' }).inputValue();
    expect(link.startsWith(`${served.url}/#s=`)).toBe(true);

    const other = await context.newPage();
    const otherProblems = watchPage(other, served.url);
    await other.goto(link);
    await other.getByRole('heading', { level: 1, name: SMALL }).waitFor();
    await expect(inPost(other).inputValue()).resolves.toBe('7');
    await expect(
      other.getByRole('status').filter({ hasText: 'Opened from a share link' }).isVisible(),
    ).resolves.toBe(true);
    // The link is read once; a reload then shows the planner's own work, not the link again.
    expect(new URL(other.url()).hash).toBe('');
    await other.close();
    expect(otherProblems).toEqual([]);
  });
});

describe('recovering unsaved changes', () => {
  const served = servedApp();

  it('restores an edit after a reload, says storage is for recovery only, and warns before leaving', async () => {
    const context = await served.browser.newContext({ viewport: SCREEN_SIZES[0] });
    const page = await context.newPage();
    const problems = watchPage(page, served.url);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.accept();
    });
    await page.goto(served.url);
    const inPost = page.getByRole('textbox', { name: /^In post, Financial investigator/ });
    await expect(inPost.inputValue()).resolves.toBe('269');
    await expect(page.getByText('Restored unsaved changes').count()).resolves.toBe(0);

    await inPost.fill('281');
    // Each tab keeps its draft under its own id, held in the tab's session storage.
    const ownDraft = () =>
      page.evaluate(() =>
        localStorage.getItem(`shortfall.draft.v2.${sessionStorage.getItem('shortfall.tab.v1')}`),
      );
    await page.waitForFunction(() =>
      localStorage
        .getItem(`shortfall.draft.v2.${sessionStorage.getItem('shortfall.tab.v1')}`)
        ?.includes('"inPost":281'),
    );
    await page.reload();
    await page.getByText('Restored unsaved changes').waitFor();
    await expect(
      page
        .getByText('Browser storage is for recovery only; the file is the master copy')
        .isVisible(),
    ).resolves.toBe(true);
    await expect(inPost.inputValue()).resolves.toBe('281');
    expect(dialogs).toContain('beforeunload');

    // Saving makes the file the master copy: nothing is left to recover.
    await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Save scenario' }).click(),
    ]);
    await expect(ownDraft()).resolves.toBe(null);
    await context.close();
    expect(problems).toEqual([]);
  });
});
