import { describe, expect, it } from 'vitest';
import { exp } from '../../../src/engine/random/exp.ts';
import { streamRng } from '../../../src/engine/random/rng.ts';

/** Arguments compared with Math.exp: fdlibm's path must give the same double for every one. */
const N = 400_000;

describe('exp', () => {
  it('gives the same double as Math.exp over the range lognormal draws use, and beyond', () => {
    const rng = streamRng('exp');
    let differ = 0;
    for (let i = 0; i < N; i++) {
      const u = rng();
      // Exponents of hours and asset values (about −5 to 25), then all of [−10, 720].
      const x = i % 2 === 0 ? u * 30 - 5 : u * 730 - 10;
      if (!Object.is(exp(x), Math.exp(x))) differ++;
    }
    expect(differ).toBe(0);
  });

  it('agrees at the ends of its main path and where it hands over to Math.exp', () => {
    const edges = [
      1.0397207708399179,
      1.0397207708399177,
      1.039720770839918,
      1,
      0.5,
      0,
      -0,
      -1,
      700,
      700.0000000000001,
      709.78,
      709.79,
      -745.2,
      Infinity,
      -Infinity,
      NaN,
      Math.LN2,
      2 * Math.LN2,
      100 * Math.LN2,
      1000 * Math.LN2,
    ];
    for (const x of edges) expect(Object.is(exp(x), Math.exp(x))).toBe(true);
    // Every multiple of ln 2 / 64 in range: where the argument reduction changes its k.
    for (let k = 64; k < 64 * 1010; k++) {
      const x = (k * Math.LN2) / 64;
      expect(exp(x)).toBe(Math.exp(x));
    }
  });
});
