import { describe, expect, it } from 'vitest';
import { textFromValue, textShows, valueFromText } from '../../src/state/numberText.ts';

describe('number field text', () => {
  it('stores numbers as numbers, with thousands separators allowed', () => {
    expect(valueFromText('1,250')).toBe(1250);
    expect(valueFromText(' 0.15 ')).toBe(0.15);
    expect(valueFromText('.5')).toBe(0.5);
  });

  it('keeps text that is not a number exactly as typed, and empty as no value', () => {
    expect(valueFromText('26x')).toBe('26x');
    expect(valueFromText('')).toBeUndefined();
  });

  it('does not rewrite text that already shows the stored value (typing 1.50 stays 1.50)', () => {
    expect(textShows('1.50', 1.5)).toBe(true);
    expect(textShows('1.5', 2)).toBe(false);
    expect(textFromValue(269)).toBe('269');
  });

  it('reads a share typed as a percentage, as a spreadsheet shows it', () => {
    expect(valueFromText('10%')).toBe(0.1);
    expect(valueFromText(' 18.75 % ')).toBe(0.1875);
    expect(valueFromText('-3%')).toBe(-0.03);
    expect(textShows('10%', 0.1)).toBe(true);
    expect(valueFromText('10%%')).toBe('10%%');
  });
});
