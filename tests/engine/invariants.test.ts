import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runChunk } from '../../src/engine/chunk.ts';
import { compileModel } from '../../src/engine/model.ts';
import { seatsOffered } from '../../src/engine/staffFlows.ts';
import { replicate, Workspace } from '../../src/engine/replicate.ts';
import type { Distribution } from '../../src/scenario/distribution.ts';
import type { ScenarioInput } from '../../src/scenario/schema.ts';
import { buildScenario } from './fixtures.ts';

const ROLES = ['fi', 'an'] as const;

const smallCount: fc.Arbitrary<Distribution> = fc.oneof(
  fc.integer({ min: 0, max: 8 }),
  fc.record({
    dist: fc.constant('poisson' as const),
    mean: fc.double({ min: 0, max: 8, noNaN: true }),
    shift: fc.integer({ min: 0, max: 2 }),
  }),
  fc.record({
    dist: fc.constant('negbin' as const),
    mean: fc.double({ min: 0, max: 8, noNaN: true }),
    dispersion: fc.double({ min: 0.2, max: 20, noNaN: true }),
  }),
  fc.record({
    dist: fc.constant('uniform' as const),
    min: fc.constant(0),
    max: fc.double({ min: 0, max: 6, noNaN: true }),
  }),
);

const amount: fc.Arbitrary<Distribution> = fc.oneof(
  fc.double({ min: 0, max: 40, noNaN: true }),
  fc.record({
    dist: fc.constant('lognormal' as const),
    median: fc.constant(5),
    p90: fc.double({ min: 5.5, max: 50, noNaN: true }),
  }),
  fc.record({
    dist: fc.constant('triangular' as const),
    min: fc.constant(1),
    mode: fc.constant(4),
    max: fc.double({ min: 4, max: 30, noNaN: true }),
  }),
  fc.record({
    dist: fc.constant('normal' as const),
    mean: fc.double({ min: -5, max: 20, noNaN: true }),
    sd: fc.double({ min: 0, max: 10, noNaN: true }),
  }),
);

const staffGroup = (roleId: string) =>
  fc
    .record({
      establishment: fc.integer({ min: 0, max: 12 }),
      inPostShare: fc.double({ min: 0, max: 1, noNaN: true }),
      inTrainingShare: fc.double({ min: 0, max: 1, noNaN: true }),
      attritionPerYear: fc.double({ min: 0, max: 0.9, noNaN: true }),
      abstraction: fc.double({ min: 0, max: 0.9, noNaN: true }),
      hires: fc.boolean(),
      monthsToHire: fc.integer({ min: 0, max: 4 }),
      maxHiresPerMonth: fc.integer({ min: 0, max: 4 }),
      inRecruitmentShare: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), {
        nil: undefined,
      }),
    })
    .map((g) => {
      const inPost = Math.floor(g.establishment * g.inPostShare);
      const inTraining = Math.floor((g.establishment - inPost) * g.inTrainingShare);
      const inRecruitment =
        g.inRecruitmentShare === undefined
          ? undefined
          : Math.floor((g.establishment - inPost - inTraining) * g.inRecruitmentShare);
      return {
        role: roleId,
        establishment: g.establishment,
        inPost,
        inTraining,
        inRecruitment,
        attritionPerYear: g.attritionPerYear,
        abstraction: g.abstraction,
        recruitment: {
          mode: g.hires ? ('fill-vacancies' as const) : ('none' as const),
          monthsToHire: g.monthsToHire,
          maxHiresPerMonth: g.maxHiresPerMonth,
        },
      };
    });

const stream = (id: string) =>
  fc
    .record({
      id: fc.constant(id),
      name: fc.constant(id),
      kind: fc.constantFrom('suspects' as const, 'products' as const),
      role: fc.constantFrom(...ROLES),
      casesPerMonth: smallCount,
      itemsPerCase: smallCount,
      hoursPerItem: amount,
      assetProbability: fc.double({ min: 0, max: 1, noNaN: true }),
      assetValue: amount,
      windowMonths: fc.integer({ min: 0, max: 4 }),
      growthPerYear: fc.double({ min: -0.5, max: 1, noNaN: true }),
      maxExaminedPerCase: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
      suppression: fc.option(
        fc.record({
          backlogMonths: fc.double({ min: 0, max: 3, noNaN: true }),
          share: fc.double({ min: 0, max: 1, noNaN: true }),
        }),
        { nil: undefined },
      ),
      hoursValueCorrelation: fc.option(fc.double({ min: -1, max: 1, noNaN: true }), {
        nil: undefined,
      }),
    })
    // A case limit and a correlation with value are for suspects only (the file check refuses them
    // on products).
    .map((s) =>
      s.kind === 'products'
        ? { ...s, maxExaminedPerCase: undefined, hoursValueCorrelation: undefined }
        : s,
    );

