/**
 * Whether a back-test's coverage is what a well-fitted model would give: with n held-out months
 * each inside a band with probability `nominal`, the count inside is binomial, so a count outside
 * its central 95% range says the model would have misled, not that the months were unlucky.
 */
export interface CoverageRange {
  /** Fewest and most months inside that a model that fits gives 95 times in 100. */
  low: number;
  high: number;
}

function binomialPmf(n: number, p: number): number[] {
  const out = new Array<number>(n + 1).fill(0);
  out[0] = (1 - p) ** n;
  for (let k = 1; k <= n; k++) out[k] = (out[k - 1]! * (n - k + 1) * p) / (k * (1 - p));
  return out;
}

/** The central 95% range of months inside a band of share `nominal`, out of n. */
export function coverageRange(n: number, nominal: number): CoverageRange {
  const pmf = binomialPmf(n, nominal);
  let low = 0;
  for (let below = pmf[0]!; below <= 0.025 && low < n; below += pmf[++low]!);
  let high = n;
  for (let above = pmf[n]!; above <= 0.025 && high > 0; above += pmf[--high]!);
  return { low, high };
}

export type CoverageVerdict = 'fewer' | 'expected' | 'more';

export function coverageVerdict(inside: number, n: number, nominal: number): CoverageVerdict {
  const { low, high } = coverageRange(n, nominal);
  return inside < low ? 'fewer' : inside > high ? 'more' : 'expected';
}
