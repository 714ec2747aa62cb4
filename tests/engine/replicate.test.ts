import { describe, expect, it } from 'vitest';
import { runChunk } from '../../src/engine/chunk.ts';
import { MONTHLY_SERIES } from '../../src/engine/metrics.ts';
import { compileModel } from '../../src/engine/model.ts';
import { replicate, Workspace } from '../../src/engine/replicate.ts';
import { runScenario } from '../../src/engine/run.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { buildScenario, oneUnit, role, suspects } from './fixtures.ts';

/** Standard errors a mean across replications may lie from its expectation. */
const K = 4;

/** One replication's horizon totals by name and monthly series by name. */
function one(scenario: Scenario, seed = 'test', index = 0) {
  const model = compileModel(scenario);
  const { layout } = model;
  const H = layout.horizonMonths;
  const totals = new Float64Array(layout.totalNames.length);
  const monthly = new Float64Array(layout.monthlyNames.length * H);
  replicate(new Workspace(model), seed, index, totals, monthly);
  const total = (name: string) => totals[layout.totalNames.indexOf(name)]!;
  const series = (name: string) => {
    const s = layout.monthlyNames.indexOf(name);
    if (s < 0) throw new Error(`no series ${name}`);
    return Array.from(monthly.subarray(s * H, (s + 1) * H));
  };
  return { total, series };
}

/** Each replication's value of a horizon total, for replications [0, count). */
function perReplication(scenario: Scenario, name: string, count: number, seed = 'test') {
  const model = compileModel(scenario);
  const chunk = runChunk(model, seed, 0, count);
  const width = model.layout.totalNames.length;
  const column = model.layout.totalNames.indexOf(name);
  return Array.from({ length: count }, (_, r) => chunk.totals[r * width + column]!);
}

describe('replicate with no randomness', () => {
  // 2 people × 100 hours = 200 hours a month; 30 suspects × 10 hours = 300 hours arrive.
  const scenario = oneUnit({
    people: 2,
    hoursPerMonth: 100,
    demand: [
      suspects('s', { casesPerMonth: 30, hoursPerItem: 10, assetProbability: 1, assetValue: 1000 }),
    ],
  });

  it('examines what capacity allows and loses the rest, with exact counts and money', () => {
    const { total } = one(scenario);
    expect(total('suspectsArrived')).toBe(360);
    expect(total('suspectsExamined')).toBe(240);
    expect(total('unexaminedSuspects')).toBe(120);
    expect(total('backlogSuspects')).toBe(0);
    expect(total('suspectsWithAssets')).toBe(360);
    expect(total('suspectsWithAssetsExamined')).toBe(240);
    expect(total('demandHours')).toBe(3600);
    expect(total('capacityHours')).toBe(2400);
    expect(total('hoursWorked')).toBe(2400);
    expect(total('assetsNotInvestigated')).toBe(120_000);
    expect(total('missedRecovery')).toBe(60_000);
    expect(total('missedForceIncome')).toBe(15_000);
    expect(total('recovered')).toBe(120_000);
    expect(total('forceIncome')).toBe(30_000);
    expect(total('inPost.fi')).toBe(2);
  });

  it('gives the same totals in every replication', () => {
    const run = runScenario(scenario, { replications: 5 });
    const s = run.stat('unexaminedSuspects');
    expect([s.min, s.max, s.sd]).toEqual([120, 120, 0]);
    expect(run.summary().monthly.missedRecovery.every((m) => m.mean === 5000)).toBe(true);
  });

  it('applies the published defaults: 96% of orders up to £1,000 collected, 18.75% to the force', () => {
    const withDefaults = buildScenario({
      horizonMonths: 12,
      roles: [role(100)],
      units: [
        {
          id: 'u',
          name: 'U',
          staff: [{ role: 'fi', establishment: 2, inPost: 2, attritionPerYear: 0 }],
          demand: [
            suspects('s', {
              casesPerMonth: 30,
              hoursPerItem: 10,
              assetProbability: 1,
              assetValue: 1000,
            }),
          ],
        },
      ],
      policy: { triage: 'fifo' },
    });
    const { total } = one(withDefaults);
    // Every order is for the £1,000 held, in the band up to £1,000; some are paid after the horizon.
    expect(total('ordersMade')).toBe(240);
    expect(total('orderValue')).toBe(240_000);
    expect(total('missedRecovery')).toBeCloseTo(0.96 * 120_000, 6);
    expect(total('missedForceIncome')).toBeCloseTo(0.1875 * 0.96 * 120_000, 6);
    expect(total('recovered') + total('recoveredAfterHorizon')).toBeCloseTo(0.96 * 240_000, 6);
    expect(total('recoveredAfterHorizon')).toBeGreaterThan(0);
    expect(total('forceIncome')).toBeCloseTo(0.1875 * total('recovered'), 6);
  });

  it('counts abstraction and trainees at their share of capacity', () => {
    const s = buildScenario({
      horizonMonths: 3,
      roles: [role(100, { traineeProductivity: 0.25, trainingMonths: 60 })],
      units: [
        {
          id: 'u',
          name: 'U',
          staff: [
            {
              role: 'fi',
              establishment: 8,
              inPost: 4,
              inTraining: 4,
              attritionPerYear: 0,
              abstraction: 0.5,
            },
          ],
        },
      ],
    });
    // (4 + 0.25 × 4) × 100 × (1 − 0.5) = 250 hours a month.
    expect(one(s).series('capacityHours')).toEqual([250, 250, 250]);
  });
});

