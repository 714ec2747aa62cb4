import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { amountSampler, countSampler } from '../../../src/engine/random/sampler.ts';
import { streamRng } from '../../../src/engine/random/rng.ts';
import { distributionSchema } from '../../../src/scenario/distribution.ts';
import { runCli, STACK_TRACE } from '../runCli.ts';

vi.setConfig({ testTimeout: 30_000 });

const scratch = mkdtempSync(join(tmpdir(), 'shortfall-fit-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** 36 months of referrals (negative binomial) and hours per case (lognormal). */
function historyFile(): string {
  const rng = streamRng('cli-history');
  const referrals = countSampler({ dist: 'negbin', mean: 40, dispersion: 4 });
  const hours = amountSampler({ dist: 'lognormal', median: 20, p90: 60 });
  const rows = ['Month,Referrals,Hours per case'];
  for (let t = 0; t < 36; t++) {
    rows.push(`2022-${t},${referrals(rng, 1)},${hours(rng, 1).toFixed(2)}`);
  }
  const path = join(scratch, 'history.csv');
  writeFileSync(path, `${rows.join('\n')}\n`);
  return path;
}
const HISTORY = historyFile();

describe('shortfall fit', () => {
  it('prints JSON whose dist is valid scenario grammar, with n, AIC and trend', async () => {
    const { code, stdout, stderr } = await runCli([
      'fit',
      HISTORY,
      '--column',
      'referrals',
      '--kind',
      'counts',
      '--format',
      'json',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(distributionSchema.safeParse(out.dist).success).toBe(true);
    expect(out.n).toBe(36);
    expect(Object.keys(out.aic).sort()).toEqual(['negbin', 'poisson']);
    expect(out.family).toBe('negbin');
    expect(out.trendPerYear.low).toBeLessThan(out.trendPerYear.estimate);
    expect(out.trendPerYear.high).toBeGreaterThan(out.trendPerYear.estimate);
  });

  it('prints a table for positive values naming both families', async () => {
    const { code, stdout } = await runCli([
      'fit',
      HISTORY,
      '--column',
      'Hours per case',
      '--kind',
      'positive',
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Hours per case: 36 months, best fitted by a (lognormal|gamma)/);
    expect(stdout).toMatch(/\nlognormal +\d/);
    expect(stdout).toMatch(/\ngamma +\d/);
    expect(stdout).toMatch(/Trend: −?\d+\.\d% a year \(95% interval/);
  });

  it('names the missing column and the kind to give, without a stack trace', async () => {
    const missing = await runCli(['fit', HISTORY, '--column', 'arrests', '--kind', 'counts']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('There is no column "arrests"');
    expect(missing.stderr).not.toMatch(STACK_TRACE);
    const noKind = await runCli(['fit', HISTORY, '--column', 'referrals']);
    expect(noKind.code).toBe(2);
    expect(noKind.stderr).toContain('--kind counts');
  });
});

describe('shortfall backtest', () => {
  it('reports coverage of the held-out months in JSON', async () => {
    const { code, stdout } = await runCli([
      'backtest',
      HISTORY,
      '--column',
      'referrals',
      '--kind',
      'counts',
      '--holdout',
      '12',
      '--format',
      'json',
    ]);
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.holdout).toBe(12);
    expect(out.fit.n).toBe(24);
    expect(out.months).toHaveLength(12);
    expect(out.months[0].month).toBe(25);
    const inside90 = out.months.filter(
      (m: { actual: number; p5: number; p95: number }) => m.actual >= m.p5 && m.actual <= m.p95,
    ).length;
    expect(out.coverage90).toBe(inside90 / 12);
  });

  it('refuses a hold-out that leaves too little to fit', async () => {
    const { code, stderr } = await runCli([
      'backtest',
      HISTORY,
      '--column',
      'referrals',
      '--kind',
      'counts',
      '--holdout',
      '33',
    ]);
    expect(code).toBe(1);
    expect(stderr).toContain(
      '--holdout 33: the months held out must be a whole number from 1 to 30',
    );
  });
});
