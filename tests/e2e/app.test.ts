import { describe, expect, it } from 'vitest';
import { axeViolations, freshPageEachCase, servedApp, screenshots, SHOTS } from './helpers.ts';
import { mpsFigures } from './mpsFigures.ts';

const mps = mpsFigures();

describe('the planner’s app', () => {
  const served = servedApp();
  const fresh = freshPageEachCase(served);

  async function runAndWait(replications: string) {
    const { page } = fresh;
    await page.getByRole('textbox', { name: /^Replications/ }).fill(replications);
    await page.getByRole('button', { name: 'Run simulation', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Run finished' }).waitFor({ timeout: 90_000 });
  }

  /** A run of 200 replications of the MPS scenario with seed "e2e", its results shown by Run. */
  async function showResults() {
    const { page } = fresh;
    await page.getByRole('textbox', { name: 'Seed', exact: true }).fill('e2e');
    await runAndWait('200');
  }

  it('opens with the MPS scenario loaded and no accessibility violations', async () => {
    const { page } = fresh;
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(
      'Metropolitan Police',
    );
    const inPost = page.getByRole('textbox', { name: /^In post, Financial investigator/ });
    await expect(inPost.inputValue()).resolves.toBe(String(mps.inPost));
    await expect(page.getByText('published figure').first().isVisible()).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshots(page, 'establishment');
  });

  it('keeps invalid text, says what is wrong and disables Run with the reason', async () => {
    const { page } = fresh;
    const inPost = page.getByRole('textbox', { name: /^In post, Financial investigator/ });
    await inPost.fill('26x');
    await expect(inPost.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(inPost.inputValue()).resolves.toBe('26x');
    await expect(
      page.getByRole('button', { name: 'Run simulation', exact: true }).isDisabled(),
    ).resolves.toBe(true);
    await expect(page.getByText('Run is unavailable').isVisible()).resolves.toBe(true);
    await inPost.fill('280');
    await expect(
      page.getByRole('button', { name: 'Run simulation', exact: true }).isDisabled(),
    ).resolves.toBe(false);
  });

  it('runs and reads the headline in the Results region', async () => {
    const { page } = fresh;
    await showResults();
    const results = page.getByRole('region', { name: 'Results' });
    await expect(
      results.getByText(/suspects will not be examined for criminal assets/).isVisible(),
    ).resolves.toBe(true);
    await expect(
      results
        .getByText(/90% range/)
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    // The MPS scenario's seats a year are all used while recruits wait for one.
    const limit = results.locator('p', { hasText: /^What limits capacity\./ });
    await expect(limit.textContent()).resolves.toMatch(
      new RegExp(
        `Training seats are the limit: all ${mps.seatsPerYear} a year are used and about \\d+ recruits wait for a seat`,
      ),
    );
    await limit.screenshot({ path: `${SHOTS}/results-bottleneck.png` });
    expect(await axeViolations(page)).toEqual([]);
    await screenshots(page, 'results');
  });

  it('draws a chart out of view once it is scrolled to', async () => {
    const { page } = fresh;
    await showResults();
    const last = page.getByRole('region', { name: 'Results' }).getByRole('figure').last();
    await last.scrollIntoViewIfNeeded();
    const box = await last.locator('svg').boundingBox();
    expect(box?.height).toBeGreaterThan(100);
    await last.screenshot({ path: `${SHOTS}/results-last-chart.png` });
  });

  it('gives the same headline on any number of workers, chosen beside the run settings', async () => {
    const { page } = fresh;
    await showResults();
    const results = page.getByRole('region', { name: 'Results' });
    const headline = () => results.getByRole('listitem').first().textContent();
    const before = await headline();
    const workers = page.getByRole('combobox', { name: /^Workers/ });
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    // One worker per core by default (docs/runner.md says why).
    await expect(workers.inputValue()).resolves.toBe(String(Math.max(1, cores)));
    const other = cores > 1 ? '1' : String(cores);
    await workers.selectOption(other);
    await runAndWait('200');
    await expect(workers.inputValue()).resolves.toBe(other);
    await expect(headline()).resolves.toBe(before);
  });

  it('exports a chart as SVG', async () => {
    const { page } = fresh;
    await showResults();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page
        .getByRole('button', { name: /^Download SVG/ })
        .first()
        .click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.svg$/);
  });

  it('compares a baseline with a run with more staff, paired by seed', async () => {
    const { page } = fresh;
    // Run by hand after the edit, as a planner does with results not following edits.
    await page.getByRole('switch', { name: 'Rerun after each edit' }).uncheck();
    await showResults();
    await page.getByRole('button', { name: 'Keep as baseline' }).click();
    await page.getByRole('tab', { name: 'Establishment' }).click();
    await page
      .getByRole('textbox', { name: /^In post, Financial investigator/ })
      .fill(String(mps.establishment));
    await page.getByRole('tab', { name: 'Results' }).click();
    await expect(page.getByText('Out of date:').isVisible()).resolves.toBe(true);
    await runAndWait('200');
    await page.getByRole('tab', { name: 'Compare' }).click();
    await expect(page.getByText(/common random numbers/).isVisible()).resolves.toBe(true);
    const row = page.getByRole('row', { name: /Suspects not examined for assets/ });
    await expect(row.textContent()).resolves.toMatch(/−[\d,]+/);
    expect(await axeViolations(page)).toEqual([]);
    await screenshots(page, 'compare');
  });

  it('shows the demand editor with live distribution pictures', async () => {
    const { page } = fresh;
    await page.getByRole('tab', { name: 'Demand' }).click();
    await expect(
      page
        .getByText(/9 in 10 between/)
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshots(page, 'demand');
  });

  it('presents one chart per screen and moves with the arrow keys', async () => {
    const { page } = fresh;
    await showResults();
    await page.getByRole('tab', { name: 'Present' }).click();
    await page.getByRole('button', { name: 'Start presentation' }).click();
    await expect(page.getByText(/Slide 1 of/).isVisible()).resolves.toBe(true);
    await page.keyboard.press('ArrowRight');
    await expect(page.getByText(/Slide 2 of/).isVisible()).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshots(page, 'present');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('tab', { name: 'Present' }).isVisible()).resolves.toBe(true);
  });

  it('brings charts never scrolled to up to date when a run ends', async () => {
    const { page } = fresh;
    await page.getByRole('tab', { name: 'Results' }).click();
    await page.evaluate(() => window.scrollTo(0, 0));
    await runAndWait('400');
    // The histograms sit below the fold: during the run they were drawn once, then left until
    // the end. Each then says how many replications it counts, one chart per frame.
    await page.waitForFunction(
      () => {
        const captions = [...document.querySelectorAll('[aria-label="Results"] figcaption')];
        const counts = captions
          .map((c) => /across ([\d,]+) replications/.exec(c.textContent ?? '')?.[1])
          .filter((n) => n !== undefined);
        return counts.length === 2 && counts.every((n) => n === '400');
      },
      null,
      { timeout: 10_000 },
    );
  });

  it('redraws every chart, in view or not, for a new run as soon as it has results', async () => {
    const { page } = fresh;
    await showResults();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByRole('textbox', { name: 'Seed', exact: true }).fill('another');
    await page.getByRole('textbox', { name: /^Replications/ }).fill('20000');
    await page.getByRole('button', { name: 'Run simulation', exact: true }).click();
    // Charts below the fold were drawn for the last run, seed "e2e": while this one goes on they
    // are not redrawn with every result, but they are drawn for it at once.
    await page.waitForFunction(
      () => {
        const stamps = [...document.querySelectorAll('[aria-label="Results"] figure .stamp')];
        return stamps.length >= 6 && stamps.every((s) => s.textContent?.includes('“another”'));
      },
      null,
      { timeout: 20_000 },
    );
    await expect(page.getByRole('button', { name: 'Cancel run' }).isEnabled()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Cancel run' }).click();
    await page.getByRole('status').filter({ hasText: 'Run cancelled' }).waitFor();
  });
});
