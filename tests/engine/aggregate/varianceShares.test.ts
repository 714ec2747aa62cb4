import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  firstOrderShare,
  orderBy,
  varianceShares,
} from '../../../src/engine/aggregate/varianceShares.ts';
import { standardNormal } from '../../../src/engine/random/normal.ts';
import { streamRng } from '../../../src/engine/random/rng.ts';

describe('first-order variance shares', () => {
  it('match a known linear case: Y = 2·X1 + X2 + ε', () => {
    const n = 10_000;
    const rng = streamRng('linear');
    const x1 = new Float64Array(n);
    const x2 = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      x1[i] = rng();
      x2[i] = rng();
      y[i] = 2 * x1[i]! + x2[i]! + 0.5 * standardNormal(rng);
    }
    // Var = 4/12 + 1/12 + 1/4 = 2/3: shares 1/2 and 1/8, chance 3/8.
    const { shares, chance } = varianceShares(y, [orderBy(x1), orderBy(x2)]);
    // Sampling error of each share at n = 10,000 is about 0.01.
    expect(Math.abs(shares[0]! - 0.5)).toBeLessThan(0.03);
    expect(Math.abs(shares[1]! - 0.125)).toBeLessThan(0.03);
    expect(Math.abs(chance - 0.375)).toBeLessThan(0.04);
  });

  it('give about 0 to an assumption the result does not depend on', () => {
    const n = 10_000;
    const rng = streamRng('unrelated');
    const x = Float64Array.from({ length: n }, () => rng());
    const y = Float64Array.from({ length: n }, () => standardNormal(rng));
    expect(firstOrderShare(y, orderBy(x))).toBeLessThan(0.01);
  });

  it('give 1 to an assumption the result is a function of, and 0 for a constant result', () => {
    const x = Float64Array.from({ length: 2500 }, (_, i) => (i * 7919) % 2500);
    const y = x.map((v) => v * v);
    expect(firstOrderShare(y, orderBy(x))).toBeGreaterThan(0.99);
    expect(firstOrderShare(new Float64Array(2500).fill(3), orderBy(x))).toBe(0);
  });

  it('are scaled to sum to 1 when two assumptions move together', () => {
    // Two draws in the same order each explain all of y: each estimate is near 1 alone.
    const x = Float64Array.from({ length: 400 }, (_, i) => i);
    const y = Array.from(x, (v) => 3 * v);
    const alone = firstOrderShare(y, orderBy(x));
    expect(alone).toBeGreaterThan(0.99);
    const { shares, chance } = varianceShares(y, [orderBy(x), orderBy(x)]);
    expect(shares).toEqual([0.5, 0.5]);
    expect(chance).toBe(0);
  });

  it('sum to at most 1 with chance the rest, for any draws', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.double({ min: -1e3, max: 1e3, noNaN: true }),
            fc.double({ min: 0, max: 1, noNaN: true }),
            fc.double({ min: 0, max: 1, noNaN: true }),
          ),
          { minLength: 4, maxLength: 400 },
        ),
        (rows) => {
          const y = rows.map((r) => r[0]);
          const { shares, chance } = varianceShares(y, [
            orderBy(rows.map((r) => r[1])),
            orderBy(rows.map((r) => r[2])),
          ]);
          const sum = shares.reduce((s, v) => s + v, 0);
          for (const s of shares) expect(s).toBeGreaterThanOrEqual(0);
          expect(sum).toBeLessThanOrEqual(1 + 1e-12);
          expect(chance).toBeCloseTo(Math.max(0, 1 - sum), 12);
        },
      ),
      { interruptAfterTimeLimit: 4000 },
    );
  });
});
