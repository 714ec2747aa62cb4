import { describe, expect, it } from 'vitest';
import {
  describeDistribution,
  KIND_PARAMETERS,
  previewDistribution,
  switchKind,
} from '../../src/results/distributionPreview.ts';
import { DISTRIBUTION_KINDS } from '../../src/scenario/distribution.ts';
import { expectedMean } from '../../src/scenario/distributionMoments.ts';

describe('previewDistribution', () => {
  it('matches a lognormal’s median and 90th percentile within sampling error of 2,000 draws', () => {
    const p = previewDistribution({ dist: 'lognormal', median: 18, p90: 60 });
    const total = p.bins.reduce((n, b) => n + b.count, 0);
    // The largest 1% of draws are left out of the picture only.
    expect(total).toBeGreaterThanOrEqual(1980);
    expect(total).toBeLessThan(2000);
    // The mean of a lognormal with these parameters is about 30.6; its sd is about 49, so the
    // standard error of a 2,000-draw mean is about 1.1: four of them is a safe tolerance.
    expect(p.mean).toBeGreaterThan(expectedMean({ dist: 'lognormal', median: 18, p90: 60 }) - 4.4);
    expect(p.mean).toBeLessThan(expectedMean({ dist: 'lognormal', median: 18, p90: 60 }) + 4.4);
    expect(p.p05).toBeLessThan(18);
    expect(p.p95).toBeGreaterThan(60);
  });

  it('is the same picture every time (fixed seed)', () => {
    const d = { dist: 'negbin', mean: 90, dispersion: 20 } as const;
    expect(previewDistribution(d, { counts: true })).toEqual(
      previewDistribution(d, { counts: true }),
    );
  });

  it('draws whole numbers for counts', () => {
    const p = previewDistribution(
      { dist: 'triangular', min: 0, mode: 2.5, max: 7 },
      { counts: true, draws: 200 },
    );
    expect(Number.isInteger(p.p05) && Number.isInteger(p.p95)).toBe(true);
  });
});

describe('switchKind', () => {
  it('keeps about the same mean when the kind changes, for every kind', () => {
    const from = { dist: 'negbin', mean: 40, dispersion: 10 } as const;
    for (const kind of DISTRIBUTION_KINDS) {
      const to = switchKind(from, kind);
      expect(expectedMean(to) / 40).toBeGreaterThan(0.7);
      expect(expectedMean(to) / 40).toBeLessThan(1.3);
    }
  });

  it('names the parameters of every kind', () => {
    for (const kind of DISTRIBUTION_KINDS) expect(KIND_PARAMETERS[kind].length).toBeGreaterThan(0);
  });
});

describe('describeDistribution', () => {
  it('says a lognormal in plain terms', () => {
    expect(describeDistribution({ dist: 'lognormal', median: 18, p90: 60 }, 'hours')).toBe(
      'typical 18 hours, 1 in 10 over 60',
    );
  });
});
