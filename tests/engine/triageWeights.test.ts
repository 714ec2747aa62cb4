import { describe, expect, it } from 'vitest';
import { runChunk } from '../../src/engine/chunk.ts';
import { compileModel } from '../../src/engine/model.ts';
import { oneUnit, suspects } from './fixtures.ts';

/**
 * Half the suspects hold assets worth 999 (log10(1 + A) = 3) and half hold none (0), in equal
 * numbers, so the triage scale is exact: m = 1.5, s = 1.5, and z is +1 for a holder and −1 for
 * anyone else. Five people work 500 one-hour suspects a month out of 1,000, window 0.
 */
function scenario(triageAccuracy: number) {
  return oneUnit({
    people: 5,
    hoursPerMonth: 100,
    triage: 'value',
    triageAccuracy,
    demand: [
      suspects('holders', { casesPerMonth: 500, assetProbability: 1, assetValue: 999 }),
      suspects('others', { casesPerMonth: 500, assetProbability: 0, assetValue: 999 }),
    ],
  });
}

/** Standard normal distribution function (Abramowitz and Stegun 7.1.26, error below 2e-7). */
function normalCdf(x: number): number {
  const t = 1 / (1 + (0.3275911 * Math.abs(x)) / Math.SQRT2);
  const poly =
    t *
    (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp((-x * x) / 2);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** Asset holders examined and suspects examined over `replications` replications of 12 months. */
function examined(triageAccuracy: number, replications: number) {
  const model = compileModel(scenario(triageAccuracy));
  const names = model.layout.totalNames;
  const width = names.length;
  const chunk = runChunk(model, 'triage', 0, replications);
  let holders = 0;
  let all = 0;
  for (let r = 0; r < replications; r++) {
    holders += chunk.totals[r * width + names.indexOf('suspectsWithAssetsExamined')]!;
    all += chunk.totals[r * width + names.indexOf('suspectsExamined')]!;
  }
  return { holders, all };
}

describe('the triage score ρ · z + √(1 − ρ²) · ε', () => {
  it.each([0, 0.3, 0.6, 0.9, 1])('weights z by ρ and ε by √(1 − ρ²) for ρ = %f', (rho) => {
    const model = compileModel(scenario(rho));
    // The score's parts for a holder (log value 3) and for anyone else (log value 0).
    expect(model.valueWeight * 3 + model.valueShift).toBeCloseTo(rho, 12);
    expect(model.valueWeight * 0 + model.valueShift).toBeCloseTo(-rho, 12);
    expect(model.noiseWeight).toBeCloseTo(Math.sqrt(1 - rho * rho), 12);
  });

  it('examines every asset holder first when ρ = 1', () => {
    expect(examined(1, 2)).toEqual({ holders: 2 * 12 * 500, all: 2 * 12 * 500 });
  });

  // The better half of the scores is those above 0, the median of the two groups together by
  // symmetry, and a holder's score, N(ρ, 1 − ρ²), is above 0 with probability Φ(ρ / √(1 − ρ²)).
  it.each([0, 0.3, 0.6, 0.9])(
    'examines holders in the share Φ(ρ / √(1 − ρ²)) when ρ = %f',
    (rho) => {
      const replications = 4;
      const { holders, all } = examined(rho, replications);
      expect(all).toBe(replications * 12 * 500);
      const share = normalCdf(rho / Math.sqrt(1 - rho * rho));
      // Each month's count of holders examined varies at most as a binomial of 500 trials would.
      const se = Math.sqrt((share * (1 - share)) / all);
      expect(Math.abs(holders / all - share)).toBeLessThan(4 * se);
    },
  );
});
