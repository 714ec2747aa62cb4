import { beforeEach, describe, expect, it } from 'vitest';
import { amountSampler, countSampler, finiteDraws } from '../../../src/engine/random/sampler.ts';
import { R, standardNormal } from '../../../src/engine/random/normal.ts';
import type { Distribution } from '../../../src/scenario/distribution.ts';

/**
 * A generator whose uniforms make the ziggurat's largest normal, R + 32·ln 2 / R ≈ 9.89 sd, at
 * every draw: a point at the far edge of the base strip, then the tail's two smallest 1 − u.
 */
const extremes = [0x80ffffff / 2 ** 32, 1 - 2 ** -32, 1 - 2 ** -32];
let next = 0;
const extreme = () => extremes[next++ % extremes.length]!;

describe('draws checked for finiteness', () => {
  beforeEach(() => {
    next = 0;
  });

  it('start from the largest normal the ziggurat draws', () => {
    expect(standardNormal(extreme)).toBeCloseTo(R + (32 * Math.LN2) / R, 12);
    expect(standardNormal(extreme)).toBeGreaterThan(9.88);
  });

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

  it('let the widest lognormal the limits allow draw finite values even at 9.89 sd', () => {
    const widest: Distribution = { dist: 'lognormal', median: 1e7, p90: 1e10 };
    expect(Number.isFinite(amountSampler(widest)(extreme, 1))).toBe(true);
  });
});
