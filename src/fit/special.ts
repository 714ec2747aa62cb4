/** Special functions the maximum-likelihood fits and the quantiles need, beyond the engine's ln Γ. */
import { logGamma } from '../engine/random/logGamma.ts';

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

/**
 * P(a, x), the regularised lower incomplete gamma function: by its series below a + 1, and by
 * Legendre's continued fraction (modified Lentz) above, as Numerical Recipes does.
 */
export function gammaP(a: number, x: number): number {
  if (!(x > 0)) return 0;
  const front = Math.exp(a * Math.log(x) - x - logGamma(a));
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 1e7 && Math.abs(term) > Math.abs(sum) * 1e-15; n++) {
      term *= x / (a + n);
      sum += term;
    }
    return Math.min(1, front * sum);
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1e7; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 1e-15) break;
  }
  return Math.max(0, 1 - front * h);
}
