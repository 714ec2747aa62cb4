import { logGamma } from './logGamma.ts';
import type { Rng } from './rng.ts';

/**
 * A Poisson(mean) draw. Small means use Knuth's multiplication method (exact, about mean + 1
 * uniforms); from a mean of 10 Hörmann's PTRS transformed rejection (1993), about 2–3
 * uniforms whatever the mean.
 */
export function poisson(rng: Rng, mean: number): number {
  if (!(mean > 0)) return 0;
  if (mean < 10) {
    const limit = Math.exp(-mean);
    let k = 0;
    let product = 1 - rng();
    while (product > limit) {
      k++;
      product *= 1 - rng();
    }
    return k;
  }
  const logMean = Math.log(mean);
  const b = 0.931 + 2.53 * Math.sqrt(mean);
  const a = -0.059 + 0.02483 * b;
  const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = rng() - 0.5;
    const v = 1 - rng();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (
      Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b) <=
      -mean + k * logMean - logGamma(k + 1)
    ) {
      return k;
    }
  }
}
