import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, freshPageEachCase, servedApp, SHOTS, watchPage } from './helpers.ts';

const DOWNLOADS = 'test-results/downloads';
const EDITOR_SIZES = [
  { width: 1366, height: 900 },
  { width: 1024, height: 800 },
  { width: 390, height: 844 },
] as const;
const NAME = 'Kent and Essex: FIs and analysts';

/** Screenshots of the page at each editor size, whole page, and no sideways scrolling. */
async function shots(page: Page, view: string) {
  mkdirSync(SHOTS, { recursive: true });
  for (const size of EDITOR_SIZES) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `${SHOTS}/editor-${view}-${size.width}.png`, fullPage: true });
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(wide, `${view} at ${size.width} px scrolls sideways`).toBeLessThanOrEqual(size.width);
  }
  await page.setViewportSize(EDITOR_SIZES[0]);
}

async function save(page: Page): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save scenario' }).click(),
  ]);
  const path = join(DOWNLOADS, download.suggestedFilename());
  await download.saveAs(path);
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

async function runAndReadHeadlines(page: Page): Promise<string[]> {
  await page.getByRole('button', { name: 'Run simulation', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Run finished' }).waitFor({ timeout: 90_000 });
  const items = page.locator('[aria-label="Results"] .headlines li');
  await items.first().waitFor();
  return items.allTextContents();
}

const textbox = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });

