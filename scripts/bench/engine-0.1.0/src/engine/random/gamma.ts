import { standardNormal } from './normal.ts';
import type { Rng } from './rng.ts';

/** A Gamma(shape, scale = 1) draw, by Marsaglia and Tsang (2000); shape < 1 by boosting. */
export function standardGamma(rng: Rng, shape: number): number {
  if (shape < 1) {
    const u = 1 - rng();
    return standardGamma(rng, shape + 1) * Math.pow(u, 1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rng();
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2) return d * v;
    if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
  }
}
