import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { runChunk } from '../../src/engine/chunk.ts';
import { collectedShare } from '../../src/engine/funnel.ts';
import { BREAKDOWN_METRICS, totalColumn } from '../../src/engine/metrics.ts';
import { compileModel } from '../../src/engine/model.ts';
import { replicate, Workspace } from '../../src/engine/replicate.ts';
import { streamSeed } from '../../src/engine/random/rng.ts';
import { runScenario } from '../../src/engine/run.ts';
import type { Distribution } from '../../src/scenario/distribution.ts';
import type { Scenario, ScenarioInput } from '../../src/scenario/schema.ts';
import { buildScenario, ONE_STAGE_FUNNEL, oneUnit, role, suspects } from './fixtures.ts';

type Finance = NonNullable<ScenarioInput['finance']>;

/** One replication: horizon totals (through aliases), and monthly series, by name. */
function one(scenario: Scenario, seed = 'funnel') {
  const model = compileModel(scenario);
  const { layout } = model;
  const H = layout.horizonMonths;
  const totals = new Float64Array(layout.totalNames.length);
  const monthly = new Float64Array(layout.monthlyNames.length * H);
  replicate(new Workspace(model), seed, 0, totals, monthly);
  const total = (name: string) => {
    const column = totalColumn(layout, name);
    if (column < 0) throw new Error(`no total ${name}`);
    return totals[column]!;
  };
  const series = (name: string) => {
    const s = layout.monthlyNames.indexOf(name);
    return Array.from(monthly.subarray(s * H, (s + 1) * H));
  };
  return { total, series };
}

/**
 * Ten suspects a month, each holding £`assets`, all examined in the month they arrive (ample
 * hours), or none examined (no hours): every number below is exact in binary.
 */
function plain(
  finance: Partial<Finance>,
  options: { assets?: number; examined?: boolean; horizonMonths?: number } = {},
) {
  const scenario = oneUnit({
    people: options.examined === false ? 0 : 10,
    hoursPerMonth: 100,
    horizonMonths: options.horizonMonths ?? 12,
    demand: [suspects('s', { assetProbability: 1, assetValue: options.assets ?? 1000 })],
  });
  return { ...scenario, finance: { ...scenario.finance, ...finance } } as Scenario;
}