describe('the window', () => {
  it('of 0 months gives an item only the month it arrives in', () => {
    const s = oneUnit({
      people: 2,
      hoursPerMonth: 10,
      demand: [suspects('s', { casesPerMonth: 30 })],
    });
    const { series } = one(s);
    expect(series('suspectsExamined')).toEqual(Array(12).fill(20));
    expect(series('unexaminedSuspects')).toEqual(Array(12).fill(10));
    expect(series('backlogSuspects')).toEqual(Array(12).fill(0));
  });

  it('of w months loses an unworked item at the end of the month it reaches age w', () => {
    const s = oneUnit({
      people: 0,
      hoursPerMonth: 10,
      demand: [suspects('s', { casesPerMonth: 5, windowMonths: 3 })],
    });
    const { series, total } = one(s);
    expect(series('unexaminedSuspects')).toEqual([0, 0, 0, 5, 5, 5, 5, 5, 5, 5, 5, 5]);
    expect(series('backlogSuspects')).toEqual([5, 10, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15]);
    expect(total('unexaminedSuspects')).toBe(45);
    expect(total('backlogSuspects')).toBe(15);
  });

  it('of 1 month lets an item wait one month, oldest first, under first in first out', () => {
    const s = oneUnit({
      people: 2,
      hoursPerMonth: 10,
      demand: [suspects('s', { casesPerMonth: 30, windowMonths: 1 })],
    });
    const { series, total } = one(s);
    // Month 0: 20 of 30 examined. Month 1: the 10 left, then 10 new. Month 2: the 20 from month 1.
    // From month 3: 20 of the 30 from the month before examined, 10 lost.
    expect(series('suspectsExamined')).toEqual(Array(12).fill(20));
    expect(series('unexaminedSuspects')).toEqual([0, 0, 0, 10, 10, 10, 10, 10, 10, 10, 10, 10]);
    expect(total('backlogSuspects')).toBe(30);
  });
});

