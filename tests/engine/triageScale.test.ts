import { describe, expect, it } from 'vitest';
import { TRIAGE_SCALE_DRAWS, triageScale } from '../../src/engine/triageScale.ts';
import { oneUnit, suspects } from './fixtures.ts';

/** Composite Simpson's rule of f over [a, b] with `panels` (even) panels. */
function simpson(f: (x: number) => number, a: number, b: number, panels = 20_000): number {
  const h = (b - a) / panels;
  let sum = f(a) + f(b);
  for (let i = 1; i < panels; i++) sum += (i % 2 === 1 ? 4 : 2) * f(a + i * h);
  return (sum * h) / 3;
}

/**
 * E[L^k] for k = 1 … 4 of L = log10(1 + A), A the assets of one suspect (0 without assets),
 * integrated in the variable w = ln(1 + value) where every integrand here is smooth.
 */
type Moments = [number, number, number, number];

/** Lognormal values: w = ln(1 + e^(μ + σz)) against the standard normal density in z. */
function lognormalMoments(p: number, median: number, p90: number): Moments {
  const mu = Math.log(median);
  const sigma = (Math.log(p90) - mu) / 1.2815515655446004;
  const moment = (k: number) =>
    p *
    simpson(
      (z) =>
        (Math.log1p(Math.exp(mu + sigma * z)) / Math.LN10) ** k *
        (Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI)),
      -12,
      12,
    );
  return [moment(1), moment(2), moment(3), moment(4)];
}

/** Uniform values on [a, b]: density e^w / (b − a) in w. */
function uniformMoments(p: number, a: number, b: number): Moments {
  const moment = (k: number) =>
    p *
    simpson((w) => ((w / Math.LN10) ** k * Math.exp(w)) / (b - a), Math.log1p(a), Math.log1p(b));
  return [moment(1), moment(2), moment(3), moment(4)];
}

/**
 * The reference scale of streams mixed with weights `weights`, and the standard errors of its
 * estimate from `draws` draws per stream (the sd's by the delta method).
 */
function reference(streams: { weight: number; moments: Moments }[], draws: number) {
  const total = streams.reduce((s, x) => s + x.weight, 0);
  const mean = streams.reduce((s, x) => s + (x.weight / total) * x.moments[0], 0);
  const second = streams.reduce((s, x) => s + (x.weight / total) * x.moments[1], 0);
  const sd = Math.sqrt(second - mean * mean);
  let meanVariance = 0;
  let sdVariance = 0;
  for (const { weight, moments: e } of streams) {
    const share = weight / total;
    meanVariance += (share * share * (e[1] - e[0] * e[0])) / draws;
    // The sd moves by (ΔE[L²] − 2·mean·ΔE[L]) / (2·sd) for each stream's share.
    const x = e[1] - 2 * mean * e[0];
    const x2 = e[3] - 4 * mean * e[2] + 4 * mean * mean * e[1];
    sdVariance += (share * share * (x2 - x * x)) / draws / (4 * sd * sd);
  }
  return { mean, sd, meanSe: Math.sqrt(meanVariance), sdSe: Math.sqrt(sdVariance) };
}

/** The demand streams, with every default applied, of a scenario with these streams. */
const streams = (...demand: Parameters<typeof oneUnit>[0]['demand']) =>
  oneUnit({ people: 1, hoursPerMonth: 1, demand }).units[0]!.demand;

describe('triageScale', () => {
  it('is within 5 standard errors of 65,536 draws of the integrated scale of lognormal assets', () => {
    const ref = reference(
      [{ weight: 1, moments: lognormalMoments(0.4, 8000, 80_000) }],
      TRIAGE_SCALE_DRAWS,
    );
    const scale = triageScale(
      streams(
        suspects('drugs', {
          assetProbability: 0.4,
          assetValue: { dist: 'lognormal', median: 8000, p90: 80_000 },
        }),
      ),
    );
    // Enough draws that one standard error of the mean is within 0.6% of it here.
    expect(ref.meanSe / ref.mean).toBeLessThan(0.006);
    expect(Math.abs(scale.mean - ref.mean)).toBeLessThan(5 * ref.meanSe);
    expect(Math.abs(scale.sd - ref.sd)).toBeLessThan(5 * ref.sdSe);
  });

  it('weights each suspects stream by its expected cases × items per case, and skips products', () => {
    const ref = reference(
      [
        { weight: 30 * 2, moments: lognormalMoments(0.25, 20_000, 200_000) },
        { weight: 10 * 1, moments: uniformMoments(0.9, 1000, 500_000) },
      ],
      TRIAGE_SCALE_DRAWS,
    );
    const scale = triageScale(
      streams(
        suspects('fraud', {
          casesPerMonth: 30,
          itemsPerCase: 2,
          assetProbability: 0.25,
          assetValue: { dist: 'lognormal', median: 20_000, p90: 200_000 },
        }),
        suspects('money', {
          casesPerMonth: 10,
          assetProbability: 0.9,
          assetValue: { dist: 'uniform', min: 1000, max: 500_000 },
        }),
        { ...suspects('profiles', { casesPerMonth: 500 }), kind: 'products' },
      ),
    );
    expect(Math.abs(scale.mean - ref.mean)).toBeLessThan(5 * ref.meanSe);
    expect(Math.abs(scale.sd - ref.sd)).toBeLessThan(5 * ref.sdSe);
  });

  it('is m = 0, s = 1 with no suspects, and s = 1 when every suspect holds the same', () => {
    expect(triageScale([])).toEqual({ mean: 0, sd: 1 });
    const same = triageScale(streams(suspects('s', { assetProbability: 1, assetValue: 999 })));
    expect(same.mean).toBeCloseTo(3, 12);
    expect(same.sd).toBe(1);
  });
});
