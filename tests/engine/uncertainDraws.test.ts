import { describe, expect, it, vi } from 'vitest';
import { runScenario } from '../../src/engine/run.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { buildScenario, ONE_STAGE_FUNNEL, suspects, role } from './fixtures.ts';
import { moments, K } from './random/moments.ts';

// Thousands of replications or fits: seconds of work on a busy machine, not a hang.
vi.setConfig({ testTimeout: 60_000 });

/** One unit of 10 FIs, one stream of suspects; `stream` and `staff` add or override fields. */
function scenario(
  stream: Record<string, unknown>,
  staff: Record<string, unknown> = {},
  horizonMonths = 12,
): Scenario {
  return buildScenario({
    horizonMonths,
    replications: 1,
    roles: [role(100)],
    units: [
      {
        id: 'u',
        name: 'Unit',
        staff: [{ role: 'fi', establishment: 50, inPost: 10, attritionPerYear: 0, ...staff }],
        demand: [
          suspects('d', { casesPerMonth: { dist: 'poisson', mean: 40 }, ...stream }) as never,
        ],
      },
    ],
    policy: { triage: 'fifo' },
    finance: ONE_STAGE_FUNNEL,
  } as never);
}

const uniformMean = { dist: 'poisson', mean: { uncertain: { dist: 'uniform', min: 30, max: 50 } } };

describe('uncertain assumptions in a run', () => {
  it('a fixed "uncertain" value changes no other draw: every result is as the plain number gives', () => {
    const plain = runScenario(scenario({}), { seed: 's', replications: 300 });
    const wrapped = runScenario(
      scenario({ casesPerMonth: { dist: 'poisson', mean: { uncertain: 40 } } }),
      { seed: 's', replications: 300 },
    );
    for (const m of ['suspectsArrived', 'suspectsExamined', 'missedRecovery'] as const) {
      expect(wrapped.values(m)).toEqual(plain.values(m));
    }
    expect([...wrapped.values('uncertain.units[0].demand[0].casesPerMonth.mean')]).toEqual(
      Array(300).fill(40),
    );
  });

  it('a horizon total has the variance the law of total variance gives', () => {
    // Y = Σ of 12 months of Poisson(λ), λ ~ Uniform(30, 50): Var Y = 12·E[λ] + 144·Var λ.
    const n = 6000;
    const run = runScenario(scenario({ casesPerMonth: uniformMean }), {
      seed: 'ltv',
      replications: n,
    });
    const m = moments(run.values('suspectsArrived'));
    const expected = 12 * 40 + 144 * (20 ** 2 / 12);
    expect(Math.abs(m.mean - 480)).toBeLessThanOrEqual(K * Math.sqrt(expected / n));
    expect(Math.abs(m.variance - expected)).toBeLessThanOrEqual(K * m.varianceSe);
  });

  it('reports the share of variance from the assumption and from chance', () => {
    const n = 6000;
    const run = runScenario(scenario({ casesPerMonth: uniformMean }), {
      seed: 'shares',
      replications: n,
    });
    const u = run.summary().uncertainty!.suspectsArrived;
    const share = (144 * (400 / 12)) / (12 * 40 + 144 * (400 / 12));
    // Binned estimator over ⌊√n⌋ bins: its error here is well under 0.03 (see varianceShares tests).
    expect(u.shares['units[0].demand[0].casesPerMonth.mean']).toBeCloseTo(share, 1);
    expect(Math.abs(u.shares['units[0].demand[0].casesPerMonth.mean']! - share)).toBeLessThan(0.03);
    expect(u.chance).toBeCloseTo(1 - u.shares['units[0].demand[0].casesPerMonth.mean']!, 12);
  });

  it('draws are the same for the same seed and replication, whatever else changes', () => {
    const a = runScenario(scenario({ casesPerMonth: uniformMean }), {
      seed: 'crn',
      replications: 200,
    });
    const b = runScenario(
      scenario({ casesPerMonth: uniformMean, hoursPerItem: 3 }, { inPost: 20 }),
      {
        seed: 'crn',
        replications: 400,
      },
    );
    const path = 'uncertain.units[0].demand[0].casesPerMonth.mean';
    expect(b.values(path).subarray(0, 200)).toEqual(a.values(path));
    expect(new Set(a.values(path)).size).toBeGreaterThan(190);
  });

  it('clamps draws to the field’s range and rounds whole-number fields', () => {
    const run = runScenario(
      scenario(
        {},
        {
          attritionPerYear: { uncertain: { dist: 'normal', mean: 0.5, sd: 2 } },
          inPost: { uncertain: { dist: 'uniform', min: 0, max: 80 } },
        },
      ),
      { seed: 'clamp', replications: 500 },
    );
    const attrition = [...run.values('uncertain.units[0].staff[0].attritionPerYear')];
    expect(Math.min(...attrition)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...attrition)).toBe(1);
    expect(attrition.filter((a) => a === 1).length).toBeGreaterThan(100);
    const inPost = [...run.values('uncertain.units[0].staff[0].inPost')];
    expect(inPost.every(Number.isInteger)).toBe(true);
    expect(Math.max(...inPost)).toBeGreaterThan(50);
    // More people than posts are lowered to the posts: nobody leaves, nobody is hired.
    const noLeavers = runScenario(
      scenario(
        {},
        {
          inPost: { uncertain: { dist: 'uniform', min: 0, max: 80 } },
          recruitment: { mode: 'none' },
        },
      ),
      { seed: 'posts', replications: 300 },
    );
    expect(Math.max(...noLeavers.values('inPost.fi'))).toBe(50);
  });
});

describe('uncertain hours per suspect', () => {
  it('each replication works at its own drawn hours', () => {
    // 10 FIs × 100 h = 1,000 h a month for 40 suspects a month: every suspect is examined
    // at 10 h each, almost none at 100 h.
    const run = runScenario(
      scenario({ hoursPerItem: { uncertain: { dist: 'uniform', min: 5, max: 100 } } }),
      { seed: 'hours', replications: 300 },
    );
    const hours = run.values('uncertain.units[0].demand[0].hoursPerItem');
    const examined = run.values('suspectsExamined');
    const arrived = run.values('suspectsArrived');
    let fast = 0;
    let slow = 0;
    for (let i = 0; i < 300; i++) {
      // No window: a month examines at most ⌊1,000 / h⌋ + 1 suspects (one is finished from before).
      expect(examined[i]!).toBeLessThanOrEqual(12 * (Math.floor(1000 / hours[i]!) + 1));
      if (hours[i]! <= 15) {
        fast++;
        // 66 or more a month can be examined against 40 arriving on average.
        expect(examined[i]!).toBeGreaterThanOrEqual(0.97 * arrived[i]!);
      }
      if (hours[i]! >= 50) slow++;
    }
    expect(fast).toBeGreaterThan(10);
    expect(slow).toBeGreaterThan(100);
  });
});