const unit = (u: number) =>
  fc.record({
    id: fc.constant(`u${u}`),
    name: fc.constant(`Unit ${u}`),
    pool: fc.option(fc.constant('shared'), { nil: undefined }),
    staff: fc
      .subarray([...ROLES], { minLength: 1 })
      .chain((roles) => fc.tuple(...roles.map(staffGroup))),
    demand: fc
      .array(fc.integer({ min: 0, max: 1 }), { maxLength: 2 })
      .chain((ks) => fc.tuple(...ks.map((_, k) => stream(`u${u}s${k}`)))),
  });

const scenarioArbitrary = fc
  .record({
    horizonMonths: fc.integer({ min: 1, max: 14 }),
    roles: fc.tuple(
      ...ROLES.map((id) =>
        fc.record({
          id: fc.constant(id),
          name: fc.constant(id),
          productiveHoursPerYear: fc.double({ min: 1, max: 1500, noNaN: true }),
          traineeProductivity: fc.double({ min: 0, max: 1, noNaN: true }),
          trainingMonths: fc.integer({ min: 0, max: 5 }),
          trainingSeatsPerYear: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
          accreditationRate: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), {
            nil: undefined,
          }),
        }),
      ),
    ),
    units: fc
      .integer({ min: 1, max: 3 })
      .chain((n) => fc.tuple(...Array.from({ length: n }, (_, u) => unit(u)))),
    triage: fc.constantFrom('fifo' as const, 'value' as const),
    triageAccuracy: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ triage, triageAccuracy, ...rest }) =>
    buildScenario({ ...(rest as ScenarioInput), policy: { triage, triageAccuracy } }),
  );

const RUNS = { seed: 42, numRuns: 60, interruptAfterTimeLimit: 20_000 };
/** Room for the runs above on a busy machine. */
const TIMEOUT = 30_000;
const REPLICATIONS = 3;

