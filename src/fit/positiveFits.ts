import { logGamma } from '../engine/random/logGamma.ts';
import { Z90 } from '../scenario/distributionMoments.ts';
import { withAic, type FamilyFit } from './fitResult.ts';
import { digamma, trigamma } from './special.ts';

/**
 * Lognormal by maximum likelihood: μ and σ are the mean and the (divide-by-n) standard
 * deviation of the logarithms; written as the scenario grammar's median e^μ and 90th percentile
 * e^(μ + 1.2816σ). Standard errors: σ/√n for μ, σ/√(2n) for σ, carried to the median by the
 * delta method.
 */
export function fitLognormal(xs: readonly number[]): FamilyFit {
  const n = xs.length;
  let mu = 0;
  for (const x of xs) mu += Math.log(x);
  mu /= n;
  let ss = 0;
  let sumLog = 0;
  for (const x of xs) {
    const d = Math.log(x) - mu;
    ss += d * d;
    sumLog += Math.log(x);
  }
  const sigma = Math.sqrt(ss / n);
  if (!(sigma > 0)) throw new RangeError('every value is the same: there is no spread to fit');
  const ll = -sumLog - n * Math.log(sigma) - (n / 2) * Math.log(2 * Math.PI) - n / 2;
  const median = Math.exp(mu);
  const p90 = Math.exp(mu + Z90 * sigma);
  const seMu = sigma / Math.sqrt(n);
  const seSigma = sigma / Math.sqrt(2 * n);
  return withAic({
    family: 'lognormal',
    dist: { dist: 'lognormal', median, p90 },
    logLikelihood: ll,
    parameters: 2,
    estimates: {
      median: { estimate: median, se: median * seMu },
      p90: { estimate: p90, se: p90 * Math.sqrt(seMu ** 2 + (Z90 * seSigma) ** 2) },
    },
  });
}

/**
 * Gamma by maximum likelihood: with s = ln(mean) − mean(ln x), the shape k solves
 * ln k − ψ(k) = s (Minka's starting value, then Newton's method); the scale is mean / k.
 * Written in the scenario grammar as its mean kθ and standard deviation √k θ, with standard
 * errors from the inverse Fisher information carried over by the delta method.
 */
export function fitGamma(xs: readonly number[]): FamilyFit {
  const n = xs.length;
  let m = 0;
  let meanLog = 0;
  for (const x of xs) {
    m += x;
    meanLog += Math.log(x);
  }
  m /= n;
  meanLog /= n;
  const s = Math.log(m) - meanLog;
  if (!(s > 1e-12)) throw new RangeError('every value is the same: there is no spread to fit');
  let k = (3 - s + Math.sqrt((s - 3) ** 2 + 24 * s)) / (12 * s);
  for (let i = 0; i < 50; i++) {
    const step = (Math.log(k) - digamma(k) - s) / (1 / k - trigamma(k));
    const next = Math.max(k - step, k / 10);
    if (Math.abs(next - k) < 1e-12 * k) {
      k = next;
      break;
    }
    k = next;
  }
  const theta = m / k;
  const ll = n * ((k - 1) * meanLog - m / theta - k * Math.log(theta) - logGamma(k));
  // Inverse Fisher information for (k, θ): n [[ψ′(k), 1/θ], [1/θ, k/θ²]].
  const det = (n * (trigamma(k) * k - 1)) / (theta * theta);
  const varK = (n * k) / (theta * theta) / (n * det);
  const varTheta = (n * trigamma(k)) / (n * det);
  const cov = -(n / theta) / (n * det);
  // mean = kθ; sd = √k θ.
  const sd = Math.sqrt(k) * theta;
  const varMean = theta * theta * varK + k * k * varTheta + 2 * k * theta * cov;
  const dSdK = theta / (2 * Math.sqrt(k));
  const dSdT = Math.sqrt(k);
  const varSd = dSdK * dSdK * varK + dSdT * dSdT * varTheta + 2 * dSdK * dSdT * cov;
  return withAic({
    family: 'gamma',
    dist: { dist: 'gamma', mean: m, sd },
    logLikelihood: ll,
    parameters: 2,
    estimates: {
      mean: { estimate: m, se: Math.sqrt(Math.max(0, varMean)) },
      sd: { estimate: sd, se: Math.sqrt(Math.max(0, varSd)) },
    },
  });
}
