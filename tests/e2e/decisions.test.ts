import { beforeEach, describe, expect, it } from 'vitest';
import { PALETTE } from '../../src/charts/palette.ts';
import { axeViolations, freshPageEachCase, servedApp, screenshots } from './helpers.ts';

describe('the Decisions tab on the MPS scenario', () => {
  const served = servedApp();
  const fresh = freshPageEachCase(served);

  const decisions = () => fresh.page.getByRole('region', { name: 'Decisions' });

  /** Runs of 50 replications each: the fewest the panel takes, to keep the cases short. */
  async function fewReplications() {
    await decisions()
      .getByRole('spinbutton', { name: /Replications per run/ })
      .fill('50');
    await decisions()
      .getByRole('spinbutton', { name: /^Most replications per run/ })
      .fill('50');
  }

  /** A one-at-a-time sensitivity run of 50 replications a run, its chart shown. */
  async function runSensitivity() {
    await fewReplications();
    await decisions().getByRole('button', { name: 'Run sensitivity' }).click();
    await decisions().getByRole('figure').waitFor({ timeout: 90_000 });
  }

  /** Goal seek for in-post financial investigators between 269 and 289, its table shown. */
  async function findStaff() {
    await fewReplications();
    const form = decisions().getByRole('form', { name: 'How many staff it takes' });
    await form.getByRole('spinbutton', { name: 'From' }).fill('269');
    await form.getByRole('spinbutton', { name: 'To' }).fill('289');
    await form.getByRole('button', { name: 'Find' }).click();
    const table = decisions().getByRole('table', { name: /^Probability that/ });
    await table.waitFor({ timeout: 90_000 });
    return table;
  }

  beforeEach(async () => {
    await fresh.page.getByRole('tab', { name: 'Decisions' }).click();
    await decisions().waitFor();
  });

  it('tells one-at-a-time sensitivity apart from rank correlation before anything runs', async () => {
    const { page } = fresh;
    await expect(
      decisions()
        .getByText(/^Each input set low and then high/)
        .isVisible(),
    ).resolves.toBe(true);
    await expect(
      decisions()
        .getByText(/This is not the effect of changing an input/)
        .isVisible(),
    ).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('runs the sensitivity and shows bars under a title that states the finding', async () => {
    await runSensitivity();
    const chart = decisions().getByRole('figure');
    await chart.waitFor({ timeout: 90_000 });
    const title = (await chart.getByRole('heading').textContent()) ?? '';
    expect(title).toMatch(/moves the mean .* most: from [\d,.]+ to [\d,.]+/);
    const bars = (fill: string) => chart.locator(`svg rect[fill="${fill}"]`).count();
    await expect(bars(PALETTE.blue)).resolves.toBeGreaterThan(3);
    await expect(bars(PALETTE.vermillion)).resolves.toBeGreaterThan(3);
    await chart.getByRole('button', { name: 'Show the numbers' }).click();
    const caption = decisions().getByRole('table', { name: /One-at-a-time sensitivity/ });
    await expect(caption.textContent()).resolves.toContain('50 replications');
  });

  it('cancels a long sensitivity run, keeping the chart shown before, and runs again', async () => {
    await runSensitivity();
    await decisions()
      .getByRole('spinbutton', { name: /Replications per run/ })
      .fill('5000');
    await decisions().getByRole('button', { name: 'Run sensitivity' }).click();
    const status = decisions().getByRole('status');
    await status.filter({ hasText: /Running… \d+ runs? finished/ }).waitFor();
    await decisions().getByRole('button', { name: 'Cancel' }).click();
    await status.filter({ hasText: 'Cancelled. Results shown before are kept.' }).waitFor();
    // The chart of the earlier run of 50 replications is still there.
    await decisions().getByRole('button', { name: 'Show the numbers' }).click();
    const table = decisions().getByRole('table', { name: /One-at-a-time sensitivity/ });
    await expect(table.textContent()).resolves.toContain('50 replications');
    await expect(decisions().getByRole('figure').count()).resolves.toBe(1);
    await expect(
      decisions().getByRole('button', { name: 'Run sensitivity' }).isEnabled(),
    ).resolves.toBe(true);
  });

  it('finds the staff it takes within a small range', async () => {
    const table = await findStaff();
    const values = await table.locator('tbody th').allTextContents();
    expect(values.length).toBeGreaterThan(2);
    for (const value of values.map(Number)) {
      expect(value).toBeGreaterThanOrEqual(269);
      expect(value).toBeLessThanOrEqual(289);
    }
    await expect(
      decisions()
        .getByText(/is the smallest value that keeps|No value of .* in the range searched/)
        .isVisible(),
    ).resolves.toBe(true);
  });

  // Two runs of the MPS scenario before the check: longer than the usual case.
  it('has no accessibility violations with results shown', async () => {
    const { page } = fresh;
    await runSensitivity();
    await findStaff();
    expect(await axeViolations(page)).toEqual([]);
    await decisions().scrollIntoViewIfNeeded();
    await screenshots(page, 'decisions');
  }, 240_000);

  it('makes the FMS table by financial year from the month the horizon starts', async () => {
    const { page } = fresh;
    await fewReplications();
    const start = decisions().getByRole('textbox', { name: /^Horizon starts/ });
    await start.fill('Oct 2026');
    await expect(start.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(
      decisions().getByRole('button', { name: 'Make the table' }).isDisabled(),
    ).resolves.toBe(true);
    await start.fill('2026-10');
    await decisions().getByRole('button', { name: 'Make the table' }).click();
    const table = decisions().getByRole('table', { name: /^Demand the force will not be able/ });
    await table.waitFor({ timeout: 90_000 });
    await expect(table.locator('tbody th').allTextContents()).resolves.toEqual([
      '2026/27 (October 2026 to March 2027)',
      '2027/28 (April 2027 to March 2028)',
      '2028/29 (April 2028 to March 2029)',
      '2029/30 (April 2029 to March 2030)',
      '2030/31 (April 2030 to September 2030)',
    ]);
    expect(await axeViolations(page)).toEqual([]);
    await table.scrollIntoViewIfNeeded();
    await screenshots(page, 'decisions-fms-financial-years');
  }, 240_000);
});
