import { describe, expect, it } from 'vitest';
import { figure, signedPercent } from '../../src/fit/figures.ts';

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
});
