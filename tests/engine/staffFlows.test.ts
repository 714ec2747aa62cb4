import { describe, expect, it } from 'vitest';
import { seatsOffered } from '../../src/engine/staffFlows.ts';

describe('seatsOffered', () => {
  it('offers ⌊S(t + 1)/12⌋ − ⌊St/12⌋ seats in month t, S a year and 20·S in 240 months', () => {
    for (let perYear = 1; perYear <= 120; perYear++) {
      let total = 0;
      for (let year = 0; year < 20; year++) {
        let inYear = 0;
        for (let m = 0; m < 12; m++) {
          const t = 12 * year + m;
          const seats = seatsOffered(perYear, t);
          // Whole twelfths in integers: the seats accrued by the end of month t less those before it.
          const accrued = (months: number) => (perYear * months - ((perYear * months) % 12)) / 12;
          expect(seats, `S = ${perYear}, t = ${t}`).toBe(accrued(t + 1) - accrued(t));
          inYear += seats;
        }
        expect(inYear, `S = ${perYear}, year ${year}`).toBe(perYear);
        total += inYear;
      }
      expect(total, `S = ${perYear}`).toBe(20 * perYear);
    }
  });

  it('offers a seat in the third month at 8 seats a year, where a carried fraction would not', () => {
    expect([0, 1, 2, 3, 4, 5].map((t) => seatsOffered(8, t))).toEqual([0, 1, 1, 0, 1, 1]);
  });

  it('offers no seats at 0 a year and unlimited seats when there is no limit', () => {
    expect(seatsOffered(0, 7)).toBe(0);
    expect(seatsOffered(Infinity, 7)).toBe(Infinity);
  });
});
