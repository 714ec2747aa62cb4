import type { Rng } from './rng.ts';

/** A triangular draw by inversion of its distribution function (one uniform). */
export function triangular(rng: Rng, min: number, mode: number, max: number): number {
  if (max === min) return min;
  const u = rng();
  const cut = (mode - min) / (max - min);
  return u < cut
    ? min + Math.sqrt(u * (max - min) * (mode - min))
    : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
}