describe('the recovery funnel with no randomness', () => {
  it('makes an order for every examined suspect holding assets when the chance is 1, none when 0', () => {
    const all = one(plain({}));
    expect(all.total('ordersMade')).toBe(120);
    expect(all.total('orderValue')).toBe(120_000);
    expect(all.total('assetsInvestigated')).toBe(120_000);
    expect(all.total('recovered')).toBe(60_000);
    expect(all.series('ordersMade')).toEqual(Array(12).fill(10));
    const none = one(plain({ orderProbability: 0 }));
    expect(none.total('ordersMade')).toBe(0);
    expect(none.total('recovered')).toBe(0);
    expect(none.total('suspectsExamined')).toBe(120);
  });

  it('makes orders for a share of the assets, a draw above 1 counting as 1', () => {
    const quarter = one(plain({ orderShare: 0.25 }));
    expect(quarter.total('orderValue')).toBe(30_000);
    expect(quarter.total('recovered')).toBe(15_000);
    const above = one(plain({ orderShare: 3 }));
    expect(above.total('orderValue')).toBe(120_000);
  });

  it('collects each order at the rate of the first band its value fits in, a band’s limit included', () => {
    const collection = [
      { upTo: 1000, collected: 0.75 },
      { upTo: 4000, collected: 0.5 },
      { collected: 0.25 },
    ];
    expect(one(plain({ collection }, { assets: 1000 })).total('recovered')).toBe(0.75 * 120_000);
    expect(one(plain({ collection }, { assets: 1000.5 })).total('recovered')).toBe(
      0.5 * 120 * 1000.5,
    );
    expect(one(plain({ collection }, { assets: 4000 })).total('recovered')).toBe(0.5 * 480_000);
    expect(one(plain({ collection }, { assets: 8000 })).total('recovered')).toBe(0.25 * 960_000);
    // The band is that of the order, not of the assets: half of £8,000 is in the middle band.
    expect(one(plain({ collection, orderShare: 0.5 }, { assets: 8000 })).total('recovered')).toBe(
      0.5 * 480_000,
    );
  });

  it('pays a receipt in month examined + lag: in the horizon up to its last month, after it from then', () => {
    // Examined in months 0 … 11; a lag of 4 puts months 0 … 7 inside (paid in 4 … 11), 8 … 11 after.
    const lag4 = one(plain({ monthsToReceipt: 4 }));
    expect(lag4.series('recovered')).toEqual([0, 0, 0, 0, ...Array(8).fill(5000)]);
    expect(lag4.total('recovered')).toBe(8 * 5000);
    expect(lag4.total('recoveredAfterHorizon')).toBe(4 * 5000);
    expect(lag4.total('forceIncome')).toBe(0.25 * 8 * 5000);
    // Orders are counted in the month of examination, inside the horizon, whatever the lag.
    expect(lag4.total('ordersMade')).toBe(120);
    // A lag of 11 pays the first month's in the last month; 12 pays nothing inside.
    expect(one(plain({ monthsToReceipt: 11 })).total('recovered')).toBe(5000);
    expect(one(plain({ monthsToReceipt: 12 })).total('recovered')).toBe(0);
    expect(one(plain({ monthsToReceipt: 12 })).total('recoveredAfterHorizon')).toBe(60_000);
    // A lag of 3.5 rounds to 4 (halves up), as counts do.
    expect(one(plain({ monthsToReceipt: 3.5 })).total('recovered')).toBe(8 * 5000);
  });

  it('counts as missed all that unexamined suspects would have paid, whenever it would come', () => {
    const lost = one(plain({ monthsToReceipt: 100, orderShare: 0.5 }, { examined: false }));
    expect(lost.total('unexaminedSuspects')).toBe(120);
    expect(lost.total('assetsNotInvestigated')).toBe(120_000);
    expect(lost.total('missedRecovery')).toBe(30_000);
    expect(lost.total('missedForceIncome')).toBe(7_500);
    expect(lost.total('ordersMade')).toBe(0);
    expect(lost.total('recovered') + lost.total('recoveredAfterHorizon')).toBe(0);
    // Counted in the month each suspect is lost (window 0: the month it arrives).
    expect(lost.series('missedRecovery')).toEqual(Array(12).fill(2500));
  });

  it('sums the years of receipts and orders', () => {
    const scenario = plain({ monthsToReceipt: 6 }, { horizonMonths: 30 });
    const summary = runScenario({ ...scenario, replications: 1 }).summary();
    expect(summary.yearly.recovered.map((s) => s.mean)).toEqual([6 * 5000, 12 * 5000, 6 * 5000]);
    expect(summary.yearly.ordersMade.map((s) => s.mean)).toEqual([120, 120, 60]);
  });
});

