import { describe, expect, it } from 'vitest';
import { spearman } from '../../src/decision/spearman.ts';
import { drawDemand, MonthDemand } from '../../src/engine/demand.ts';
import { copulaR, fromNormal } from '../../src/engine/hoursValue.ts';
import { normalQuantile } from '../../src/engine/random/normalQuantile.ts';
import { compileModel } from '../../src/engine/model.ts';
import { streamRng } from '../../src/engine/random/rng.ts';
import { StreamState } from '../../src/engine/streamState.ts';
import { Items, WorkQueue } from '../../src/engine/workQueue.ts';
import type { Distribution } from '../../src/scenario/distribution.ts';
import { expectedMean } from '../../src/scenario/distributionMoments.ts';
import { normalCdf } from '../../src/scenario/distributionMoments.ts';
import { validateScenario } from '../../src/scenario/parse.ts';
import { oneUnit, suspects } from './fixtures.ts';
import { perReplication } from './oneReplication.ts';

/** Pairs drawn for the measured correlation. */
const N = 20_000;

/** N suspects' (hours, value) drawn by the engine for a stream with the given fields. */
function pairs(hoursPerItem: Distribution, assetValue: Distribution, correlation?: number) {
  const scenario = oneUnit({
    people: 1,
    hoursPerMonth: 100,
    demand: [
      suspects('s', {
        casesPerMonth: N,
        hoursPerItem,
        assetProbability: 1,
        assetValue,
        hoursValueCorrelation: correlation,
      }),
    ],
  });
  const model = compileModel(scenario);
  const stream = model.streams[0]!;
  const state = new StreamState(stream);
  if (state.hoursValue) state.hoursValue.rng = streamRng('copula');
  const items = new Items();
  drawDemand(
    model,
    stream,
    streamRng('demand'),
    0,
    new WorkQueue(),
    items,
    new MonthDemand(),
    state,
  );
  return {
    hours: Array.from(items.remaining.subarray(0, N)),
    values: Array.from(items.value.subarray(0, N)),
    noise: Array.from(items.noise.subarray(0, N)),
  };
}

/**
 * Standard errors a measured Spearman correlation may lie from its target: the Fieller–
 * Hartley–Pearson standard error √(1.06/(n − 3)) of its Fisher transform, carried back.
 */
function spearmanTolerance(rho: number, n: number): number {
  return 4 * (1 - rho * rho) * Math.sqrt(1.06 / (n - 3));
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: number[]) => {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1));
};

describe('hours and asset value drawn together (hoursValueCorrelation)', () => {
  const hours: Distribution = { dist: 'lognormal', median: 20, p90: 60 };
  const value: Distribution = { dist: 'lognormal', median: 8000, p90: 80_000 };

  it.each([0.6, -0.3, 0.95])('gives a Spearman correlation of %s within its tolerance', (rho) => {
    const drawn = pairs(hours, value, rho);
    expect(Math.abs(spearman(drawn.hours, drawn.values) - rho)).toBeLessThan(
      spearmanTolerance(rho, N),
    );
  });

  it('keeps each distribution: means within 4 standard errors of the closed form', () => {
    const drawn = pairs(hours, value, 0.8);
    for (const [xs, d] of [
      [drawn.hours, hours],
      [drawn.values, value],
    ] as const) {
      expect(Math.abs(mean(xs) - expectedMean(d))).toBeLessThan((4 * sd(xs)) / Math.sqrt(N));
    }
  });

  it('draws uniform, triangular and normal quantities with their ranks and their means', () => {
    const cases: [Distribution, Distribution][] = [
      [
        { dist: 'uniform', min: 2, max: 10 },
        { dist: 'triangular', min: 0, mode: 1000, max: 9000 },
      ],
      [
        { dist: 'normal', mean: 5, sd: 4 },
        { dist: 'lognormal', median: 100, p90: 400 },
      ],
    ];
    for (const [h, v] of cases) {
      const drawn = pairs(h, v, 0.5);
      expect(Math.abs(spearman(drawn.hours, drawn.values) - 0.5)).toBeLessThan(
        spearmanTolerance(0.5, N),
      );
      expect(Math.abs(mean(drawn.hours) - expectedMean(h))).toBeLessThan(
        (4 * sd(drawn.hours)) / Math.sqrt(N),
      );
      expect(Math.abs(mean(drawn.values) - expectedMean(v))).toBeLessThan(
        (4 * sd(drawn.values)) / Math.sqrt(N),
      );
      expect(Math.min(...drawn.hours)).toBeGreaterThanOrEqual(0);
    }
  });

  it('leaves every other draw where it was: the same noise, cases and asset holders', () => {
    const correlated = pairs(hours, value, 0.7);
    const independent = pairs(hours, value);
    expect(correlated.noise).toEqual(independent.noise);
    const scenario = (c?: number) =>
      oneUnit({
        people: 1,
        hoursPerMonth: 50,
        triage: 'value',
        demand: [
          suspects('s', {
            casesPerMonth: { dist: 'poisson', mean: 8 },
            hoursPerItem: hours,
            assetProbability: 0.4,
            assetValue: value,
            hoursValueCorrelation: c,
          }),
        ],
      });
    for (const name of ['suspectsArrived', 'suspectsWithAssets']) {
      expect(perReplication(scenario(0.7), name, 10)).toEqual(perReplication(scenario(), name, 10));
    }
    // And a correlation of 0 is no correlation at all: the same results, bit for bit.
    for (const name of ['suspectsExamined', 'recovered', 'demandHours']) {
      expect(perReplication(scenario(0), name, 10)).toEqual(perReplication(scenario(), name, 10));
    }
  });

  it('converts a rank correlation to the copula’s r and back', () => {
    for (const rho of [-1, -0.5, 0, 0.3, 1]) {
      expect((6 / Math.PI) * Math.asin(copulaR(rho) / 2)).toBeCloseTo(rho, 12);
    }
    expect(copulaR(1)).toBeCloseTo(1, 15);
  });

  it('inverts Φ to within the accuracy of Φ itself', () => {
    for (const p of [1e-9, 1e-4, 0.01, 0.02425, 0.3, 0.5, 0.9, 0.999, 1 - 1e-7]) {
      expect(Math.abs(normalCdf(normalQuantile(p)) - p)).toBeLessThan(2e-7);
    }
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(fromNormal({ dist: 'normal', mean: 10, sd: 0 })(3)).toBe(10);
  });

  it('is refused on products and for distributions without a closed-form quantile', () => {
    const file = (stream: Record<string, unknown>) => ({
      format: 'shortfall-scenario',
      schemaVersion: 1,
      name: 'Refused',
      roles: [{ id: 'fi', name: 'FI' }],
      units: [
        {
          id: 'u',
          name: 'U',
          staff: [{ role: 'fi', establishment: 1, inPost: 1 }],
          demand: [{ ...suspects('s'), hoursValueCorrelation: 0.5, ...stream }],
        },
      ],
    });
    const pert = validateScenario(
      file({ hoursPerItem: { dist: 'pert', min: 1, mode: 2, max: 5 } }),
    );
    expect(pert.ok).toBe(false);
    if (!pert.ok) {
      expect(pert.problems[0]!.path).toBe('units[0].demand[0].hoursValueCorrelation');
      expect(pert.problems[0]!.message).toMatch(/not pert/);
    }
    const products = validateScenario(file({ kind: 'products' }));
    expect(products.ok).toBe(false);
  });
});
