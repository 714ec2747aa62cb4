import { describe, expect, it } from 'vitest';
import { csvCell, csvRow } from '../../src/files/csvCell.ts';

describe('csvCell', () => {
  it.each([
    ['=HYPERLINK("http://example.invalid")', `"'=HYPERLINK(""http://example.invalid"")"`],
    ['+44 20 7230 1212', "'+44 20 7230 1212"],
    ['-1+cmd|calc', "'-1+cmd|calc"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
  ])('escapes %j so a spreadsheet shows it as text', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('quotes commas, quotes and line breaks', () => {
    expect(csvCell('Fraud, economic crime')).toBe('"Fraud, economic crime"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('leaves plain text, markup and numbers as they are, negative numbers included', () => {
    expect(csvCell('Metropolitan Police Service')).toBe('Metropolitan Police Service');
    expect(csvCell('<script>alert(1)</script>')).toBe('<script>alert(1)</script>');
    expect(csvCell(-12.5)).toBe('-12.5');
    expect(csvCell(0)).toBe('0');
  });

  it('writes missing and non-finite values as empty cells', () => {
    expect(csvRow([null, undefined, Number.NaN, Infinity, 'a'])).toBe(',,,,a');
  });
});