describe('breakdowns by unit and by stream', () => {
  function twoUnits(pool: string | undefined): Scenario {
    const unit = (id: string, assets: number, hours: number) => ({
      id,
      name: id,
      pool,
      staff: [{ role: 'fi', establishment: 1, inPost: 1, attritionPerYear: 0 }],
      demand: [
        suspects(`${id}-a`, { assetProbability: 1, assetValue: assets, hoursPerItem: hours }),
        { ...suspects(`${id}-p`, { hoursPerItem: hours }), kind: 'products' as const },
      ],
    });
    return buildScenario({
      horizonMonths: 6,
      replications: 1,
      roles: [role(40)],
      units: [unit('east', 1000, 1), unit('west', 3000, 4)],
      policy: { triage: 'fifo' },
      finance: ONE_STAGE_FUNNEL,
    });
  }

  it('counts each suspect and product for the unit and stream it arrived in, summing to the totals', () => {
    for (const pool of [undefined, 'shared']) {
      const { total } = one(twoUnits(pool));
      for (const m of BREAKDOWN_METRICS) {
        const units = total(`byUnit.east.${m}`) + total(`byUnit.west.${m}`);
        expect(units, `${pool} ${m}`).toBe(total(m));
        for (const u of ['east', 'west']) {
          expect(total(`byStream.${u}.${u}-a.${m}`) + total(`byStream.${u}.${u}-p.${m}`)).toBe(
            total(`byUnit.${u}.${m}`),
          );
        }
      }
      expect(total('byStream.east.east-a.productsArrived')).toBe(0);
      expect(total('byStream.east.east-p.suspectsArrived')).toBe(0);
    }
  });

  it('shows who gains when two units share their staff', () => {
    // Apart, east's 40 hours a month cover its 10 suspects and 10 products (1 hour each);
    // west's 4-hour items take 80. Pooled, first in first out, east's work waits behind west's.
    const apart = one(twoUnits(undefined));
    const pooled = one(twoUnits('shared'));
    expect(apart.total('byUnit.east.unexaminedSuspects')).toBe(0);
    expect(apart.total('byUnit.east.recovered')).toBe(6 * 10 * 500);
    expect(apart.total('byUnit.west.suspectsExamined')).toBe(6 * 10);
    expect(
      pooled.total('suspectsExamined') +
        pooled.total('productsArrived') -
        pooled.total('undeliveredProducts') -
        pooled.total('backlogProducts'),
    ).toBeGreaterThan(0);
    expect(pooled.total('byUnit.east.recovered') + pooled.total('byUnit.west.recovered')).toBe(
      pooled.total('recovered'),
    );
  });
});

describe('the funnel’s draws', () => {
  it('come from streams of their own: the funnel never moves demand, staff or work', () => {
    const base = plain({ orderProbability: 0.5, orderShare: { dist: 'uniform', min: 0, max: 1 } });
    const other = {
      ...base,
      finance: {
        ...base.finance,
        orderProbability: 0.9,
        monthsToReceipt: { dist: 'poisson', mean: 3 },
      },
    } as Scenario;
    const a = one({
      ...base,
      units: [
        {
          ...base.units[0]!,
          demand: [
            {
              ...base.units[0]!.demand[0]!,
              assetValue: { dist: 'lognormal', median: 1000, p90: 9000 },
              assetProbability: 0.4,
            },
          ],
        },
      ],
    });
    const b = one({
      ...other,
      units: [
        {
          ...other.units[0]!,
          demand: [
            {
              ...other.units[0]!.demand[0]!,
              assetValue: { dist: 'lognormal', median: 1000, p90: 9000 },
              assetProbability: 0.4,
            },
          ],
        },
      ],
    });
    for (const m of [
      'suspectsArrived',
      'suspectsExamined',
      'suspectsWithAssets',
      'assetsInvestigated',
      'demandHours',
    ]) {
      expect(b.total(m), m).toBe(a.total(m));
    }
    expect(b.total('ordersMade')).toBeGreaterThan(a.total('ordersMade'));
  });

  it('are a uniform for every suspect, then a share and a lag for each order only, as model.md says', () => {
    // Every suspect holds £1,000 and is examined in the month it arrives; an order for half of
    // them, for U(0, 1) of the assets, all collected at once. Model.md's step 7 worked out with
    // seedrandom alone: u for each suspect, in order of arrival; a share only where u < 0.5.
    const scenario = plain({
      orderProbability: 0.5,
      orderShare: { dist: 'uniform', min: 0, max: 1 },
      collection: [{ collected: 1 }],
    });
    const rng = seedrandom.xor128(streamSeed('funnel', 0, 'funnel:u:s'));
    let recovered = 0;
    let orders = 0;
    for (let i = 0; i < 120; i++) {
      if (rng() < 0.5) {
        recovered += 1000 * rng();
        orders++;
      }
    }
    const run = one(scenario);
    expect(run.total('ordersMade')).toBe(orders);
    expect(run.total('recovered')).toBe(recovered);
  });

  it('depend on each suspect’s own draws, so fewer hours leave each suspect’s order and share where they were', () => {
    // With a lag of 0 a suspect examined under both staffings pays the same; the money of the
    // busier run is therefore never more than the quieter one's, suspect for suspect.
    const funnel = {
      orderProbability: 0.5,
      orderShare: { dist: 'uniform', min: 0, max: 1 } as Distribution,
    };
    const make = (hoursPerMonth: number) => {
      const s = oneUnit({
        people: 1,
        hoursPerMonth,
        horizonMonths: 12,
        demand: [suspects('s', { assetProbability: 0.5, assetValue: 1000, hoursPerItem: 1 })],
      });
      return one({ ...s, finance: { ...s.finance, ...funnel } } as Scenario);
    };
    const full = make(100);
    const half = make(5);
    expect(half.total('recovered') + half.total('missedRecovery')).toBeCloseTo(
      full.total('recovered') + full.total('missedRecovery'),
      6,
    );
  });
});

