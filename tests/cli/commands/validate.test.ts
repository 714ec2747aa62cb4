import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runCli, SMALL_SCENARIO, STACK_TRACE } from '../runCli.ts';

vi.setConfig({ testTimeout: 30_000 });

const scratch = mkdtempSync(join(tmpdir(), 'shortfall-validate-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
}

describe('shortfall validate', () => {
  it('says "valid" and exits 0 for a valid scenario', async () => {
    const { code, stdout, stderr } = await runCli(['validate', SMALL_SCENARIO]);
    expect(code).toBe(0);
    expect(stdout).toBe('valid\n');
    expect(stderr).toBe('');
  });

  it('accepts the built-in scenario', async () => {
    const { code, stdout } = await runCli([
      'validate',
      'scenarios/mps-financial-investigators.json',
    ]);
    expect(code).toBe(0);
    expect(stdout).toBe('valid\n');
  });

  it('lists one line per problem naming its JSON path, and exits 1', async () => {
    const path = file(
      'two-problems.json',
      JSON.stringify({
        format: 'shortfall-scenario',
        schemaVersion: 1,
        name: 'Broken',
        roles: [{ id: 'fi', name: 'FI', productiveHoursPerYear: -5 }],
        units: [{ id: 'u', name: 'U', staff: [{ role: 'fi', establishment: 'six', inPost: 2 }] }],
      }),
    );
    const { code, stdout, stderr } = await runCli(['validate', path]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines.some((l) => l.startsWith('roles[0].productiveHoursPerYear: '))).toBe(true);
    expect(lines.some((l) => l.startsWith('units[0].staff[0].establishment: '))).toBe(true);
    expect(stderr).not.toMatch(STACK_TRACE);
  });

  it.each([
    ['invalid JSON', '{"name": ', /Not valid JSON/],
    ['an empty file', '', /empty/],
    ['a list', '[1, 2]', /^\(top level\): /],
  ])('refuses %s with one line and exit code 1', async (_, text, message) => {
    const { code, stderr } = await runCli(['validate', file('bad.json', text)]);
    expect(code).toBe(1);
    expect(stderr).toMatch(message);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).not.toMatch(STACK_TRACE);
  });

  it('refuses ten billion cases a month that bring no items, in one line naming the field', async () => {
    const scenario = JSON.parse(readFileSync(SMALL_SCENARIO, 'utf8'));
    Object.assign(scenario.units[0].demand[0], { casesPerMonth: 1e10, itemsPerCase: 0 });
    const { code, stdout, stderr } = await runCli([
      'validate',
      file('ten-billion-cases.json', JSON.stringify(scenario)),
    ]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(
      /^units\[0]\.demand\[0]\.casesPerMonth: the demand adds up to about [\d,]+ cases in one replication[^\n]*\n$/,
    );
  });

  it('refuses a missing file with one line and exit code 1', async () => {
    const { code, stderr } = await runCli(['validate', join(scratch, 'absent.json')]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/absent\.json: no such file\.\n$/);
  });

  it('refuses a file larger than the limit without reading it', async () => {
    const big = file('big.json', ' '.repeat(5 * 1024 * 1024 + 1));
    const { code, stderr } = await runCli(['validate', big]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/at most 5\.0 MB/);
  });

  it('asks for a file with exit code 2 when none is given', async () => {
    const { code, stderr } = await runCli(['validate']);
    expect(code).toBe(2);
    expect(stderr).toBe('validate needs a scenario FILE.\n');
  });
});
