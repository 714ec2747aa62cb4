import { describe, expect, it } from 'vitest';
import { historyColumns, HistoryError, readHistory, readNumber } from '../../src/fit/history.ts';

const CSV = `month,referrals,hours per case
2023-04,41,12.5
2023-05,38,"1,004"
2023-06,45,9
2023-07,40,11
2023-08,39,10
2023-09,52,14
`;

describe('reading a history', () => {
  it('reads the named column, case and spacing aside, with spreadsheet numbers', () => {
    expect(readHistory(CSV, 'Referrals', 'counts')).toEqual({
      column: 'referrals',
      values: [41, 38, 45, 40, 39, 52],
    });
    expect(readHistory(CSV, ' hours per case ', 'positive').values[1]).toBe(1004);
    expect(historyColumns(CSV)).toEqual(['month', 'referrals', 'hours per case']);
  });

  it('reads tab-separated text pasted from a spreadsheet', () => {
    const tsv = CSV.replace(/,(?=[^"\n]*(?:"[^"\n]*"[^"\n]*)*$)/gm, '\t').replace(
      '"1,004"',
      '1004',
    );
    expect(readHistory(tsv, 'referrals', 'counts').values).toEqual([41, 38, 45, 40, 39, 52]);
  });

  it('names the columns there are when the column is missing', () => {
    expect(() => readHistory(CSV, 'arrests', 'counts')).toThrow(
      'There is no column "arrests" in the header row; the columns are "month", "referrals", "hours per case".',
    );
  });

  it('names each bad row and column and says what a count is', () => {
    const bad = CSV.replace('45', '4.5').replace('39', '').replace('52', 'n/a');
    let message = '';
    try {
      readHistory(bad, 'referrals', 'counts');
    } catch (e) {
      expect(e).toBeInstanceOf(HistoryError);
      message = (e as Error).message;
    }
    expect(message.split('\n')).toEqual([
      'Row 4, column "referrals": 4.5 is not a count (a whole number, 0 or more).',
      'Row 6, column "referrals" is empty: give the month\'s value, or 0.',
      'Row 7, column "referrals": "n/a" is not a number.',
    ]);
  });

  it('refuses values that are not positive, and too short a history', () => {
    expect(() => readHistory('x\n1\n0\n2\n3\n4\n5\n', 'x', 'positive')).toThrow(
      'Row 3, column "x": 0 is not above 0',
    );
    expect(() => readHistory('x\n1\n2\n3\n', 'x', 'counts')).toThrow(
      'Column "x" has 3 months; at least 6 are needed to fit anything.',
    );
  });

  it('reads numbers as spreadsheets show them', () => {
    expect(readNumber('£12,500')).toBe(12500);
    expect(readNumber('10%')).toBeCloseTo(0.1, 15);
    expect(readNumber('1e3')).toBe(1000);
    expect(readNumber('12 apples')).toBeNaN();
  });
});
