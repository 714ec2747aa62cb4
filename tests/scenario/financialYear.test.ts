import { describe, expect, it } from 'vitest';
import { yearSpans } from '../../src/scenario/financialYear.ts';

const spans = (h: number, start?: string) =>
  yearSpans(h, start).map((s) => [s.first, s.months, s.label]);

describe('yearSpans', () => {
  it('gives years of the horizon without a start month', () => {
    expect(spans(30)).toEqual([
      [0, 12, 'Year 1 (months 1–12)'],
      [12, 12, 'Year 2 (months 13–24)'],
      [24, 6, 'Year 3 (months 25–30)'],
    ]);
  });

  it('gives whole financial years from an April start', () => {
    expect(spans(24, '2026-04')).toEqual([
      [0, 12, '2026/27 (April 2026 to March 2027)'],
      [12, 12, '2027/28 (April 2027 to March 2028)'],
    ]);
  });

  it('starts with a part-year up to March, and ends with one', () => {
    expect(spans(48, '2026-10')).toEqual([
      [0, 6, '2026/27 (October 2026 to March 2027)'],
      [6, 12, '2027/28 (April 2027 to March 2028)'],
      [18, 12, '2028/29 (April 2028 to March 2029)'],
      [30, 12, '2029/30 (April 2029 to March 2030)'],
      [42, 6, '2030/31 (April 2030 to September 2030)'],
    ]);
    expect(spans(14, '2027-03')).toEqual([
      [0, 1, '2026/27 (March 2027)'],
      [1, 12, '2027/28 (April 2027 to March 2028)'],
      [13, 1, '2028/29 (April 2028)'],
    ]);
    expect(spans(2, '2099-01')).toEqual([[0, 2, '2098/99 (January 2099 to February 2099)']]);
  });

  it('covers every month of the horizon once, for any start', () => {
    for (let m = 1; m <= 12; m++) {
      for (const h of [1, 11, 12, 13, 48, 240]) {
        const list = yearSpans(h, `2030-${String(m).padStart(2, '0')}`);
        let next = 0;
        for (const s of list) {
          expect(s.first).toBe(next);
          expect(s.months).toBeGreaterThan(0);
          expect(s.months).toBeLessThanOrEqual(12);
          next += s.months;
        }
        expect(next).toBe(h);
      }
    }
  });
});
