import { describe, expect, it } from 'vitest';
import { coverageRange, coverageVerdict } from '../../src/fit/coverage.ts';

function choose(n: number, k: number): number {
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return c;
}
const pmf = (n: number, p: number, k: number) => choose(n, k) * p ** k * (1 - p) ** (n - k);
const cdf = (n: number, p: number, k: number) => {
  let s = 0;
  for (let i = 0; i <= k; i++) s += pmf(n, p, i);
  return s;
};

describe('the range of months inside a band', () => {
  it('leaves at most 2.5% of chance below and above it, and no less', () => {
    for (const n of [6, 12, 24, 60]) {
      for (const p of [0.5, 0.9]) {
        const { low, high } = coverageRange(n, p);
        expect(low).toBeLessThanOrEqual(high);
        expect(low === 0 ? 0 : cdf(n, p, low - 1)).toBeLessThanOrEqual(0.025);
        expect(cdf(n, p, low)).toBeGreaterThan(0.025);
        expect(1 - cdf(n, p, high)).toBeLessThanOrEqual(0.025 + 1e-12);
        expect(1 - cdf(n, p, high - 1)).toBeGreaterThan(0.025);
      }
    }
  });

  it('calls a count below it fewer than a fitting model gives', () => {
    const { low, high } = coverageRange(12, 0.9);
    expect(coverageVerdict(low - 1, 12, 0.9)).toBe('fewer');
    expect(coverageVerdict(low, 12, 0.9)).toBe('expected');
    expect(coverageVerdict(high, 12, 0.9)).toBe('expected');
    const half = coverageRange(12, 0.5);
    expect(coverageVerdict(half.high + 1, 12, 0.5)).toBe('more');
  });
});