describe('the expected receipts', () => {
  it('match the closed form for a random funnel, within 4 standard errors', () => {
    // 50 suspects a month for 12 months, half holding £10,000; an order for 60% of them, for
    // U(0, 1) of the assets; 90% collected up to £2,500, 40% above; lags Poisson(4).
    const s = oneUnit({
      people: 1,
      hoursPerMonth: 200,
      horizonMonths: 12,
      replications: 2000,
      demand: [suspects('s', { casesPerMonth: 50, assetProbability: 0.5, assetValue: 10_000 })],
    });
    const finance = {
      ...s.finance,
      orderProbability: 0.6,
      orderShare: { dist: 'uniform', min: 0, max: 1 } as Distribution,
      collection: [{ upTo: 2500, collected: 0.9 }, { collected: 0.4 }],
      monthsToReceipt: { dist: 'poisson', mean: 4 } as Distribution,
    };
    const summary = runScenario({ ...s, finance }).summary();
    // E[share × collected(share × A)] = 0.9 ∫₀^¼ x dx + 0.4 ∫_¼^1 x dx.
    const perOrder = 10_000 * ((0.9 * 0.25 ** 2) / 2 + (0.4 * (1 - 0.25 ** 2)) / 2);
    const perMonth = 50 * 0.5 * 0.6 * perOrder;
    const poissonCdf = (k: number, mean: number) => {
      let term = Math.exp(-mean);
      let sum = term;
      for (let i = 1; i <= k; i++) sum += term *= mean / i;
      return sum;
    };
    const inside = Array.from({ length: 12 }, (_, t) => perMonth * poissonCdf(11 - t, 4)).reduce(
      (a, b) => a + b,
    );
    const within = (stat: { mean: number; se: number }, expected: number) =>
      expect(Math.abs(stat.mean - expected)).toBeLessThan(4 * stat.se);
    within(summary.totals.recovered, inside);
    within(summary.totals.recoveredAfterHorizon, 12 * perMonth - inside);
    within(summary.totals.ordersMade, 12 * 50 * 0.5 * 0.6);
    within(summary.totals.orderValue, 12 * 50 * 0.5 * 0.6 * 5000);
  }, 30_000);
});

const share: fc.Arbitrary<Distribution> = fc.oneof(
  fc.double({ min: 0, max: 1.5, noNaN: true }),
  fc.record({
    dist: fc.constant('uniform' as const),
    min: fc.constant(0),
    max: fc.double({ min: 0, max: 2, noNaN: true }),
  }),
  fc
    .record({
      dist: fc.constant('lognormal' as const),
      median: fc.double({ min: 0.05, max: 1, noNaN: true }),
      p90: fc.constant(1.2),
    })
    .filter((d) => d.p90 > d.median),
);

