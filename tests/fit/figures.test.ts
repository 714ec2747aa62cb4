import { describe, expect, it } from 'vitest';
import { figure, percentagePoints, signedPercent } from '../../src/fit/figures.ts';

describe('numbers in the evidence views', () => {
  it('keeps 4 significant figures with separators and a true minus', () => {
    expect(figure(123456.789)).toBe('123,500');
    expect(figure(0.061234)).toBe('0.06123');
    expect(figure(37)).toBe('37');
    expect(figure(-2.5)).toBe('−2.5');
    expect(figure(Number.NaN)).toBe('–');
    expect(figure(1.23456, 2)).toBe('1.2');
  });

  it('signs a yearly change', () => {
    expect(signedPercent(0.041)).toBe('+4.1%');
    expect(signedPercent(-0.01)).toBe('−1.0%');
    expect(signedPercent(0.0001)).toBe('0.0%');
    expect(signedPercent(-0.0001)).toBe('0.0%');
  });

  it('gives a gap in percentage points without a string of zeros', () => {
    expect(percentagePoints(0.0123)).toBe('1.2');
    expect(percentagePoints(0.00000004)).toBe('under 0.1');
    expect(percentagePoints(0.001)).toBe('0.1');
  });
});
