import type { Rng } from './rng.ts';

/**
 * A Binomial(n, p) draw. Staff flows draw these with small monthly probabilities, so the usual
 * case is the geometric waiting-time method (exact, about n·p + 1 uniforms). Where n·p is large
 * (a national establishment) the count of successes is the sum of two halves, recursively, so
 * the cost stays about n·p without any approximation.
 */
export function binomial(rng: Rng, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - binomial(rng, n, 1 - p);
  if (n * p > 400) {
    const half = Math.floor(n / 2);
    return binomial(rng, half, p) + binomial(rng, n - half, p);
  }
  const logQ = Math.log(1 - p);
  let successes = 0;
  let trials = 0;
  for (;;) {
    trials += Math.floor(Math.log(1 - rng()) / logQ) + 1;
    if (trials > n) return successes;
    successes++;
  }
}
