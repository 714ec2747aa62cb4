import { describe, expect, it } from 'vitest';
import { lognormalCdf, pertCdf, type Expert } from '../../src/fit/elicit.ts';
import {
  elicitChosen,
  elicitCurves,
  elicitedQuantile,
  lognormalPdf,
  pertPdf,
  roundedElicited,
  shareOutside,
} from '../../src/fit/elicitPicture.ts';
import { normalQuantile } from '../../src/fit/special.ts';
import { distributionSchema } from '../../src/scenario/distribution.ts';

/** ∫ f over [lo, hi] by Simpson's rule on `n` (even) intervals. */
function integrate(f: (x: number) => number, lo: number, hi: number, n = 4000): number {
  const h = (hi - lo) / n;
  let s = f(lo) + f(hi);
  for (let i = 1; i < n; i++) s += (i % 2 ? 4 : 2) * f(lo + i * h);
  return (s * h) / 3;
}

const pert = { dist: 'pert' as const, min: 10, mode: 25, max: 60 };
const lognormal = { dist: 'lognormal' as const, median: 30, p90: 80 };

describe('densities of elicited distributions', () => {
  it('a PERT’s density integrates to its distribution function', () => {
    expect(integrate((x) => pertPdf(pert, x), 10, 60)).toBeCloseTo(1, 6);
    expect(integrate((x) => pertPdf(pert, x), 10, 30)).toBeCloseTo(pertCdf(pert, 30), 6);
    expect(pertPdf(pert, 9)).toBe(0);
    expect(pertPdf(pert, 61)).toBe(0);
    // Mode at an end: finite at that end.
    const edge = { dist: 'pert' as const, min: 0, mode: 0, max: 4 };
    expect(Number.isFinite(pertPdf(edge, 0))).toBe(true);
    expect(integrate((x) => pertPdf(edge, x), 0, 4)).toBeCloseTo(1, 6);
  });

  it('a lognormal’s density integrates to its distribution function', () => {
    expect(integrate((x) => lognormalPdf(lognormal, x), 1e-9, 50, 20000)).toBeCloseTo(
      lognormalCdf(lognormal, 50),
      5,
    );
    expect(lognormalPdf(lognormal, 0)).toBe(0);
  });

  it('quantiles invert the distribution functions', () => {
    for (const p of [0.01, 0.05, 0.5, 0.9, 0.99]) {
      expect(pertCdf(pert, elicitedQuantile(pert, p))).toBeCloseTo(p, 10);
      expect(lognormalCdf(lognormal, elicitedQuantile(lognormal, p))).toBeCloseTo(p, 6);
    }
    expect(elicitedQuantile(lognormal, 0.5)).toBeCloseTo(30, 10);
    expect(elicitedQuantile(lognormal, 0.9)).toBeCloseTo(80, 6);
  });
});

/** Three quantiles of a lognormal with median m and log-sd s, as an expert might give them. */
const lognormalExpert = (name: string, m: number, s: number): Expert => ({
  name,
  judgement: {
    kind: 'quantiles',
    p05: m * Math.exp(s * normalQuantile(0.05)),
    p50: m,
    p95: m * Math.exp(s * normalQuantile(0.95)),
  },
});

