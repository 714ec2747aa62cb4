import { describe, expect, it } from 'vitest';
import { choiceFlag, intFlag, numberFlag, parseArgs } from '../../src/cli/args.ts';
import { UsageError } from '../../src/cli/cliError.ts';

const spec = { seed: 'string', quiet: 'boolean' } as const;

describe('parseArgs', () => {
  it('reads --name value, --name=value, boolean flags and positionals', () => {
    expect(parseArgs(['file.json', '--seed', 'a b'], spec)).toEqual({
      positionals: ['file.json'],
      flags: { seed: 'a b' },
    });
    expect(parseArgs(['--seed=x=y', '--quiet'], spec).flags).toEqual({
      seed: 'x=y',
      quiet: 'true',
    });
  });

  it('treats everything after -- as positionals', () => {
    expect(parseArgs(['--', '--seed'], spec).positionals).toEqual(['--seed']);
  });

  it.each([
    [['--nope'], 'Unknown option --nope.'],
    [['-x'], 'Unknown option -x.'],
    [['--seed'], 'Option --seed needs a value.'],
    [['--seed', '--quiet'], 'Option --seed needs a value.'],
    [['--quiet=1'], 'Option --quiet takes no value.'],
    [['--seed', 'a', '--seed', 'b'], 'Option --seed is given twice.'],
    [['a.json', 'b.json'], 'Unexpected argument "b.json".'],
  ])('refuses %j with a one-line UsageError', (args, message) => {
    expect(() => parseArgs(args, spec)).toThrow(new UsageError(message));
  });
});

describe('number flags', () => {
  it('accepts whole numbers in range and falls back when absent', () => {
    expect(intFlag('12', 'n', 1, 100, 5)).toBe(12);
    expect(intFlag(undefined, 'n', 1, 100, 5)).toBe(5);
    expect(numberFlag('0.25', 'x', 0, 1, 0.5)).toBe(0.25);
  });

  it.each(['0', '101', '1.5', '1e2', 'ten', '', '-3', '+4', ' 4', '4 ', '08', '0x10'])(
    'refuses %j for a whole number 1–100',
    (v) => {
      expect(() => intFlag(v, 'n', 1, 100, 5)).toThrow(UsageError);
    },
  );

  it('refuses a number out of range or not a number', () => {
    expect(() => numberFlag('2', 'x', 0, 1, 0.5)).toThrow('--x must be a number from 0 to 1');
    expect(() => numberFlag('NaN', 'x', 0, 1, 0.5)).toThrow(UsageError);
  });

  it('accepts only the listed choices', () => {
    expect(choiceFlag('table', 'format', ['json', 'table'], 'json')).toBe('table');
    expect(() => choiceFlag('xml', 'format', ['json', 'table'], 'json')).toThrow(
      '--format must be one of json, table, not "xml".',
    );
  });
});
