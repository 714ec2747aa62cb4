import { logGamma } from '../engine/random/logGamma.ts';
import { LIMITS } from '../scenario/limits.ts';
import { maximise, withAic, type FamilyFit } from './fitResult.ts';

function mean(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}

/** ln x! for a whole number x ≥ 0. */
function logFactorial(x: number): number {
  return x < 2 ? 0 : logGamma(x + 1);
}

/** Poisson by maximum likelihood: the mean is the sample mean, its variance mean / n. */
export function fitPoisson(xs: readonly number[]): FamilyFit {
  const n = xs.length;
  const m = mean(xs);
  let ll = 0;
  for (const x of xs) ll += (x > 0 ? x * Math.log(m) : 0) - m - logFactorial(x);
  return withAic({
    family: 'poisson',
    dist: { dist: 'poisson', mean: m },
    logLikelihood: ll,
    parameters: 1,
    estimates: { mean: { estimate: m, se: Math.sqrt(m / n) } },
  });
}

/** The negative binomial log-likelihood at mean m and dispersion (size) k. */
export function negbinLogLikelihood(xs: readonly number[], m: number, k: number): number {
  let ll = 0;
  const logP = Math.log(k / (k + m));
  const logQ = m > 0 ? Math.log(m / (k + m)) : 0;
  const lgk = logGamma(k);
  for (const x of xs) {
    ll += logGamma(x + k) - lgk - logFactorial(x) + k * logP + (x > 0 ? x * logQ : 0);
  }
  return ll;
}

/**
 * Negative binomial by maximum likelihood. The mean's estimate is the sample mean whatever the
 * dispersion, so the dispersion is found by maximising the profile likelihood over ln k. When
 * the counts vary no more than a Poisson's would, the likelihood rises without end as k grows;
 * the estimate then stops at the file's largest dispersion, and the AIC prefers the Poisson.
 */
export function fitNegbin(xs: readonly number[]): FamilyFit {
  const n = xs.length;
  const m = mean(xs);
  const lo = Math.log(LIMITS.smallestDispersion);
  const hi = Math.log(1e8);
  const t = maximise((u) => negbinLogLikelihood(xs, m, Math.exp(u)), lo, hi);
  const k = Math.exp(t);
  const ll = negbinLogLikelihood(xs, m, k);
  // Standard error of k from the profile's curvature, by a central difference in k.
  const h = Math.max(1e-4 * k, 1e-6);
  const curvature =
    (negbinLogLikelihood(xs, m, k + h) - 2 * ll + negbinLogLikelihood(xs, m, k - h)) / (h * h);
  const seK = curvature < 0 ? Math.sqrt(-1 / curvature) : Infinity;
  return withAic({
    family: 'negbin',
    dist: { dist: 'negbin', mean: m, dispersion: k },
    logLikelihood: ll,
    parameters: 2,
    estimates: {
      mean: { estimate: m, se: Math.sqrt((m + (m * m) / k) / n) },
      dispersion: { estimate: k, se: seK },
    },
  });
}
