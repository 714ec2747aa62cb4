const COEFFICIENTS = [
  76.18009172947146, -86.50532032941678, 24.01409824083091, -1.231739572450155,
  1.208650973866179e-3, -5.395239384953e-6,
];

/** ln Γ(x) for x > 0 (Lanczos approximation, relative error below 2e-10). */
export function logGamma(x: number): number {
  let y = x;
  const tmp = x + 5.5 - (x + 0.5) * Math.log(x + 5.5);
  let series = 1.000000000190015;
  for (const c of COEFFICIENTS) series += c / ++y;
  return -tmp + Math.log((Math.sqrt(2 * Math.PI) * series) / x);
}
