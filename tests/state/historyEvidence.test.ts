import { describe, expect, it } from 'vitest';
import { backtest } from '../../src/fit/backtest.ts';
import { fitHistory } from '../../src/fit/fitHistory.ts';
import {
  guessHistoryColumn,
  HistoryEvidence,
  kindOfColumn,
} from '../../src/state/historyEvidence.svelte.ts';

const referrals = [31, 28, 35, 40, 33, 29, 38, 36, 30, 41, 34, 37, 32, 39, 35, 30, 36, 33, 40, 29];
const hours = [12, 30, 18, 23, 9, 41, 16, 28, 20, 13, 36, 21, 16, 25, 19, 22, 17, 26, 31, 14];
const CSV = [
  'Month,Referrals,Hours booked per case,Notes',
  ...referrals.map((r, i) => `2024-${String(i + 1).padStart(2, '0')},${r},${hours[i]},"a, b"`),
].join('\n');

describe('choosing the column', () => {
  it('skips the month and takes the first column of figures, with its kind', () => {
    expect(guessHistoryColumn(CSV)).toEqual({ column: 'Referrals', kind: 'counts' });
    expect(kindOfColumn(CSV, 'Hours booked per case')).toBe('positive');
    expect(kindOfColumn(CSV, 'Notes')).toBeUndefined();
    expect(guessHistoryColumn('Month\tNotes\n2024-01\tx')).toBeUndefined();
  });
});

describe('a history in the Evidence tab', () => {
  it('fits and back-tests the chosen column as the command line does', () => {
    const h = new HistoryEvidence();
    h.load(CSV, 'history.csv');
    expect(h.columns).toEqual(['Month', 'Referrals', 'Hours booked per case', 'Notes']);
    expect(h.column).toBe('Referrals');
    expect(h.kind).toBe('counts');
    expect(h.fit).toEqual({ ok: true, value: fitHistory(referrals, 'counts') });
    expect(h.backtest).toEqual({ ok: true, value: backtest(referrals, 'counts', 12) });
    h.chooseColumn('Hours booked per case');
    expect(h.kind).toBe('positive');
    expect(h.fit).toEqual({ ok: true, value: fitHistory(hours, 'positive') });
  });

  it('says what is wrong, naming rows and columns, and never throws', () => {
    const h = new HistoryEvidence();
    h.load(CSV, 'history.csv');
    h.chooseColumn('Notes');
    expect(h.read).toMatchObject({
      ok: false,
      message: expect.stringContaining('Row 2, column "Notes"'),
    });
    expect(h.fit).toBeUndefined();
    h.chooseColumn('Referrals');
    h.holdoutText = 'twelve';
    expect(h.backtest).toEqual({
      ok: false,
      message: 'Give the months held out as a whole number, 1 or more.',
    });
    h.holdoutText = '18';
    expect(h.backtest).toMatchObject({
      ok: false,
      message: expect.stringContaining('from 1 to 14'),
    });
    h.load('', '');
    expect(h.read).toBeUndefined();
    expect(h.columns).toEqual([]);
  });
});
