import { describe, expect, it } from 'vitest';
import { amountSampler, countSampler, finiteDraws } from '../../../src/engine/random/sampler.ts';
import type { Distribution } from '../../../src/scenario/distribution.ts';

/** A generator stuck at its largest value: Box–Muller's largest normal, 6.66 sd, every draw. */
const extreme = () => 1 - 2 ** -32;

describe('draws checked for finiteness', () => {
  it('are on in tests, where a lognormal outside the limits fails on its first infinite draw', () => {
    const wide: Distribution = { dist: 'lognormal', median: 1e-300, p90: 1e10 };
    expect(() => amountSampler(wide)(extreme, 1)).toThrow(/"lognormal".* drew Infinity/);
    expect(() => countSampler(wide)(extreme, 1)).toThrow(RangeError);
  });

  it('pass finite draws through unchanged, and refuse NaN', () => {
    const d: Distribution = { dist: 'uniform', min: 1, max: 3 };
    expect(amountSampler(d)(() => 0.5, 2)).toBe(4);
    expect(() => finiteDraws(() => NaN, d)(extreme, 1)).toThrow(/drew NaN/);
  });

  it('let the widest lognormal the limits allow draw finite values even at 6.66 sd', () => {
    const widest: Distribution = { dist: 'lognormal', median: 1e7, p90: 1e10 };
    expect(Number.isFinite(amountSampler(widest)(extreme, 1))).toBe(true);
  });
});
