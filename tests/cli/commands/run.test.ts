import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { TOTAL_METRICS } from '../../../src/engine/metrics.ts';
import { runCli, SMALL_SCENARIO, STACK_TRACE } from '../runCli.ts';

// Each case starts Node and its worker threads, which compile TypeScript as they load.
vi.setConfig({ testTimeout: 60_000 });

const scratch = mkdtempSync(join(tmpdir(), 'shortfall-run-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const small = ['run', SMALL_SCENARIO, '--replications', '60', '--seed', 'cli'];

describe('shortfall run', () => {
  it('names the bottleneck: in JSON as an object, in the table as its last line', async () => {
    const json = await runCli([...small, '--workers', '1']);
    expect(json.code).toBe(0);
    const { bottleneck } = JSON.parse(json.stdout);
    expect(bottleneck.kind).toMatch(
      /^(trainingSeats|recruitmentRate|noRecruitment|timeToHire|accreditation|abstraction|posts|none)$/,
    );
    expect(bottleneck.sentence).toMatch(/limit|Nothing limits/);
    const table = await runCli([...small, '--workers', '1', '--format', 'table']);
    expect(table.code).toBe(0);
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines).toContain(bottleneck.sentence);
    expect(lines.at(-1)).toBe(JSON.parse(json.stdout).againstRecord.sentence);
  });

  it('sets the money against the national record, warning when one scenario claims too much', async () => {
    const builtIn = 'scenarios/mps-financial-investigators.json';
    const calibrated = await runCli(['run', builtIn, '--replications', '100', '--format', 'json']);
    expect(calibrated.code).toBe(0);
    const { againstRecord, yearly } = JSON.parse(calibrated.stdout);
    expect(againstRecord.receiptsPerYear).toBe(yearly.recovered.at(-1).mean);
    expect(againstRecord.receiptsShare).toBeCloseTo(againstRecord.receiptsPerYear / 128.5e6, 12);
    // docs/calibration.md: the built-in is set to about a tenth of the national record.
    expect(againstRecord.warning).toBeUndefined();

    // The same force with an order for every examined suspect holding assets claims too much.
    const scenario = JSON.parse(readFileSync(builtIn, 'utf8'));
    scenario.finance.orderProbability = 1;
    scenario.finance.orderShare = 1;
    const path = join(scratch, 'every-suspect-ordered.json');
    writeFileSync(path, JSON.stringify(scenario));
    const generous = await runCli(['run', path, '--replications', '100', '--format', 'json']);
    expect(generous.code).toBe(0);
    const claimed = JSON.parse(generous.stdout).againstRecord;
    expect(claimed.ordersShare).toBeGreaterThan(0.2);
    expect(claimed.warning).toMatch(/^Check the demand, asset values and recovery funnel/);
  });

  it('runs a normal whose mean lies 40 sd below zero to finite results, not NaN', async () => {
    const scenario = JSON.parse(readFileSync(SMALL_SCENARIO, 'utf8'));
    scenario.units[0].demand.push({
      ...scenario.units[0].demand[0],
      id: 'rare',
      casesPerMonth: { dist: 'normal', mean: -40, sd: 1 },
    });
    const path = join(scratch, 'far-below-zero.json');
    writeFileSync(path, JSON.stringify(scenario));
    const { code, stdout, stderr } = await runCli(['run', path, '--replications', '30']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.replications).toBe(30);
    for (const metric of TOTAL_METRICS) expect(Number.isFinite(out.totals[metric].mean)).toBe(true);
  });

  it('prints the summary as JSON with scenario, seed, version and every total', async () => {
    const { code, stdout, stderr } = await runCli([...small, '--workers', '1']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.scenario).toEqual({ name: 'Small force' });
    expect(out.seed).toBe('cli');
    expect(out.replications).toBe(60);
    expect(out.horizonMonths).toBe(24);
    expect(out.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(Object.keys(out.totals)).toEqual([...TOTAL_METRICS]);
    const unexamined = out.totals.unexaminedSuspects;
    expect(unexamined.p05).toBeLessThanOrEqual(unexamined.p50);
    expect(unexamined.p50).toBeLessThanOrEqual(unexamined.p95);
    expect(out.monthly.inPost.fi).toHaveLength(24);
    expect(out.monthly.unexaminedSuspects).toHaveLength(24);
    expect(out.yearly.missedRecovery).toHaveLength(2);
    expect(out.endOfHorizon.inPost.fi.max).toBeLessThanOrEqual(6);
  });

  it('prints the same JSON with 1 worker and with 3 workers and another chunk size', async () => {
    const one = await runCli([...small, '--workers', '1']);
    const three = await runCli([...small, '--workers', '3', '--chunk-size', '7']);
    expect(three.code).toBe(0);
    expect(three.stdout).toBe(one.stdout);
  });

  it('prints a table of totals and staff in post against posts with --format table', async () => {
    const { code, stdout } = await runCli([...small, '--format', 'table', '--workers', '1']);
    expect(code).toBe(0);
    expect(stdout).toContain('Suspects not examined for assets');
    expect(stdout).toContain('90% range (p05 – p95)');
    expect(stdout).toMatch(/Financial investigator .* 6\n/);
  });

  it('writes the results to the file named by --out', async () => {
    const out = join(scratch, 'results.json');
    const { code, stdout } = await runCli([...small, '--workers', '1', '--out', out]);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).replications).toBe(60);
  });

  it.each([
    [['run', 'no-such-file.json'], 1, /^no-such-file\.json: no such file\.\n$/],
    [['run', SMALL_SCENARIO, '--bogus', '1'], 2, /^Unknown option --bogus\.\n$/],
    [['run', SMALL_SCENARIO, '--replications', 'ten'], 2, /^--replications must be a whole/],
    [['run', SMALL_SCENARIO, '--workers', '0'], 2, /^--workers must be a whole/],
    [['run', SMALL_SCENARIO, '--format', 'xml'], 2, /^--format must be one of json, table/],
    [['run', SMALL_SCENARIO, '--seed'], 2, /^Option --seed needs a value\.\n$/],
  ])('refuses %j with one line and exit code %i', async (args, exitCode, message) => {
    const { code, stdout, stderr } = await runCli(args);
    expect(code).toBe(exitCode);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).not.toMatch(STACK_TRACE);
  });

  it('refuses a file that is not JSON with one line naming where', async () => {
    const { code, stderr } = await runCli(['run', join(import.meta.dirname, 'run.test.ts')]);
    expect(code).toBe(1);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/Not valid JSON/);
    expect(stderr).not.toMatch(STACK_TRACE);
  });
});
