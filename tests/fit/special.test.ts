import { describe, expect, it } from 'vitest';
import { digamma, normalQuantile, trigamma } from '../../src/fit/special.ts';

const EULER_GAMMA = 0.5772156649015329;

describe('special functions', () => {
  it('digamma matches known values and its recurrence', () => {
    expect(digamma(1)).toBeCloseTo(-EULER_GAMMA, 12);
    expect(digamma(0.5)).toBeCloseTo(-EULER_GAMMA - 2 * Math.LN2, 12);
    for (const x of [0.01, 0.7, 3.2, 40])
      expect(digamma(x + 1) - digamma(x)).toBeCloseTo(1 / x, 10);
  });

  it('trigamma matches known values and its recurrence', () => {
    expect(trigamma(1)).toBeCloseTo(Math.PI ** 2 / 6, 12);
    expect(trigamma(0.5)).toBeCloseTo(Math.PI ** 2 / 2, 11);
    for (const x of [0.05, 1.3, 9, 120])
      expect(trigamma(x) - trigamma(x + 1)).toBeCloseTo(1 / x ** 2, 10);
  });

  it('normal quantiles match tables and are symmetric', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 8);
    expect(normalQuantile(0.9)).toBeCloseTo(1.2815515655446004, 8);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306167813, 7);
    expect(normalQuantile(0.2)).toBeCloseTo(-normalQuantile(0.8), 12);
  });
});
