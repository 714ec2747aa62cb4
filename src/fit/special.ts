/** Special functions the maximum-likelihood fits need, beyond the engine's ln Γ. */

/** ψ(x), the digamma function, for x > 0: recurrence up to 10, then the asymptotic series. */
export function digamma(x: number): number {
  let result = 0;
  let y = x;
  while (y < 10) {
    result -= 1 / y;
    y += 1;
  }
  const f = 1 / (y * y);
  return (
    result +
    Math.log(y) -
    0.5 / y -
    f * (1 / 12 - f * (1 / 120 - f * (1 / 252 - f * (1 / 240 - f / 132))))
  );
}

/** ψ′(x), the trigamma function, for x > 0: recurrence up to 10, then the asymptotic series. */
export function trigamma(x: number): number {
  let result = 0;
  let y = x;
  while (y < 10) {
    result += 1 / (y * y);
    y += 1;
  }
  const f = 1 / (y * y);
  return (
    result +
    1 / y +
    f / 2 +
    (1 / y) * f * (1 / 6 - f * (1 / 30 - f * (1 / 42 - f * (1 / 30 - (5 / 66) * f))))
  );
}

/** The standard normal quantile: the engine's, so every part of Shortfall uses one. */
export { normalQuantile } from '../engine/random/normalQuantile.ts';