const funnelArbitrary = fc.record({
  orderProbability: fc.double({ min: 0, max: 1, noNaN: true }),
  orderShare: share,
  collection: fc
    .array(
      fc.tuple(
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
      ),
      { minLength: 0, maxLength: 4 },
    )
    .chain((bands) =>
      fc.double({ min: 0, max: 1, noNaN: true }).map((last) => [
        ...bands
          .map(([upTo]) => upTo)
          .sort((a, b) => a - b)
          .filter((x, i, all) => i === 0 || x > all[i - 1]!)
          .map((upTo, i) => ({ upTo, collected: bands[i]![1] })),
        { collected: last },
      ]),
    ),
  monthsToReceipt: fc.oneof(
    fc.integer({ min: 0, max: 20 }),
    fc.record({
      dist: fc.constant('poisson' as const),
      mean: fc.double({ min: 0, max: 10, noNaN: true }),
    }),
  ),
  forceShare: fc.double({ min: 0, max: 1, noNaN: true }),
});

describe('every replication with any funnel', () => {
  it('never pays more than the orders, nor orders more than the assets examined', () => {
    fc.assert(
      fc.property(
        funnelArbitrary,
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 14 }),
        fc.boolean(),
        (finance, hoursPerMonth, horizonMonths, pooled) => {
          const unit = (id: string) => ({
            id,
            name: id,
            pool: pooled ? 'p' : undefined,
            staff: [{ role: 'fi', establishment: 2, inPost: 2, attritionPerYear: 0 }],
            demand: [
              suspects(`${id}-s`, {
                casesPerMonth: { dist: 'poisson', mean: 6 },
                hoursPerItem: { dist: 'lognormal', median: 3, p90: 12 },
                assetProbability: 0.5,
                assetValue: { dist: 'lognormal', median: 2000, p90: 200_000 },
                windowMonths: 1,
              }),
            ],
          });
          const scenario = buildScenario({
            horizonMonths,
            roles: [role(hoursPerMonth)],
            units: [unit('a'), unit('b')],
            finance,
          });
          const model = compileModel(scenario);
          const { layout } = model;
          const width = layout.totalNames.length;
          const chunk = runChunk(model, 'funnel-invariants', 0, 3);
          for (let r = 0; r < 3; r++) {
            const t = (name: string) => chunk.totals[r * width + totalColumn(layout, name)]!;
            const slack = (x: number) => x * 1e-6 + 1e-6;
            expect(t('orderValue')).toBeLessThanOrEqual(
              t('assetsInvestigated') + slack(t('assetsInvestigated')),
            );
            const paid = t('recovered') + t('recoveredAfterHorizon');
            expect(paid).toBeLessThanOrEqual(t('orderValue') + slack(t('orderValue')));
            expect(t('missedRecovery')).toBeLessThanOrEqual(
              t('assetsNotInvestigated') + slack(t('assetsNotInvestigated')),
            );
            expect(t('ordersMade')).toBeLessThanOrEqual(t('suspectsWithAssetsExamined'));
            expect(t('forceIncome')).toBeLessThanOrEqual(t('recovered') + slack(t('recovered')));
            for (const m of [
              'suspectsArrived',
              'suspectsExamined',
              'unexaminedSuspects',
              'ordersMade',
            ]) {
              expect(t(`byUnit.a.${m}`) + t(`byUnit.b.${m}`)).toBe(t(m));
            }
          }
        },
      ),
      { seed: 19, numRuns: 60, interruptAfterTimeLimit: 15_000 },
    );
  }, 30_000);
});

describe('collectedShare', () => {
  it('takes the first band whose limit the order does not pass, the last taking the rest', () => {
    const model = compileModel(
      plain({
        collection: [
          { upTo: 10, collected: 0.9 },
          { upTo: 100, collected: 0.5 },
          { collected: 0.1 },
        ],
      }),
    );
    expect([0, 10, 10.01, 100, 101, 1e12].map((x) => collectedShare(model.funnel, x))).toEqual([
      0.9, 0.9, 0.5, 0.5, 0.1, 0.1,
    ]);
  });
});
