import { describe, expect, it } from 'vitest';
import { betaCdf } from '../../src/fit/betaCdf.ts';
import {
  elicit,
  elicitationNote,
  fitLognormalToQuantiles,
  fitPert,
  lognormalCdf,
  pertCdf,
} from '../../src/fit/elicit.ts';
import { normalQuantile } from '../../src/fit/special.ts';
import { distributionSchema } from '../../src/scenario/distribution.ts';

/** The q with F(q) = p, by bisection, for checking fits against known distributions. */
function quantileOf(F: (x: number) => number, p: number, lo: number, hi: number): number {
  for (let i = 0; i < 200; i++) {
    const m = (lo + hi) / 2;
    if (F(m) < p) lo = m;
    else hi = m;
  }
  return (lo + hi) / 2;
}

describe('the Beta distribution function', () => {
  it('matches closed forms', () => {
    expect(betaCdf(0.3, 1, 1)).toBeCloseTo(0.3, 10);
    expect(betaCdf(0.3, 2, 1)).toBeCloseTo(0.09, 10);
    expect(betaCdf(0.3, 1, 3)).toBeCloseTo(1 - 0.7 ** 3, 10);
    expect(betaCdf(0.5, 4.2, 4.2)).toBeCloseTo(0.5, 10);
    expect(betaCdf(0.2, 3, 5) + betaCdf(0.8, 5, 3)).toBeCloseTo(1, 10);
  });
});

describe('fitting one expert', () => {
  it('recovers a PERT from its own quantiles', () => {
    const truth = { dist: 'pert' as const, min: 10, mode: 25, max: 60 };
    const points = [0.05, 0.5, 0.95].map((p) => ({
      p,
      q: quantileOf((x) => pertCdf(truth, x), p, 10, 60),
    }));
    const fit = fitPert(points);
    for (const { p, q } of points) expect(pertCdf(fit, q)).toBeCloseTo(p, 4);
  });

  it('recovers a lognormal exactly from its quantiles', () => {
    const mu = Math.log(30);
    const sigma = 0.8;
    const points = [0.05, 0.5, 0.95].map((p) => ({
      p,
      q: Math.exp(mu + sigma * normalQuantile(p)),
    }));
    const fit = fitLognormalToQuantiles(points);
    expect(fit.median).toBeCloseTo(30, 6);
    expect(fit.p90).toBeCloseTo(Math.exp(mu + 1.2815515655446004 * sigma), 5);
  });
});

describe('pooling experts', () => {
  const a = { name: 'A', judgement: { kind: 'range' as const, low: 20, likely: 30, high: 50 } };
  const b = { name: 'B', judgement: { kind: 'range' as const, low: 40, likely: 60, high: 90 } };

  it('one expert’s range gives back their PERT', () => {
    const r = elicit([a], 'pert');
    expect(distributionSchema.safeParse(r.dist).success).toBe(true);
    expect(r.worstGap).toBeLessThan(0.01);
    const d = r.dist as { min: number; mode: number; max: number };
    expect(d.min).toBeGreaterThan(15);
    expect(d.max).toBeLessThan(55);
  });

  it('two experts’ pool lies between them, and weights move it', () => {
    const equal = elicit([a, b], 'pert');
    const median = equal.pooled.find((x) => x.p === 0.5)!.q;
    expect(median).toBeGreaterThan(
      quantileOf((x) => pertCdf({ dist: 'pert', min: 20, mode: 30, max: 50 }, x), 0.5, 20, 50),
    );
    expect(median).toBeLessThan(
      quantileOf((x) => pertCdf({ dist: 'pert', min: 40, mode: 60, max: 90 }, x), 0.5, 40, 90),
    );
    const leaningB = elicit(
      [
        { ...a, weight: 1 },
        { ...b, weight: 3 },
      ],
      'pert',
    );
    expect(leaningB.pooled.find((x) => x.p === 0.5)!.q).toBeGreaterThan(median);
    // Identical experts pool to one.
    expect(elicit([a, { ...a, name: 'A again' }], 'pert').pooled).toEqual(
      elicit([a], 'pert').pooled,
    );
  });

  it('fits a lognormal to a pool of quantile judgements', () => {
    const r = elicit(
      [
        { name: 'A', judgement: { kind: 'quantiles', p05: 10, p50: 30, p95: 100 } },
        { name: 'B', judgement: { kind: 'quantiles', p05: 15, p50: 40, p95: 150 } },
      ],
      'lognormal',
    );
    expect(r.dist).toMatchObject({ dist: 'lognormal' });
    expect(distributionSchema.safeParse(r.dist).success).toBe(true);
    expect(r.worstGap).toBeLessThan(0.03);
    for (const x of r.pooled) expect(lognormalCdf(r.dist as never, x.q)).toBeCloseTo(x.fitted, 12);
  });

  it('names the expert and what to fix', () => {
    expect(() =>
      elicit(
        [{ name: 'Sam', judgement: { kind: 'range', low: 50, likely: 30, high: 60 } }],
        'pert',
      ),
    ).toThrow('Sam: the low must be at most the most likely, and that at most the high.');
    expect(() =>
      elicit(
        [{ name: 'Jo', judgement: { kind: 'quantiles', p05: 0, p50: 3, p95: 9 } }],
        'lognormal',
      ),
    ).toThrow('Jo: a lognormal needs values above 0.');
    expect(() => elicit([], 'pert')).toThrow('add at least one expert');
  });

  it('writes who, when, weights and why for the register', () => {
    const r = elicit([a, { ...b, weight: 3 }], 'pert');
    expect(
      elicitationNote([a, { ...b, weight: 3 }], '2026-12-07', 'Workshop with the ECU leads.', r),
    ).toBe(
      'Elicited on 2026-12-07 from A (weight 25%), B (weight 75%); linear pool fitted as a PERT distribution. Why: Workshop with the ECU leads.',
    );
  });
});
