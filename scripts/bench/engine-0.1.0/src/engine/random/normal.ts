import type { Rng } from './rng.ts';

/**
 * A standard normal draw by the Box–Muller transform, one uniform pair per draw (the second
 * value is discarded so a sampler holds no hidden state between calls and the number of
 * uniforms each draw consumes is fixed).
 */
export function standardNormal(rng: Rng): number {
  const u = 1 - rng(); // (0, 1]: log(u) is finite
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