describe('every replication of any small scenario', () => {
  it(
    'conserves suspects and products and never works more hours than it has',
    () => {
      fc.assert(
        fc.property(scenarioArbitrary, (scenario) => {
          const model = compileModel(scenario);
          const names = model.layout.totalNames;
          const chunk = runChunk(model, 'invariants', 0, REPLICATIONS);
          for (let r = 0; r < REPLICATIONS; r++) {
            const t = (name: string) => chunk.totals[r * names.length + names.indexOf(name)]!;
            for (const name of names) expect(t(name)).toBeGreaterThanOrEqual(0);
            expect(t('suspectsArrived')).toBe(
              t('suspectsExamined') + t('unexaminedSuspects') + t('backlogSuspects'),
            );
            expect(t('productsArrived')).toBe(
              t('productsDelivered') + t('undeliveredProducts') + t('backlogProducts'),
            );
            expect(t('suspectsWithAssetsExamined')).toBeLessThanOrEqual(t('suspectsWithAssets'));
            expect(t('hoursWorked')).toBeLessThanOrEqual(t('capacityHours') * (1 + 1e-12) + 1e-9);
            expect(t('hoursWorked')).toBeLessThanOrEqual(t('demandHours') * (1 + 1e-12) + 1e-9);
            expect(t('missedForceIncome')).toBeLessThanOrEqual(t('missedRecovery'));
          }
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it('keeps people within the posts and every monthly count whole and non-negative', () => {
    fc.assert(
      fc.property(scenarioArbitrary, (scenario) => {
        const model = compileModel(scenario);
        const { layout } = model;
        const H = layout.horizonMonths;
        const ws = new Workspace(model);
        const totals = new Float64Array(layout.totalNames.length);
        const monthly = new Float64Array(layout.monthlyNames.length * H);
        const posts = new Map<string, number>();
        for (const u of scenario.units)
          for (const g of u.staff) posts.set(g.role, (posts.get(g.role) ?? 0) + g.establishment);
        const countSeries = layout.monthlyNames.filter(
          (n) => !['demandHours', 'capacityHours', 'missedRecovery', 'recovered'].includes(n),
        );
        for (let r = 0; r < REPLICATIONS; r++) {
          replicate(ws, 'invariants', r, totals, monthly);
          const series = (name: string) => {
            const s = layout.monthlyNames.indexOf(name);
            return monthly.subarray(s * H, (s + 1) * H);
          };
          for (const name of countSeries)
            for (const x of series(name)) expect(Number.isInteger(x) && x >= 0).toBe(true);
          for (const [r, id] of layout.roleIds.entries()) {
            const inPost = series(`inPost.${id}`);
            const inTraining = series(`inTraining.${id}`);
            const inRecruitment = series(`inRecruitment.${id}`);
            const waiting = series(`waitingForSeat.${id}`);
            const seatsUsed = series(`seatsUsed.${id}`);
            const seats = scenario.roles[r]!.trainingSeatsPerYear;
            for (let t = 0; t < H; t++) {
              // Recruitment starts only for vacancies, so the pipeline never outgrows the posts.
              expect(inPost[t]! + inTraining[t]! + inRecruitment[t]!).toBeLessThanOrEqual(
                posts.get(id) ?? 0,
              );
              expect(waiting[t]!).toBeLessThanOrEqual(inRecruitment[t]!);
              if (seats !== undefined)
                expect(seatsUsed[t]!).toBeLessThanOrEqual(seatsOffered(seats, t));
            }
          }
          for (const x of series('capacityHours')) expect(x).toBeGreaterThanOrEqual(0);
        }
      }),
      RUNS,
    );
  });

  it(
    'counts suppressed suspects beside arrivals, never in them',
    () => {
      fc.assert(
        fc.property(scenarioArbitrary, (scenario) => {
          // The same file with nothing suppressed, limited or correlated: the same cases are drawn.
          const plain = structuredClone(scenario);
          for (const u of plain.units) {
            for (const d of u.demand) {
              delete d.suppression;
              delete d.maxExaminedPerCase;
              delete d.hoursValueCorrelation;
            }
          }
          const totalsOf = (s: typeof scenario) => {
            const model = compileModel(s);
            const names = model.layout.totalNames;
            const chunk = runChunk(model, 'beside', 0, REPLICATIONS);
            return (r: number, name: string) =>
              chunk.totals[r * names.length + names.indexOf(name)]!;
          };
          const withSuppression = totalsOf(scenario);
          const without = totalsOf(plain);
          for (let r = 0; r < REPLICATIONS; r++) {
            expect(
              withSuppression(r, 'suspectsArrived') + withSuppression(r, 'suppressedSuspects'),
            ).toBe(without(r, 'suspectsArrived'));
            expect(
              withSuppression(r, 'productsArrived') + withSuppression(r, 'suppressedProducts'),
            ).toBe(without(r, 'productsArrived'));
            expect(without(r, 'suppressedSuspects')).toBe(0);
          }
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    'keeps people within the posts and every monthly count whole and non-negative',
    () => {
      fc.assert(
        fc.property(scenarioArbitrary, (scenario) => {
          const model = compileModel(scenario);
          const { layout } = model;
          const H = layout.horizonMonths;
          const ws = new Workspace(model);
          const totals = new Float64Array(layout.totalNames.length);
          const monthly = new Float64Array(layout.monthlyNames.length * H);
          const posts = new Map<string, number>();
          for (const u of scenario.units)
            for (const g of u.staff) posts.set(g.role, (posts.get(g.role) ?? 0) + g.establishment);
          const countSeries = layout.monthlyNames.filter(
            (n) => !['demandHours', 'capacityHours', 'missedRecovery', 'recovered'].includes(n),
          );
          for (let r = 0; r < REPLICATIONS; r++) {
            replicate(ws, 'invariants', r, totals, monthly);
            const series = (name: string) => {
              const s = layout.monthlyNames.indexOf(name);
              return monthly.subarray(s * H, (s + 1) * H);
            };
            for (const name of countSeries)
              for (const x of series(name)) expect(Number.isInteger(x) && x >= 0).toBe(true);
            for (const id of layout.roleIds) {
              const inPost = series(`inPost.${id}`);
              const inTraining = series(`inTraining.${id}`);
              for (let t = 0; t < H; t++)
                expect(inPost[t]! + inTraining[t]!).toBeLessThanOrEqual(posts.get(id) ?? 0);
            }
            for (const x of series('capacityHours')) expect(x).toBeGreaterThanOrEqual(0);
          }
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );
});