describe('staff flows', () => {
  it('keep inPost × (1 − a)^(H/12) in post on average with leavers and no hiring', () => {
    const inPost = 100;
    const a = 0.2;
    const H = 24;
    const replications = 400;
    const s = buildScenario({
      horizonMonths: H,
      roles: [role(100)],
      units: [
        {
          id: 'u',
          name: 'U',
          staff: [{ role: 'fi', establishment: inPost, inPost, attritionPerYear: a }],
        },
      ],
    });
    const stat = runScenario(s, { replications, seed: 'attrition' }).stat('inPost.fi');
    const p = Math.pow(1 - a, H / 12);
    const se = Math.sqrt((inPost * p * (1 - p)) / replications);
    expect(Math.abs(stat.mean - inPost * p)).toBeLessThanOrEqual(K * se);
    expect(stat.sd).toBeGreaterThan(0);
  });

  it('let trainees join those in post trainingMonths after starting', () => {
    // Recruitment starts in month 0 for all 5 vacancies, training starts in month 2 and ends in month 5.
    const s = buildScenario({
      horizonMonths: 8,
      roles: [role(100, { trainingMonths: 3 })],
      units: [
        {
          id: 'u',
          name: 'U',
          staff: [
            {
              role: 'fi',
              establishment: 5,
              inPost: 0,
              attritionPerYear: 0,
              recruitment: { mode: 'fill-vacancies', monthsToHire: 2, maxHiresPerMonth: 5 },
            },
          ],
        },
      ],
    });
    const { series } = one(s);
    expect(series('inTraining.fi')).toEqual([0, 0, 5, 5, 5, 0, 0, 0]);
    expect(series('inPost.fi')).toEqual([0, 0, 0, 0, 0, 5, 5, 5]);
  });

  it('spread people already in training over the months of training', () => {
    const s = buildScenario({
      horizonMonths: 6,
      roles: [role(100, { trainingMonths: 4 })],
      units: [
        {
          id: 'u',
          name: 'U',
          staff: [{ role: 'fi', establishment: 10, inPost: 2, inTraining: 4, attritionPerYear: 0 }],
        },
      ],
    });
    const { series } = one(s);
    expect(series('inPost.fi')).toEqual([3, 4, 5, 6, 6, 6]);
    expect(series('inTraining.fi')).toEqual([3, 2, 1, 0, 0, 0]);
  });

  it('start no more training than the seats a year allow, accrued month by month', () => {
    const s = buildScenario({
      horizonMonths: 24,
      roles: [role(100, { trainingSeatsPerYear: 6, trainingMonths: 60 })],
      units: [
        {
          id: 'u',
          name: 'U',
          staff: [
            {
              role: 'fi',
              establishment: 50,
              inPost: 10,
              attritionPerYear: 0,
              recruitment: { mode: 'fill-vacancies', monthsToHire: 1, maxHiresPerMonth: 10 },
            },
          ],
        },
      ],
    });
    const { series, total } = one(s);
    // Half a seat a month: a whole seat every second month.
    expect(series('inTraining.fi')).toEqual(
      Array.from({ length: 24 }, (_, t) => Math.floor((t + 1) / 2)),
    );
    expect(total('inTraining.fi')).toBe(12);
    expect(series('inPost.fi').every((n) => n === 10)).toBe(true);
  });

  it('share seats between units of a role and never exceed them in total', () => {
    const group = (id: string) => ({
      id,
      name: id,
      staff: [
        {
          role: 'fi',
          establishment: 20,
          inPost: 0,
          attritionPerYear: 0,
          recruitment: { mode: 'fill-vacancies' as const, monthsToHire: 0, maxHiresPerMonth: 20 },
        },
      ],
    });
    const s = buildScenario({
      horizonMonths: 12,
      roles: [role(100, { trainingSeatsPerYear: 12, trainingMonths: 60 })],
      units: [group('a'), group('b')],
    });
    expect(one(s).series('inTraining.fi')).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });
});

describe('lost suspects against a fixed capacity', () => {
  it('average E[max(0, N − c)] a month for Poisson(λ) arrivals and capacity c, window 0', () => {
    const lambda = 12;
    const c = 10;
    const H = 12;
    const replications = 400;
    // Moments of max(0, N − c) from the Poisson pmf.
    let pmf = Math.exp(-lambda);
    let mean = 0;
    let square = 0;
    for (let n = 0; n < 200; n++) {
      if (n > 0) pmf *= lambda / n;
      const lost = Math.max(0, n - c);
      mean += lost * pmf;
      square += lost * lost * pmf;
    }
    const variance = square - mean * mean;
    const s = oneUnit({
      people: 1,
      hoursPerMonth: c,
      horizonMonths: H,
      demand: [suspects('s', { casesPerMonth: { dist: 'poisson', mean: lambda } })],
    });
    const lost = runScenario(s, { replications, seed: 'poisson-loss' }).stat('unexaminedSuspects');
    const se = Math.sqrt((H * variance) / replications);
    expect(Math.abs(lost.mean - H * mean)).toBeLessThanOrEqual(K * se);
  });
});

