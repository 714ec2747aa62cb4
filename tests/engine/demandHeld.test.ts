import { describe, expect, it } from 'vitest';
import { drawDemand, MonthDemand } from '../../src/engine/demand.ts';
import { compileModel } from '../../src/engine/model.ts';
import { StreamSet } from '../../src/engine/random/rng.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { StreamState } from '../../src/engine/streamState.ts';
import { Items, WorkQueue } from '../../src/engine/workQueue.ts';
import { buildScenario, ONE_STAGE_FUNNEL, role, suspects } from './fixtures.ts';

type Stream = Parameters<typeof suspects>[1];

/** One unit facing one stream of suspects (or products) with the given fields. */
function scenarioWith(stream: Stream, kind: 'suspects' | 'products' = 'suspects'): Scenario {
  return buildScenario({
    horizonMonths: 6,
    replications: 1,
    roles: [role(100)],
    units: [
      {
        id: 'u',
        name: 'Unit',
        staff: [{ role: 'fi', establishment: 10, inPost: 10, attritionPerYear: 0 }],
        demand: [{ ...suspects('d', stream), kind }],
      },
    ],
    policy: { triage: 'value', triageAccuracy: 0.6 },
    finance: ONE_STAGE_FUNNEL,
  });
}

/**
 * Draws months 0 … 5 of a scenario's stream twice, through drawDemand with the stream's
 * StreamSet as `source` (the loop that holds the generator's state itself) and with its draw
 * function alone (the loop through the samplers), and returns both.
 */
function drawBothWays(scenario: Scenario) {
  const model = compileModel(scenario);
  const stream = model.streams[0]!;
  const run = (held: boolean) => {
    const set = new StreamSet(1);
    set.seed(0, 'demand');
    const state = new StreamState(stream);
    const suppress = new StreamSet(1);
    suppress.seed(0, 'suppress');
    const copula = new StreamSet(1);
    copula.seed(0, 'copula');
    if (stream.suppression) state.suppressRng = suppress.draw;
    if (state.hoursValue) state.hoursValue.rng = copula.draw;
    const items = new Items();
    const queue = new WorkQueue();
    const out = new MonthDemand();
    const months: MonthDemand[] = [];
    for (let t = 0; t < 6; t++) {
      out.clear();
      // Every other month behind, for a stream with suppression.
      state.suppressShare = t % 2 === 0 ? 0 : 0.5;
      drawDemand(model, stream, set.draw, t, queue, items, out, state, held ? set : undefined);
      months.push({ ...out } as MonthDemand);
    }
    const n = items.count;
    return {
      months,
      count: n,
      remaining: Array.from(items.remaining.subarray(0, n)),
      value: Array.from(items.value.subarray(0, n)),
      noise: Array.from(items.noise.subarray(0, n)),
      lastMonthAndKind: Array.from(items.lastMonthAndKind.subarray(0, n)),
      finished: Array.from(items.finished.subarray(0, n)),
      // Where each generator was left: its next uniforms.
      next: [set.draw(), set.draw(), suppress.draw(), copula.draw()],
    };
  };
  return { held: run(true), drawn: run(false) };
}

const cases: [string, Stream, ('suspects' | 'products')?][] = [
  [
    'Poisson items, lognormal hours and values',
    {
      casesPerMonth: { dist: 'negbin', mean: 40, dispersion: 5 },
      itemsPerCase: { dist: 'poisson', mean: 3, shift: 1 },
      hoursPerItem: { dist: 'lognormal', median: 30, p90: 100 },
      assetProbability: 0.4,
      assetValue: { dist: 'lognormal', median: 5000, p90: 50000 },
      windowMonths: 2,
    },
  ],
  [
    'fixed items, hours and values',
    { casesPerMonth: 12, itemsPerCase: 3, hoursPerItem: 7, assetProbability: 0.5, assetValue: 900 },
  ],
  [
    'kinds drawn by their samplers: negbin items, gamma hours, triangular values',
    {
      casesPerMonth: { dist: 'poisson', mean: 20 },
      itemsPerCase: { dist: 'negbin', mean: 2, dispersion: 3 },
      hoursPerItem: { dist: 'gamma', mean: 20, sd: 12 },
      assetProbability: 0.7,
      assetValue: { dist: 'triangular', min: 0, mode: 100, max: 9000 },
    },
  ],
  [
    'items per case with a mean of 10 or more, and uniform hours',
    {
      casesPerMonth: 4,
      itemsPerCase: { dist: 'poisson', mean: 12 },
      hoursPerItem: { dist: 'uniform', min: 1, max: 9 },
      assetProbability: 0.3,
      assetValue: { dist: 'lognormal', median: 100, p90: 1000 },
    },
  ],
  [
    'hours and values drawn together',
    {
      casesPerMonth: 30,
      itemsPerCase: { dist: 'poisson', mean: 2 },
      hoursPerItem: { dist: 'lognormal', median: 30, p90: 100 },
      assetProbability: 0.5,
      assetValue: { dist: 'lognormal', median: 5000, p90: 50000 },
      hoursValueCorrelation: 0.6,
    },
  ],
  [
    'suppressed cases and a case limit',
    {
      casesPerMonth: 30,
      itemsPerCase: { dist: 'poisson', mean: 3, shift: 1 },
      hoursPerItem: { dist: 'lognormal', median: 30, p90: 100 },
      assetProbability: 0.5,
      assetValue: { dist: 'lognormal', median: 5000, p90: 50000 },
      suppression: { backlogMonths: 1, share: 0.5 },
      maxExaminedPerCase: 2,
    },
  ],
  [
    'products',
    { casesPerMonth: 25, itemsPerCase: 2, hoursPerItem: { dist: 'lognormal', median: 8, p90: 20 } },
    'products',
  ],
];

describe('drawDemand holding the generator state itself', () => {
  for (const [name, stream, kind] of cases) {
    it(`draws what the samplers draw: ${name}`, () => {
      const { held, drawn } = drawBothWays(scenarioWith(stream, kind));
      expect(held.count).toBeGreaterThan(0);
      expect(held).toEqual(drawn);
    });
  }
});
