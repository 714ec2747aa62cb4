import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { maxWorkers } from '../../src/cli/runFlags.ts';
import { leverInfo } from '../../src/decision/levers.ts';
import { runCli, SMALL_SCENARIO } from './runCli.ts';

/**
 * Characters that act on a terminal, or hide in or disguise the text around them, if printed
 * raw: every control, format and separator character and the blank fillers, but the line
 * break that ends each line.
 */
const RAW = /(?!\n)[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u034F\u115F\u1160\u3164\uFFA0]/u;

const scratch = mkdtempSync(join(tmpdir(), 'shortfall-escaping-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The small scenario saved under `file` in the scratch directory with its name replaced. */
function scenarioNamed(file: string, name: string): string {
  const scenario = JSON.parse(readFileSync(SMALL_SCENARIO, 'utf8')) as { name: string };
  scenario.name = name;
  const path = join(scratch, file);
  writeFileSync(path, JSON.stringify(scenario));
  return path;
}

const FAST = ['--replications', '5', '--workers', '1'];
const ESC = '\u001b';
/** A tag character, a line separator and the one-character C1 form of ESC [. */
const SPOOF_SEED = 'a\u{E0001}b\u2028c\u009Bd';

interface Case {
  name: string;
  args: () => string[];
  code: number;
  stdout?: RegExp;
  stderr?: RegExp;
}

const CASES: Case[] = [
  {
    name: 'fms escapes a carriage return in the scenario name',
    args: () => ['fms', scenarioNamed('cr.json', 'x\ry'), ...FAST],
    code: 0,
    stdout: /^Scenario,x\\ry\r$/m,
  },
  {
    name: 'fms escapes an escape sequence in the seed',
    args: () => ['fms', SMALL_SCENARIO, ...FAST, '--seed', `q${ESC}[2J`],
    code: 0,
    stdout: /^Seed,q\\u001B\[2J\r$/m,
  },
  {
    name: 'a file that cannot be read is named with its escape sequences escaped',
    args: () => ['validate', `${ESC}[31mx\r.json`],
    code: 1,
    stderr: /^\\u001B\[31mx\\r\.json: /,
  },
  {
    name: '--replications with an escape sequence',
    args: () => ['run', SMALL_SCENARIO, '--replications', `5${ESC}[2J`],
    code: 2,
    stderr: /^--replications must be a whole number .*"5\\u001B\[2J"\.$/m,
  },
  {
    name: '--format with an escape sequence',
    args: () => ['run', SMALL_SCENARIO, '--format', `t${ESC}[2J`],
    code: 2,
    stderr: /t\\u001B\[2J/,
  },
  {
    name: 'an unknown command with an escape sequence',
    args: () => [`ru${ESC}[2Jn`],
    code: 2,
    stderr: /^shortfall: unknown command "ru\\u001B\[2Jn"/,
  },
  {
    name: 'an unknown flag with an escape sequence',
    args: () => ['run', SMALL_SCENARIO, `--x${ESC}[2J`],
    code: 2,
    stderr: /--x\\u001B\[2J/,
  },
  {
    name: '--out with an escape sequence and a carriage return',
    args: () => ['fms', SMALL_SCENARIO, ...FAST, '--out', `o${ESC}[2J\r`],
    code: 0,
    stderr: /^FMS table written to o\\u001B\[2J\\r$/m,
  },
  {
    name: 'the table escapes a tag character and a line separator in the seed',
    args: () => ['run', SMALL_SCENARIO, ...FAST, '--seed', SPOOF_SEED, '--format', 'table'],
    code: 0,
    stdout: /Seed "a\\u\{E0001\}b\\u2028c\\u009Bd"/,
  },
  {
    name: 'JSON escapes them too, and reads back as the seed given',
    args: () => ['run', SMALL_SCENARIO, ...FAST, '--seed', SPOOF_SEED, '--format', 'json'],
    code: 0,
    stdout: /"seed": "a\\uDB40\\uDC01b\\u2028c\\u009Bd"/,
  },
];

describe('the command line never prints a control or invisible character raw', () => {
  it.each(CASES)(
    '$name',
    async ({ args, code, stdout, stderr }) => {
      const result = await runCli(args(), scratch);
      expect(result.stderr).not.toMatch(RAW);
      expect(result.stdout.replaceAll('\r\n', '\n')).not.toMatch(RAW);
      if (stdout) expect(result.stdout).toMatch(stdout);
      if (result.stdout.startsWith('{')) {
        expect((JSON.parse(result.stdout) as { seed: string }).seed).toBe(SPOOF_SEED);
      }
      if (stderr) expect(result.stderr).toMatch(stderr);
      expect(result.code, result.stderr).toBe(code);
    },
    30_000,
  );
});

describe('flags the command line reads strictly', () => {
  const attrition = leverInfo('attritionPerYear');
  const CASES: Case[] = [
    {
      name: 'goal-seek bounds --min by the lever’s own range',
      args: () => [
        'goal-seek',
        SMALL_SCENARIO,
        '--lever',
        'attritionPerYear:force:fi',
        '--metric',
        'unexaminedSuspects',
        '--below',
        '10',
        '--min',
        '2',
      ],
      code: 2,
      stderr: new RegExp(
        `^--min must be a number from ${attrition.min} to ${attrition.max}, not "2"\\.\\n$`,
      ),
    },
    ...[' 4', '08', '+4', '4 '].map((value) => ({
      name: `--workers "${value}" is refused`,
      args: () => ['run', SMALL_SCENARIO, '--workers', value],
      code: 2,
      stderr: new RegExp(`^--workers must be a whole number from 1 to ${maxWorkers()}, not "`),
    })),
  ];
  it.each(CASES)(
    '$name',
    async ({ args, code, stderr }) => {
      const result = await runCli(args(), scratch);
      if (stderr) expect(result.stderr).toMatch(stderr);
      expect(result.code).toBe(code);
    },
    30_000,
  );
});