describe('triage', () => {
  const demand = [
    suspects('s', {
      casesPerMonth: { dist: 'poisson', mean: 30 },
      assetProbability: 0.5,
      assetValue: { dist: 'lognormal', median: 5000, p90: 100_000 },
    }),
  ];
  const scenarioFor = (triage: 'fifo' | 'value') =>
    oneUnit({ people: 1, hoursPerMonth: 8, demand, triage, triageAccuracy: 1 });

  it('by value with accuracy 1 examines suspects holding at least the assets FIFO does, in every replication', () => {
    const byValue = perReplication(scenarioFor('value'), 'recovered', 50);
    const fifo = perReplication(scenarioFor('fifo'), 'recovered', 50);
    for (let r = 0; r < 50; r++) expect(byValue[r]).toBeGreaterThanOrEqual(fifo[r]!);
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    expect(sum(byValue)).toBeGreaterThan(1.5 * sum(fifo));
  });

  it('does not change how many suspects arrive or are examined (common random numbers)', () => {
    const arrivedValue = perReplication(scenarioFor('value'), 'suspectsArrived', 20);
    expect(perReplication(scenarioFor('fifo'), 'suspectsArrived', 20)).toEqual(arrivedValue);
    expect(perReplication(scenarioFor('fifo'), 'suspectsExamined', 20)).toEqual(
      perReplication(scenarioFor('value'), 'suspectsExamined', 20),
    );
  });

  it('with accuracy 0 recovers as much as FIFO on average', () => {
    const replications = 200;
    const random = perReplication(
      oneUnit({ people: 1, hoursPerMonth: 8, demand, triage: 'value', triageAccuracy: 0 }),
      'recovered',
      replications,
    );
    const fifo = perReplication(scenarioFor('fifo'), 'recovered', replications);
    const d = random.map((x, r) => x - fifo[r]!);
    const mean = d.reduce((a, b) => a + b, 0) / replications;
    const sd = Math.sqrt(d.reduce((a, b) => a + (b - mean) ** 2, 0) / (replications - 1));
    expect(Math.abs(mean)).toBeLessThanOrEqual((K * sd) / Math.sqrt(replications));
  });
});

describe('pooling', () => {
  it('examines at least as many suspects as separate units when demand is uneven', () => {
    const unit = (id: string, cases: number, pool?: string) => ({
      id,
      name: id,
      ...(pool ? { pool } : {}),
      staff: [{ role: 'fi', establishment: 1, inPost: 1, attritionPerYear: 0 }],
      demand: [suspects(`${id}-s`, { casesPerMonth: { dist: 'poisson', mean: cases } })],
    });
    const build = (pool?: string) =>
      buildScenario({
        horizonMonths: 12,
        roles: [role(10)],
        units: [unit('a', 16, pool), unit('b', 4, pool)],
      });
    const separate = perReplication(build(), 'suspectsExamined', 40);
    const pooled = perReplication(build('region'), 'suspectsExamined', 40);
    for (let r = 0; r < 40; r++) expect(pooled[r]).toBeGreaterThanOrEqual(separate[r]!);
    expect(pooled.reduce((a, b) => a + b, 0)).toBeGreaterThan(separate.reduce((a, b) => a + b, 0));
    expect(perReplication(build('region'), 'suspectsArrived', 40)).toEqual(
      perReplication(build(), 'suspectsArrived', 40),
    );
  });
});

describe('growth', () => {
  it('scales fixed cases by (1 + growth)^(t/12), rounded', () => {
    const s = oneUnit({
      people: 0,
      hoursPerMonth: 1,
      horizonMonths: 25,
      demand: [suspects('s', { casesPerMonth: 100, growthPerYear: 0.5 })],
    });
    const arrived = one(s).series('suspectsArrived');
    expect(arrived[0]).toBe(100);
    expect(arrived[12]).toBe(150);
    expect(arrived[24]).toBe(225);
    expect(arrived[6]).toBe(Math.round(100 * Math.sqrt(1.5)));
  });
});

it('reports every monthly series the metrics declare', () => {
  const s = oneUnit({ people: 1, hoursPerMonth: 1, demand: [suspects('s')] });
  const { series } = one(s);
  for (const name of MONTHLY_SERIES) expect(series(name)).toHaveLength(12);
});
