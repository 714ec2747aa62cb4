import { describe, expect, it, vi } from 'vitest';
import { amountSampler, countSampler } from '../../src/engine/random/sampler.ts';
import { streamRng } from '../../src/engine/random/rng.ts';
import { fitNegbin, fitPoisson, negbinLogLikelihood } from '../../src/fit/countFits.ts';
import { fitHistory } from '../../src/fit/fitHistory.ts';
import { fitGamma, fitLognormal } from '../../src/fit/positiveFits.ts';
import { distributionSchema, type Distribution } from '../../src/scenario/distribution.ts';

// Thousands of replications or fits: seconds of work on a busy machine, not a hang.
vi.setConfig({ testTimeout: 60_000 });

/** Standard errors an estimate may lie from the truth: a fixed seed, so this never flickers. */
const K = 4;
const N = 4_000;

function sample(d: Distribution, n = N, counts = false, seed = JSON.stringify(d)): number[] {
  const draw = (counts ? countSampler : amountSampler)(d);
  const rng = streamRng(`fit-${seed}`);
  return Array.from({ length: n }, () => draw(rng, 1));
}

function within(est: { estimate: number; se: number }, truth: number) {
  expect(est.se).toBeGreaterThan(0);
  expect(Math.abs(est.estimate - truth)).toBeLessThanOrEqual(K * est.se);
}

describe('fitting counts', () => {
  it('recovers a Poisson mean within its standard error, and AIC prefers the Poisson', () => {
    const xs = sample({ dist: 'poisson', mean: 37 }, N, true);
    const fit = fitPoisson(xs);
    within(fit.estimates.mean!, 37);
    expect(fit.estimates.mean!.se).toBeCloseTo(Math.sqrt(fit.estimates.mean!.estimate / N), 12);
    expect(fitHistory(xs, 'counts').family).toBe('poisson');
  });

  it('recovers a negative binomial mean and dispersion, and AIC prefers it', () => {
    const xs = sample({ dist: 'negbin', mean: 20, dispersion: 3 }, N, true);
    const fit = fitNegbin(xs);
    within(fit.estimates.mean!, 20);
    within(fit.estimates.dispersion!, 3);
    const chosen = fitHistory(xs, 'counts');
    expect(chosen.family).toBe('negbin');
    expect(chosen.aic.negbin).toBeLessThan(chosen.aic.poisson!);
  });

  it("the negative binomial dispersion is at the likelihood's maximum", () => {
    const xs = sample({ dist: 'negbin', mean: 8, dispersion: 1.5 }, 500, true);
    const fit = fitNegbin(xs);
    const m = fit.estimates.mean!.estimate;
    const k = fit.estimates.dispersion!.estimate;
    expect(negbinLogLikelihood(xs, m, k)).toBe(fit.logLikelihood);
    for (const other of [k * 1.05, k / 1.05]) {
      expect(negbinLogLikelihood(xs, m, other)).toBeLessThan(fit.logLikelihood);
    }
  });
});

describe('fitting positive values', () => {
  it('recovers a lognormal median and 90th percentile, and AIC prefers it', () => {
    const xs = sample({ dist: 'lognormal', median: 30, p90: 100 });
    const fit = fitLognormal(xs);
    within(fit.estimates.median!, 30);
    within(fit.estimates.p90!, 100);
    expect(fitHistory(xs, 'positive').family).toBe('lognormal');
  });

  it('recovers a gamma mean and standard deviation, and AIC prefers it', () => {
    const xs = sample({ dist: 'gamma', mean: 50, sd: 30 });
    const fit = fitGamma(xs);
    within(fit.estimates.mean!, 50);
    within(fit.estimates.sd!, 30);
    expect(fitHistory(xs, 'positive').family).toBe('gamma');
  });

  it('refuses a history with no spread, saying what to use instead', () => {
    expect(() => fitHistory([5, 5, 5, 5, 5, 5], 'positive')).toThrow('use the fixed value 5');
  });
});

describe('what a fit gives', () => {
  it('every candidate is valid scenario grammar, and the chosen one has the smallest AIC', () => {
    for (const [xs, kind] of [
      [sample({ dist: 'negbin', mean: 5, dispersion: 2 }, 60, true), 'counts'],
      [sample({ dist: 'poisson', mean: 0.4 }, 36, true), 'counts'],
      [sample({ dist: 'gamma', mean: 3, sd: 4 }, 36), 'positive'],
      [sample({ dist: 'lognormal', median: 20_000, p90: 400_000 }, 48), 'positive'],
    ] as const) {
      const fit = fitHistory(xs, kind);
      for (const c of fit.candidates) {
        expect(distributionSchema.safeParse(c.dist).success).toBe(true);
        expect(c.aic).toBeGreaterThanOrEqual(Math.min(...Object.values(fit.aic)));
      }
      expect(Math.min(...Object.values(fit.aic))).toBe(fit.aic[fit.family]);
      expect(fit.n).toBe(xs.length);
    }
  });

  it('a count history that varies less than a Poisson is called Poisson', () => {
    const fit = fitHistory([10, 10, 11, 9, 10, 10, 11, 9, 10, 10, 10, 10], 'counts');
    expect(fit.family).toBe('poisson');
    expect(fit.dist).toEqual({ dist: 'poisson', mean: 10 });
  });
});