describe('choosing the family', () => {
  it('chooses the lognormal for experts who think in lognormals', () => {
    const chosen = elicitChosen(
      [lognormalExpert('A', 30, 0.9), lognormalExpert('B', 40, 0.8)],
      'best',
    );
    expect(chosen.result.family).toBe('lognormal');
    expect(chosen.tried.map((t) => t.family)).toEqual(['pert', 'lognormal']);
    const gaps = Object.fromEntries(chosen.tried.map((t) => [t.family, t.worstGap!]));
    expect(gaps.lognormal).toBeLessThan(gaps.pert!);
  });

  it('chooses the PERT for experts whose ranges are bounded', () => {
    const chosen = elicitChosen(
      [
        { name: 'A', judgement: { kind: 'range', low: 20, likely: 30, high: 40 } },
        { name: 'B', judgement: { kind: 'range', low: 25, likely: 32, high: 39 } },
      ],
      'best',
    );
    expect(chosen.result.family).toBe('pert');
  });

  it('does not try a lognormal when a value is 0, and says why', () => {
    const chosen = elicitChosen(
      [{ name: 'A', judgement: { kind: 'range', low: 0, likely: 3, high: 9 } }],
      'best',
    );
    expect(chosen.result.family).toBe('pert');
    expect(chosen.tried[1]).toEqual({
      family: 'lognormal',
      problem: 'a lognormal needs values above 0.',
    });
    expect(() =>
      elicitChosen(
        [{ name: 'A', judgement: { kind: 'range', low: 0, likely: 3, high: 9 } }],
        'lognormal',
      ),
    ).toThrow('A: a lognormal needs values above 0.');
  });

  it('refuses a lognormal too wide for the scenario’s grammar', () => {
    const wide = [
      { name: 'A', judgement: { kind: 'quantiles' as const, p05: 0.00001, p50: 1, p95: 100000 } },
    ];
    expect(() => elicitChosen(wide, 'lognormal')).toThrow(/too wide for a lognormal/);
    expect(elicitChosen(wide, 'best').result.family).toBe('pert');
  });
});

describe('the curves drawn', () => {
  const experts: Expert[] = [
    { name: 'A', weight: 1, judgement: { kind: 'range', low: 20, likely: 30, high: 50 } },
    { name: 'B', weight: 3, judgement: { kind: 'range', low: 40, likely: 60, high: 90 } },
  ];
  const { result } = elicitChosen(experts, 'pert');
  const pertA = { dist: 'pert' as const, min: 20, mode: 30, max: 50 };
  const pertB = { dist: 'pert' as const, min: 40, mode: 60, max: 90 };
  const curves = elicitCurves(experts, result);

  it('the pool is the weighted sum of the experts', () => {
    curves.xs.forEach((_, i) =>
      expect(curves.pool[i]).toBeCloseTo(
        0.25 * curves.experts[0]![i]! + 0.75 * curves.experts[1]![i]!,
        12,
      ),
    );
  });

  it('covers each density’s bulk, so each integrates to about 1 over the axis', () => {
    const step = curves.xs[1]! - curves.xs[0]!;
    const area = (ys: number[]) => ys.reduce((s, y) => s + y, 0) * step;
    expect(area(curves.pool)).toBeCloseTo(1, 1);
    expect(area(curves.fitted)).toBeCloseTo(1, 1);
    for (const c of curves.experts) expect(area(c)).toBeCloseTo(1, 1);
    expect(curves.xs[0]).toBeLessThanOrEqual(elicitedQuantile(pertA, 0.005));
    expect(curves.xs.at(-1)).toBeGreaterThanOrEqual(elicitedQuantile(pertB, 0.995));
  });
});

describe('writing the range', () => {
  it('tells the share beyond a field’s limits', () => {
    const symmetric = { dist: 'pert' as const, min: 0.5, mode: 1, max: 1.5 };
    expect(shareOutside(symmetric, 0, 1)).toBeCloseTo(0.5, 10);
    expect(shareOutside(symmetric, 0, Infinity)).toBe(0);
    expect(shareOutside(lognormal, 0, 80)).toBeCloseTo(0.1, 6);
  });

  it('rounds to 4 significant figures and keeps the grammar’s order', () => {
    expect(
      roundedElicited({ dist: 'pert', min: 12.345678, mode: 20.00001, max: 40.98765 }),
    ).toEqual({ dist: 'pert', min: 12.35, mode: 20, max: 40.99 });
    const close = roundedElicited({ dist: 'lognormal', median: 1.00001, p90: 1.00002 });
    expect(close.dist === 'lognormal' && close.p90 > close.median).toBe(true);
    expect(distributionSchema.safeParse(close).success).toBe(true);
  });
});
