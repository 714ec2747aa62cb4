import type { Distribution } from '../scenario/distribution.ts';

/** A parameter's maximum-likelihood estimate and its standard error (from the information). */
export interface Estimate {
  estimate: number;
  se: number;
}

/** One family fitted to a history by maximum likelihood. */
export interface FamilyFit {
  family: 'poisson' | 'negbin' | 'lognormal' | 'gamma';
  /** The fitted distribution, in scenario grammar. */
  dist: Distribution;
  logLikelihood: number;
  /** Free parameters, for the AIC. */
  parameters: number;
  /** Akaike's information criterion, 2k − 2 ln L: the smaller, the better. */
  aic: number;
  /** The family's own parameters with their standard errors, named as in `dist`. */
  estimates: Record<string, Estimate>;
}

export function withAic(fit: Omit<FamilyFit, 'aic'>): FamilyFit {
  return { ...fit, aic: 2 * fit.parameters - 2 * fit.logLikelihood };
}

/** Largest of f over [lo, hi] for a unimodal f, by golden-section search. */
export function maximise(f: (x: number) => number, lo: number, hi: number, steps = 200): number {
  const g = (Math.sqrt(5) - 1) / 2;
  let a = lo;
  let b = hi;
  let c = b - g * (b - a);
  let d = a + g * (b - a);
  let fc = f(c);
  let fd = f(d);
  for (let i = 0; i < steps && b - a > 1e-12 * (1 + Math.abs(a)); i++) {
    if (fc >= fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - g * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + g * (b - a);
      fd = f(d);
    }
  }
  return (a + b) / 2;
}
