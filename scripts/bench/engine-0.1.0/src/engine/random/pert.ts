import { standardGamma } from './gamma.ts';
import type { Rng } from './rng.ts';

/**
 * A PERT draw: a Beta(α, β) scaled to [min, max] with α = 1 + 4(mode − min)/(max − min) and
 * β = 1 + 4(max − mode)/(max − min), so the mean is (min + 4·mode + max)/6. The Beta is the
 * ratio of two Gamma draws.
 */
export function pert(rng: Rng, min: number, mode: number, max: number): number {
  if (max === min) return min;
  const alpha = 1 + (4 * (mode - min)) / (max - min);
  const beta = 1 + (4 * (max - mode)) / (max - min);
  const x = standardGamma(rng, alpha);
  const y = standardGamma(rng, beta);
  return min + ((max - min) * x) / (x + y);
}
