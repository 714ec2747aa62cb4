import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { takeOptionFlags } from '../../../src/cli/commands/compare.ts';
import { UsageError } from '../../../src/cli/cliError.ts';
import { BREAKDOWN_METRICS, TOTAL_METRICS } from '../../../src/engine/metrics.ts';
import { OPTIONS_FILE, POOLED_OPTIONS_FILE } from '../../options/fixture.ts';
import { runCli, SMALL_SCENARIO, STACK_TRACE } from '../runCli.ts';

vi.setConfig({ testTimeout: 60_000 });

const STAT_KEYS = ['mean', 'sd', 'se', 'p05', 'p25', 'p50', 'p75', 'p95', 'min', 'max'];

describe('takeOptionFlags', () => {
  it('takes every --option, in either form, and leaves the rest', () => {
    expect(
      takeOptionFlags(['f.json', '--option', 'A b', '--seed', 's', '--option=C', '--', '--option']),
    ).toEqual({ names: ['A b', 'C'], rest: ['f.json', '--seed', 's', '--', '--option'] });
  });

  it('refuses --option without a name', () => {
    expect(() => takeOptionFlags(['f.json', '--option'])).toThrow(UsageError);
  });
});

describe('shortfall compare', () => {
  it('prints every option against the baseline as JSON', async () => {
    const { code, stdout, stderr } = await runCli([
      'compare',
      OPTIONS_FILE,
      '--replications',
      '100',
      '--workers',
      '2',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.scenario.name).toBe('Small force with options');
    expect(out.seed).toBe('small');
    expect(out.replications).toBe(100);
    expect(out.options.map((o: { name: string }) => o.name)).toEqual([
      'Fill the 2 vacancies',
      'Four more posts',
    ]);
    for (const option of out.options) {
      expect(Object.keys(option.totals)).toEqual([...TOTAL_METRICS, 'inPost.fi', 'inTraining.fi']);
      expect(Object.keys(option.totals.unexaminedSuspects.difference)).toEqual(STAT_KEYS);
      expect(option.totals.unexaminedSuspects.better).toBe('lower');
      expect(option.probabilityBetter).toBe(option.totals.unexaminedSuspects.probabilityBetter);
      expect(option.probabilityBetter).toBeGreaterThanOrEqual(0);
      expect(option.probabilityBetter).toBeLessThanOrEqual(1);
      expect(option.sentence.startsWith(`${option.name}: about `)).toBe(true);
      expect(option.cost.byYear).toHaveLength(2);
      expect(Object.keys(option.bottleneck).sort()).toEqual(['kind', 'role', 'roles', 'sentence']);
      expect(option.bottleneck.sentence).toMatch(/ is the limit: | are the limit: /);
      // One unit: nothing to break down.
      expect(option.byUnit).toBeNull();
    }
    expect(out.baseline.bottleneck.sentence).toMatch(/ is the limit: | are the limit: /);
    // The same demand in every run: the paired difference of arrivals is exactly nothing.
    expect(out.options[0].totals.suspectsArrived.difference.max).toBe(0);
    expect(out.options[0].totals.suspectsArrived.difference.min).toBe(0);
  });

  it('says who gains, unit by unit, for a scenario of more than one unit', async () => {
    const { code, stdout, stderr } = await runCli([
      'compare',
      POOLED_OPTIONS_FILE,
      '--replications',
      '60',
      '--format',
      'json',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    for (const option of out.options) {
      expect(option.byUnit.map((u: { unit: string; name: string }) => [u.unit, u.name])).toEqual([
        ['north', 'North'],
        ['south', 'South'],
      ]);
      for (const unit of option.byUnit) {
        expect(Object.keys(unit.totals)).toEqual([...BREAKDOWN_METRICS]);
        expect(Object.keys(unit.totals.unexaminedSuspects.difference)).toEqual(STAT_KEYS);
        expect(unit.totals.unexaminedSuspects.better).toBe('lower');
      }
      // Every suspect arrives in one unit: the units' differences add up to the total's.
      const sum = option.byUnit.reduce(
        (s: number, u: { totals: { unexaminedSuspects: { difference: { mean: number } } } }) =>
          s + u.totals.unexaminedSuspects.difference.mean,
        0,
      );
      expect(sum).toBeCloseTo(option.totals.unexaminedSuspects.difference.mean, 6);
    }
    const table = await runCli([
      'compare',
      POOLED_OPTIONS_FILE,
      '--replications',
      '60',
      '--format',
      'table',
    ]);
    expect(table.stdout).toContain('Who gains, unit by unit (mean difference, 90% range):');
    expect(table.stdout).toMatch(/^South +[+−]/m);
    expect(table.stdout).toMatch(/^With this option: .+ the limit: /m);
    expect(table.stdout).toMatch(/^Baseline: .+ the limit: /m);
  });

  it('names training seats as the limit of the MPS scenario given 60 more posts', async () => {
    const file = JSON.parse(
      readFileSync(
        new URL('../../../scenarios/mps-financial-investigators.json', import.meta.url),
        'utf8',
      ),
    );
    const staff = file.units[0].staff[0];
    file.options = [
      {
        name: 'Sixty more posts',
        changes: [{ field: 'units[0].staff[0].establishment', value: staff.establishment + 60 }],
      },
    ];
    const dir = mkdtempSync(join(tmpdir(), 'shortfall-compare-'));
    const path = join(dir, 'mps-sixty-more-posts.json');
    writeFileSync(path, JSON.stringify(file));
    const { code, stdout } = await runCli(['compare', path, '--replications', '100']);
    rmSync(dir, { recursive: true, force: true });
    expect(code).toBe(0);
    const [option] = JSON.parse(stdout).options;
    expect(option.bottleneck.kind).toBe('trainingSeats');
    expect(option.bottleneck.sentence).toMatch(
      new RegExp(
        `^Training seats are the limit: all ${file.roles[0].trainingSeatsPerYear} a year are used`,
      ),
    );
    // Posts without seats to train their holders change nothing, and the sentence says why.
    const d = option.totals.unexaminedSuspects.difference;
    expect([d.p05, d.p95]).toEqual([0, 0]);
    expect(option.sentence.endsWith(` ${option.bottleneck.sentence}`)).toBe(true);
  });

  it('compares only the options named, and gives the same figures as comparing all', async () => {
    const args = ['compare', OPTIONS_FILE, '--replications', '100', '--workers', '1'];
    const all = JSON.parse((await runCli(args)).stdout);
    const one = JSON.parse((await runCli([...args, '--option', 'Four more posts'])).stdout);
    expect(one.options).toHaveLength(1);
    expect(one.options[0]).toEqual(all.options[1]);
  });

  it('prints a table with each option’s changes, sentence, differences and cost', async () => {
    const { code, stdout } = await runCli([
      'compare',
      OPTIONS_FILE,
      '--replications',
      '100',
      '--format',
      'table',
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain('Small force · Financial investigator · Posts: 6 → 10');
    expect(stdout).toMatch(/^Four more posts: about \d+ fewer suspects go unexamined/m);
    expect(stdout).toContain('Chance it is better');
    expect(stdout).toContain('Extra staff cost');
    expect(stdout).toContain('Cost per extra suspect examined: ');
    // Money has its sign before the pound sign.
    expect(stdout).not.toMatch(/£[-−]/);
    expect(stdout).toMatch(/−£\d/);
  });

  it('names the options there are when asked for one that is not', async () => {
    const { code, stdout, stderr } = await runCli(['compare', OPTIONS_FILE, '--option', 'Nine']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(
      'The scenario has no option “Nine”. Its options are “Fill the 2 vacancies”, “Four more posts”.',
    );
    expect(stderr).not.toMatch(STACK_TRACE);
  });

  it('says how to add options to a scenario that has none', async () => {
    const { code, stderr } = await runCli(['compare', SMALL_SCENARIO]);
    expect(code).toBe(1);
    expect(stderr).toContain('The scenario has no options to compare.');
    expect(stderr).not.toMatch(STACK_TRACE);
  });

  it('asks for a FILE', async () => {
    const { code, stderr } = await runCli(['compare']);
    expect(code).toBe(2);
    expect(stderr).toContain('Give a scenario FILE.');
  });
});