describe('building a scenario in the app', () => {
  const served = servedApp();
  const fresh = freshPageEachCase(served, {
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  beforeAll(() => mkdirSync(DOWNLOADS, { recursive: true }));

  async function buildTwoForces(page: Page) {
    await page.getByRole('button', { name: 'New scenario' }).click();
    await page.getByRole('heading', { name: 'Scenario', level: 2 }).waitFor();
    await textbox(page, 'Scenario name').fill(NAME);
    await textbox(page, 'Description').fill('Two forces sharing one pool of staff.');
    // Roles: financial investigators and analysts.
    await page.getByRole('button', { name: 'Add role' }).click();
    await page.getByRole('textbox', { name: 'Role name' }).nth(1).fill('Intelligence analyst');
    // Two units sharing a pool.
    await textbox(page, 'Unit name').fill('Kent Police');
    await page.getByRole('button', { name: 'Add unit' }).click();
    await page.getByRole('textbox', { name: 'Unit name' }).nth(1).fill('Essex Police');
    await page
      .getByRole('combobox', { name: 'Shares staff and work with' })
      .nth(1)
      .selectOption({ label: 'Kent Police' });
    await page.getByText('Kent Police and Essex Police share staff and work.').waitFor();
    for (const unit of ['Kent Police', 'Essex Police']) {
      await page.getByRole('button', { name: `Add staff group to ${unit}` }).click();
    }
    // Two demand streams, one in each force.
    await page.getByRole('button', { name: 'Add demand stream to Kent Police' }).click();
    await page.getByRole('button', { name: 'Add demand stream to Essex Police' }).click();
    const streams = page.getByRole('textbox', { name: 'Demand stream name' });
    await streams.nth(0).fill('Kent drug supply arrests');
    await streams.nth(1).fill('Essex fraud referrals');
    // A changed policy and money setting.
    await page.getByRole('combobox', { name: 'Triage', exact: true }).selectOption('fifo');
    await page.getByRole('textbox', { name: /^Triage accuracy/ }).fill('70%');
    await page.getByRole('textbox', { name: /^Horizon/ }).fill('36');
    await page.getByRole('textbox', { name: /^Chance of an order/ }).fill('40%');
    // Staff figures.
    await page.getByRole('tab', { name: 'Establishment' }).click();
    const figures: [string, string, string][] = [
      ['Financial investigator', 'Kent Police', '20'],
      ['Intelligence analyst', 'Kent Police', '6'],
      ['Financial investigator', 'Essex Police', '15'],
      ['Intelligence analyst', 'Essex Police', '4'],
    ];
    for (const [role, unit, posts] of figures) {
      await textbox(page, `Posts, ${role}, ${unit}`).fill(posts);
      await textbox(page, `In post, ${role}, ${unit}`).fill(String(Number(posts) - 2));
    }
    // Demand: cases each month and hours each.
    await page.getByRole('tab', { name: 'Demand' }).click();
    for (const stream of ['Kent drug supply arrests', 'Essex fraud referrals']) {
      const group = page.getByRole('group', { name: stream });
      await group
        .getByRole('group', { name: /^Cases per month/ })
        .getByRole('textbox')
        .first()
        .fill('30');
      await group
        .getByRole('group', { name: /^Hours per suspect/ })
        .getByRole('textbox')
        .first()
        .fill('20');
      await group.getByRole('textbox', { name: /^Share holding assets/ }).fill('25%');
    }
    await textbox(page, 'Seed').fill('two-forces');
    await page.getByRole('textbox', { name: /^Replications/ }).fill('300');
  }

  it('builds a two-force scenario from blank, and its file and link give the same numbers', async () => {
    const { page } = fresh;
    await buildTwoForces(page);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(NAME);
    const headlines = await runAndReadHeadlines(page);
    expect(headlines.length).toBeGreaterThan(0);

    const saved = await save(page);
    expect(saved.name).toBe('kent-and-essex-fis-and-analysts.json');
    const file = JSON.parse(saved.text) as Record<string, unknown>;
    expect(file).toMatchObject({ seed: 'two-forces', replications: 300 });
    expect(file.policy).toMatchObject({ triage: 'fifo', triageAccuracy: 0.7 });
    expect(file).toMatchObject({
      horizonMonths: 36,
      description: 'Two forces sharing one pool of staff.',
    });
    expect((file.units as { pool?: string }[]).map((u) => u.pool)).toEqual([
      expect.any(String),
      (file.units as { pool?: string }[])[0]!.pool,
    ]);
    expect((file.roles as { name: string }[]).map((r) => r.name)).toEqual([
      'Financial investigator',
      'Intelligence analyst',
    ]);
    expect(file.finance).toMatchObject({ orderProbability: 0.4 });

    // A reload shows the saved work, not a built-in scenario.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(NAME);

    // The file opened in a fresh browser context gives the same headline numbers.
    const other = await served.browser.newContext({ viewport: EDITOR_SIZES[0] });
    try {
      const page2 = await other.newPage();
      const problems = watchPage(page2, served.url);
      await page2.goto(served.url);
      await page2.locator('input[type=file]').setInputFiles(join(DOWNLOADS, saved.name));
      await page2.getByRole('heading', { level: 1, name: NAME }).waitFor();
      await expect(textbox(page2, 'Seed').inputValue()).resolves.toBe('two-forces');
      expect(await runAndReadHeadlines(page2)).toEqual(headlines);
      expect(problems).toEqual([]);
    } finally {
      await other.close();
    }

    // The same through a share link.
    await page.getByRole('button', { name: 'Copy share link' }).click();
    await page.getByText('Link copied').waitFor();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    const third = await served.browser.newContext({ viewport: EDITOR_SIZES[0] });
    try {
      const page3 = await third.newPage();
      await page3.goto(link);
      await page3.getByRole('heading', { level: 1, name: NAME }).waitFor();
      await expect(textbox(page3, 'Seed').inputValue()).resolves.toBe('two-forces');
      await expect(
        page3.getByRole('textbox', { name: /^Replications/ }).inputValue(),
      ).resolves.toBe('300');
      expect(await runAndReadHeadlines(page3)).toEqual(headlines);
    } finally {
      await third.close();
    }
  });

  it('asks before removing a role that has staff and demand, and undo brings it back', async () => {
    const { page } = fresh;
    await buildTwoForces(page);
    await page.getByRole('tab', { name: 'Scenario' }).click();
    const before = await save(page);
    await page.getByRole('button', { name: 'Remove Financial investigator', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove the role Financial investigator?' });
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toContain('Kent Police: the demand stream');
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Remove the role Financial investigator' }).click();
    await expect(page.getByRole('textbox', { name: 'Role name' }).count()).resolves.toBe(1);
    await page.keyboard.press('Control+z');
    await expect(page.getByRole('textbox', { name: 'Role name' }).count()).resolves.toBe(2);
    const after = await save(page);
    expect(after.text).toBe(before.text);
  });

  it('turns an edited published figure into an assumption, and undo restores the exact scenario', async () => {
    const { page } = fresh;
    const original = await save(page);
    const inPost = textbox(page, 'In post, Financial investigator, Metropolitan Police Service');
    const badge = page.locator('td', { has: inPost }).locator('.source');
    await expect(badge.textContent()).resolves.toContain('published figure');
    // The figures come from the scenario file, which is recalibrated from time to time.
    const published = Number(await inPost.inputValue());
    const changed = published > 0 ? published - 1 : published + 1;
    await inPost.fill(String(changed));
    await expect(badge.textContent()).resolves.toContain('assumption');
    await page.locator('summary', { hasText: 'What changed since saved' }).click();
    await page
      .getByText(
        `Metropolitan Police Service · Financial investigator · In post: ${published} → ${changed}`,
      )
      .waitFor();
    await page.getByRole('tab', { name: 'Assumptions' }).click();
    const entry = page.getByRole('listitem').filter({
      has: page.getByRole('heading', {
        name: 'Metropolitan Police Service · Financial investigator · In post',
      }),
    });
    await expect(entry.textContent()).resolves.toContain(
      `Changed from the published figure ${published}`,
    );
    await entry.getByRole('textbox').fill('Recruited since the inspection.');
    expect(await axeViolations(page)).toEqual([]);
    await shots(page, 'assumptions');
    await entry.getByRole('button', { name: 'Restore published figure' }).click();
    await page.getByRole('tab', { name: 'Establishment' }).click();
    await expect(inPost.inputValue()).resolves.toBe(String(published));
    await expect(badge.textContent()).resolves.toContain('published figure');
    await inPost.fill(String(changed));
    await page.getByRole('button', { name: 'Undo' }).click();
    const restored = await save(page);
    expect(restored.text).toBe(original.text);
  });

  it('refuses a pasted establishment with bad rows, naming them, and changes nothing', async () => {
    const { page } = fresh;
    const original = await save(page);
    const rows = Array.from(
      { length: 20 },
      (_, i) => `Force ${i + 1}\tFinancial investigator\t10\t8\t1\t10%\t0`,
    );
    rows[2] = 'Force 3\tFinancial investigator\tten\t8\t1\t10%\t0';
    rows[7] = 'Force 8\tFinancial investigator\t5\t8\t0\t10%\t0';
    rows[12] = 'Force 13\tFinancial investigator\t10\t8\t0\t150%\t0';
    const text = ['Unit\tRole\tPosts\tIn post\tIn training\tLeavers a year\tAbstraction', ...rows];
    await page.locator('summary', { hasText: 'Paste the establishment' }).click();
    await page.getByRole('textbox', { name: 'Pasted rows' }).fill(text.join('\n'));
    const alert = page.getByRole('alert').filter({ hasText: 'rows have problems' });
    await expect(alert.textContent()).resolves.toContain('3 rows have problems (lines 4, 9, 14)');
    await expect(page.getByRole('button', { name: 'Take 20 rows' }).isDisabled()).resolves.toBe(
      true,
    );
    expect(await axeViolations(page)).toEqual([]);
    await shots(page, 'paste');
    const after = await save(page);
    expect(after.text).toBe(original.text);
  });

  it('shows each editor at 1366, 1024 and 390 px with no axe violations', async () => {
    const { page } = fresh;
    await buildTwoForces(page);
    for (const tab of ['Scenario', 'Establishment', 'Demand']) {
      await page.getByRole('tab', { name: tab }).click();
      expect(await axeViolations(page)).toEqual([]);
      await shots(page, tab.toLowerCase());
    }
  });

  async function download(page: Page, button: string): Promise<string> {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: button }).click(),
    ]);
    return readFileSync(await file.path(), 'utf8');
  }

  async function startFrom(page: Page, label: string) {
    await page.getByRole('combobox', { name: 'Start from' }).selectOption({ label });
    await page.getByRole('button', { name: 'New scenario' }).click();
  }

  it('starts from a template or a built-in, and shows which units share a pool', async () => {
    const { page } = fresh;
    const pools = page.getByRole('list', { name: 'Units that share staff and work' });
    await startFrom(page, 'A regional unit pooled from several forces');
    await page.getByRole('tab', { name: 'Scenario', selected: true }).waitFor();
    await expect(pools.getByRole('listitem').textContent()).resolves.toMatch(
      /^.+, .+ and .+ share staff and work\.$/,
    );
    await startFrom(
      page,
      'A force with financial investigators, intelligence officers and analysts',
    );
    await expect(page.getByRole('textbox', { name: 'Role name' }).count()).resolves.toBe(3);
    await page.getByText('Every unit works on its own').waitFor();
    // The two London files differ only in their pools: the screen says so.
    await startFrom(page, 'London SIUs: three separate units');
    await page.getByText('Every unit works on its own').waitFor();
    await expect(pools.count()).resolves.toBe(0);
    await startFrom(page, 'London SIUs: one regional unit');
    await expect(pools.getByRole('listitem').textContent()).resolves.toMatch(
      /share staff and work\.$/,
    );
    expect(await axeViolations(page)).toEqual([]);
  });

  it('asks before removing a staff group whose role has demand there; undo and redo', async () => {
    const { page } = fresh;
    await startFrom(
      page,
      'A force with financial investigators, intelligence officers and analysts',
    );
    await page.getByRole('tab', { name: 'Scenario', selected: true }).waitFor();
    const unit = await textbox(page, 'Unit name').inputValue();
    const stream = await page
      .getByRole('textbox', { name: 'Demand stream name' })
      .first()
      .inputValue();
    const before = await save(page);
    const what = `Financial investigator staff of ${unit}`;
    await page.getByRole('button', { name: `Remove ${what}`, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Remove the ${what}?` });
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toContain(
      `the demand stream “${stream}” is left with no Financial investigator staff to work it`,
    );
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/editor-remove-staff-1366.png` });
    // Keeping it changes nothing.
    await page.keyboard.press('Escape');
    await expect(dialog.isVisible()).resolves.toBe(false);
    expect((await save(page)).text).toBe(before.text);

    await page.getByRole('button', { name: `Remove ${what}`, exact: true }).click();
    await dialog.getByRole('button', { name: `Remove the ${what}` }).click();
    const groups = page.getByRole('group', { name: /^Actions for .* staff of / });
    await expect(groups.count()).resolves.toBe(2);
    const removed = await save(page);
    expect(JSON.parse(removed.text).units[0].demand.length).toBe(
      JSON.parse(before.text).units[0].demand.length,
    );
    await page.keyboard.press('Control+z');
    await expect(groups.count()).resolves.toBe(3);
    expect((await save(page)).text).toBe(before.text);
    await page.keyboard.press('Control+Shift+z');
    await expect(groups.count()).resolves.toBe(2);
    expect((await save(page)).text).toBe(removed.text);
    await page.getByRole('button', { name: 'Undo' }).click();
    expect((await save(page)).text).toBe(before.text);
    await page.getByRole('button', { name: 'Redo' }).click();
    expect((await save(page)).text).toBe(removed.text);
  });

  it('duplicates and reorders units, roles and streams, each copy an assumption', async () => {
    const { page } = fresh;
    await startFrom(page, 'Blank: one role, one unit');
    await textbox(page, 'Unit name').fill('Kent Police');
    await page.getByRole('button', { name: 'Duplicate Kent Police', exact: true }).click();
    const units = page.getByRole('textbox', { name: 'Unit name', exact: true });
    await expect(units.nth(1).inputValue()).resolves.toBe('Copy of Kent Police');
    await page.getByRole('button', { name: 'Move up Copy of Kent Police', exact: true }).click();
    await expect(units.nth(0).inputValue()).resolves.toBe('Copy of Kent Police');
    await page
      .getByRole('button', { name: 'Duplicate Financial investigator', exact: true })
      .click();
    const roles = page.getByRole('textbox', { name: 'Role name' });
    await expect(roles.nth(1).inputValue()).resolves.toBe('Copy of Financial investigator');
    await page
      .getByRole('button', { name: 'Move down Financial investigator', exact: true })
      .click();
    await expect(roles.nth(1).inputValue()).resolves.toBe('Financial investigator');
    for (let i = 0; i < 2; i++)
      await page.getByRole('button', { name: 'Add demand stream to Kent Police' }).click();
    const streams = page
      .getByRole('region', { name: 'Kent Police' })
      .getByRole('textbox', { name: 'Demand stream name' });
    await streams.nth(0).fill('Arrests');
    await streams.nth(1).fill('Referrals');
    await page.getByRole('button', { name: 'Move down Arrests', exact: true }).click();
    await expect(streams.nth(0).inputValue()).resolves.toBe('Referrals');
    await page.getByRole('tab', { name: 'Assumptions' }).click();
    for (const [copy, from] of [
      ['Copy of Kent Police', 'Kent Police'],
      ['Copy of Financial investigator', 'Financial investigator'],
    ]) {
      const entry = page.getByRole('listitem').filter({
        has: page.getByRole('heading', { name: copy, exact: true }),
      });
      await expect(entry.getByRole('textbox').inputValue()).resolves.toMatch(
        new RegExp(`^Copied from ${from}: no published figures`),
      );
    }
    expect(await axeViolations(page)).toEqual([]);
  });

  it('takes a pasted establishment and demand, and exports the columns it reads', async () => {
    const { page } = fresh;
    await startFrom(page, 'Blank: one role, one unit');
    await page.getByRole('tab', { name: 'Establishment' }).click();
    await page.locator('summary', { hasText: 'Paste the establishment' }).click();
    const header = 'Unit\tRole\tPosts\tIn post\tIn training\tIn recruitment\tLeavers a year';
    await page
      .getByRole('textbox', { name: 'Pasted rows of the establishment' })
      .fill(
        [
          header,
          'Unit\tFinancial investigator\t12\t9\t1\t1\t8%',
          'Unit\tIntelligence analyst\t5\t4\t0\t0\t10%',
          'Kent Police\tFinancial investigator\t7\t7\t0\t0\t6%',
        ].join('\n'),
      );
    const preview = page.getByRole('region', { name: 'Preview of the pasted rows' });
    await expect(preview.getByRole('row').nth(2).textContent()).resolves.toContain('Adds the role');
    await expect(preview.getByRole('row').nth(3).textContent()).resolves.toContain('Adds the unit');
    await page.getByRole('button', { name: 'Take 3 rows' }).click();
    await page.getByText('Took 3 rows from the paste.').waitFor();
    await expect(textbox(page, 'Posts, Intelligence analyst, Unit').inputValue()).resolves.toBe(
      '5',
    );
    await expect(
      textbox(page, 'In recruitment, Financial investigator, Unit').inputValue(),
    ).resolves.toBe('1');
    await expect(
      textbox(page, 'Leavers, Financial investigator, Kent Police').inputValue(),
    ).resolves.toBe('0.06');

    const csv = await download(page, 'Export establishment (CSV)');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'Unit,Role,Posts,In post,In training,In recruitment,Leavers a year,Abstraction,Recruitment,Time to hire (months),Most hires a month',
    );
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 7).join(','))).toEqual([
      'Unit,Financial investigator,12,9,1,1,0.08',
      'Unit,Intelligence analyst,5,4,0,0,0.1',
      'Kent Police,Financial investigator,7,7,0,0,0.06',
    ]);
    // The export pasted back changes nothing.
    const before = await save(page);
    await page.getByRole('textbox', { name: 'Pasted rows of the establishment' }).fill(csv);
    await page.getByRole('button', { name: 'Take 3 rows' }).click();
    expect((await save(page)).text).toBe(before.text);

    await page.getByRole('tab', { name: 'Demand' }).click();
    await page.locator('summary', { hasText: 'Paste the demand streams' }).click();
    await page
      .getByRole('textbox', { name: 'Pasted rows of the demand streams' })
      .fill(
        [
          'Unit\tDemand stream\tCases per month\tHours per suspect or product\tShare holding assets',
          'Kent Police\tFraud referrals\tpoisson 12\tlognormal 20 60\t25%',
        ].join('\n'),
      );
    await expect(preview.getByRole('row').nth(1).textContent()).resolves.toContain(
      'Adds the stream',
    );
    await page.getByRole('button', { name: 'Take 1 row' }).click();
    const group = page.getByRole('group', { name: 'Fraud referrals' });
    await expect(
      group.getByRole('textbox', { name: /^Share holding assets/ }).inputValue(),
    ).resolves.toBe('0.25');
    const saved = JSON.parse((await save(page)).text) as {
      units: { name: string; demand: { name: string; casesPerMonth: unknown }[] }[];
    };
    expect(saved.units[1]!.demand[0]).toMatchObject({
      name: 'Fraud referrals',
      casesPerMonth: { dist: 'poisson', mean: 12 },
    });
    expect(await axeViolations(page)).toEqual([]);
  });
});
