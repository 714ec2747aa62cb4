import { describe, expect, it, vi } from 'vitest';
import { runCli, SMALL_SCENARIO, STACK_TRACE } from '../runCli.ts';

vi.setConfig({ testTimeout: 60_000 });

describe('shortfall fms --start-month', () => {
  it('writes the table by financial year from the month given', async () => {
    const { code, stdout } = await runCli([
      'fms',
      SMALL_SCENARIO,
      '--start-month',
      '2026-10',
      '--replications',
      '20',
    ]);
    expect(code).toBe(0);
    const years = stdout
      .split('\r\n')
      .filter((line) => /^\d{4}\/\d{2} /.test(line))
      .map((line) => line.split(',')[0]);
    expect(years).toEqual([
      '2026/27 (October 2026 to March 2027)',
      '2027/28 (April 2027 to March 2028)',
      '2028/29 (April 2028 to September 2028)',
    ]);
  });

  it('refuses a month not written as year and month, saying how to write it', async () => {
    const { code, stderr } = await runCli(['fms', SMALL_SCENARIO, '--start-month', 'Oct 2026']);
    expect(code).toBe(2);
    expect(stderr).toContain('--start-month must be a year and month such as 2026-04');
    expect(stderr).not.toMatch(STACK_TRACE);
  });
});
