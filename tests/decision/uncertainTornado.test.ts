import { describe, expect, it } from 'vitest';
import { inThreadEvaluate } from '../../src/decision/evaluate.ts';
import { rankImportance } from '../../src/decision/rankImportance.ts';
import { spearman } from '../../src/decision/spearman.ts';
import { tornado } from '../../src/decision/tornado.ts';
import { assumptionRanges, inputsWithoutRange } from '../../src/decision/uncertainRanges.ts';
import { runScenario } from '../../src/engine/run.ts';
import { uncertainLabel } from '../../src/results/uncertaintyWords.ts';
import { validateScenario } from '../../src/scenario/parse.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { tinyScenario } from './tinyScenario.ts';

const CASES = 'units[0].demand[0].casesPerMonth.mean';
const IN_POST = 'units[0].staff[0].inPost';
const ASSET_MEDIAN = 'units[0].demand[0].assetValue.median';

/**
 * The tiny unit (each investigator examines 4 suspects of 25 hours a month, those not examined
 * in their month are lost) with a Poisson number of cases a month whose mean is uncertain,
 * uniform from 30 to 50, and a median asset value uncertain too, which changes no count. With
 * `inPost` uncertain, in post is uniform from 1 to 3 (rounded) against 3 posts.
 */
function uncertainTiny(inPost: 'uncertain' | 1): Scenario {
  const raw = JSON.parse(JSON.stringify(tinyScenario({ inPost: 3 })));
  const staff = raw.units[0].staff[0];
  const stream = raw.units[0].demand[0];
  staff.inPost = inPost === 1 ? 1 : { uncertain: { dist: 'uniform', min: 1, max: 3 } };
  stream.casesPerMonth = {
    dist: 'poisson',
    mean: { uncertain: { dist: 'uniform', min: 30, max: 50 } },
  };
  stream.assetValue = {
    dist: 'lognormal',
    median: { uncertain: { dist: 'uniform', min: 5000, max: 15000 } },
    p90: 50_000,
  };
  const result = validateScenario(raw);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

/**
 * Suspects not examined over 12 months with c cases a month on average and k investigators:
 * 12c − 48k, exactly, while at least 4k suspects arrive every month. In every run below a
 * month falls short with probability under 10⁻⁶ (fewer than 8 at a mean of 31, fewer than 12 at
 * a mean of 40). Its replications are Poisson(12c) less a constant.
 */
const expected = (c: number, k: number) => 12 * c - 48 * k;
const sd = (c: number) => Math.sqrt(12 * c);

describe('tornado over the uncertain assumptions', () => {
  const n = 400;
  const scenario = uncertainTiny('uncertain');

  it('moves each assumption across its own 5th–95th percentile, the others at their medians', async () => {
    const result = await tornado(
      scenario,
      { metric: 'unexaminedSuspects', seed: 'u', replications: n, sequential: false },
      inThreadEvaluate(),
    );
    expect(result.swing).toBe('ranges');
    expect(result.swingLabel).toBe(
      'each uncertain assumption across its own 5th–95th percentile, the others at their medians',
    );
    // Cases: 31 and 49 (uniform 30–50). In post: 1.1 and 2.9, rounded to 1 and 3; median 2.
    const byId = Object.fromEntries(result.rows.map((r) => [r.id, r]));
    expect(byId[CASES]).toMatchObject({ lowValue: 31, median: 40, highValue: 49 });
    expect(byId[IN_POST]).toMatchObject({ lowValue: 1, median: 2, highValue: 3 });
    expect(result.rows.map((r) => r.id)).toEqual([CASES, IN_POST, ASSET_MEDIAN]);
    expect(result.rows.map((r) => r.label)).toEqual(
      [CASES, IN_POST, ASSET_MEDIAN].map((p) => uncertainLabel(scenario, p)),
    );
    expect(byId[CASES]!.lowSetting).toBe('31 (5th percentile)');
    expect(byId[CASES]!.highSetting).toBe('49 (95th percentile)');

    // Every run has n replications, so each mean is that of its own n replications, within 4
    // standard errors; a swing's replications are paired, its sd at most the two sds summed.
    const near = (value: number, want: number, sds: number) =>
      expect(Math.abs(value - want)).toBeLessThan((4 * sds) / Math.sqrt(n));
    near(result.baseMean, expected(40, 2), sd(40));
    near(byId[CASES]!.lowMean, expected(31, 2), sd(31));
    near(byId[CASES]!.highMean, expected(49, 2), sd(49));
    near(byId[CASES]!.swing, 216, sd(31) + sd(49));
    near(byId[IN_POST]!.lowMean, expected(40, 1), sd(40));
    near(byId[IN_POST]!.highMean, expected(40, 3), sd(40));
    near(byId[IN_POST]!.swing, -96, 2 * sd(40));
    expect(byId[CASES]!.swing).toBeGreaterThan(0);
    expect(byId[IN_POST]!.swing).toBeLessThan(0);
    // Asset values change which suspects are examined, never how many.
    near(byId[ASSET_MEDIAN]!.swing, 0, 2 * sd(40));
  });

  it('lists the inputs with no range given, in the planner’s words', async () => {
    const result = await tornado(
      scenario,
      { metric: 'unexaminedSuspects', seed: 'u', replications: 4, sequential: false },
      inThreadEvaluate(),
    );
    // Cases a month and asset value have ranges (in a parameter); the unit does not recruit.
    const paths = [
      'units[0].staff[0].attritionPerYear',
      'units[0].staff[0].abstraction',
      'units[0].demand[0].hoursPerItem',
      'units[0].demand[0].assetProbability',
    ];
    expect(result.noRange).toEqual(
      paths.map((path) => ({ path, label: uncertainLabel(scenario, path) })),
    );
    expect(result.noRange.map((r) => r.label)).toContain(
      'Unit, Drug supply: Hours per suspect or product',
    );
    expect(inputsWithoutRange(tinyScenario()).map((r) => r.path)).toEqual([
      'units[0].staff[0].attritionPerYear',
      'units[0].staff[0].abstraction',
      'units[0].demand[0].casesPerMonth',
      'units[0].demand[0].hoursPerItem',
      'units[0].demand[0].assetProbability',
      'units[0].demand[0].assetValue',
    ]);
  });

  it('settles each bar sequentially with the same order and signs', async () => {
    const result = await tornado(
      scenario,
      { metric: 'unexaminedSuspects', seed: 'u', replications: 1600 },
      inThreadEvaluate(),
    );
    expect(result.sequential).toBe(true);
    expect(result.rows.slice(0, 2).map((r) => [r.id, Math.sign(r.swing)])).toEqual([
      [CASES, 1],
      [IN_POST, -1],
    ]);
    for (const row of result.rows.slice(0, 2)) {
      expect(row.settled).toBe(true);
      const want = row.id === CASES ? 216 : -96;
      expect(Math.abs(row.swing - want)).toBeLessThanOrEqual(row.halfWidth);
    }
  });

  it('keeps ±20% as a labelled option, each uncertain assumption at its median', async () => {
    const result = await tornado(
      scenario,
      {
        metric: 'unexaminedSuspects',
        seed: 'u',
        replications: n,
        sequential: false,
        swing: 'relative',
        inputs: [{ id: 'casesPerMonth' }],
      },
      inThreadEvaluate(),
    );
    expect(result.swing).toBe('relative');
    expect(result.swingLabel).toBe('±20% of each input');
    expect(result.relativeChange).toBe(0.2);
    expect(result.note).toBe(
      '±20% of each input, ignoring the ranges the scenario gives; each uncertain assumption is held at its median.',
    );
    expect(result.noRange).toEqual([]);
    // Cases a month at 32 and 48 (40 ± 20%), two investigators.
    const [row] = result.rows;
    const near = (value: number, want: number, sds: number) =>
      expect(Math.abs(value - want)).toBeLessThan((4 * sds) / Math.sqrt(n));
    near(row!.lowMean, expected(32, 2), sd(32));
    near(row!.highMean, expected(48, 2), sd(48));
  });

  it('defaults to ±20% with a note when no assumption has a range, and refuses ranges then', async () => {
    const result = await tornado(
      tinyScenario(),
      { metric: 'unexaminedSuspects', seed: 'u', replications: 2 },
      inThreadEvaluate(),
    );
    expect(result.swing).toBe('relative');
    expect(result.note).toMatch(/^No assumption in this scenario has a range given/);
    await expect(
      tornado(
        tinyScenario(),
        { metric: 'unexaminedSuspects', seed: 'u', replications: 2, swing: 'ranges' },
        inThreadEvaluate(),
      ),
    ).rejects.toThrow(/No assumption in this scenario has a range given/);
  });

  it('gives each assumption its percentiles as a replication would take them', () => {
    const pert = JSON.parse(JSON.stringify(tinyScenario()));
    pert.units[0].staff[0].attritionPerYear = {
      uncertain: { dist: 'pert', min: 0.06, mode: 0.1, max: 0.16 },
    };
    const checked = validateScenario(pert);
    if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
    const [range] = assumptionRanges(checked.value);
    // The PERT is Beta(2.6, 3.4) on [0.06, 0.16]: its 5th, 50th and 95th percentiles are
    // 0.0739280, 0.1025471 and 0.1354452 (from the beta's own tables, scipy.stats.beta.ppf).
    expect(range!.low).toBeCloseTo(0.073928, 6);
    expect(range!.median).toBeCloseTo(0.1025471, 6);
    expect(range!.high).toBeCloseTo(0.1354452, 6);
    expect(range!.unit).toBe('share per year');
  });
});

/**
 * The population rank correlation of an uncertain mean m ~ U(30, 50) with S − 48, where
 * S | m ~ Poisson(12m): corr(F(m), G(S)) with G the mid-rank distribution function of S, which
 * the sample Spearman coefficient (ties at their average rank) estimates. Integrated over m on
 * a fine grid, with S's probabilities by the Poisson recurrence.
 */
function expectedRho(): number {
  const grid = 2000;
  const top = 900;
  const pmfs: Float64Array[] = [];
  const marginal = new Float64Array(top);
  for (let k = 0; k < grid; k++) {
    const lambda = 12 * (30 + (20 * (k + 0.5)) / grid);
    const p = new Float64Array(top);
    p[0] = Math.exp(-lambda);
    for (let s = 1; s < top; s++) p[s] = (p[s - 1]! * lambda) / s;
    pmfs.push(p);
    for (let s = 0; s < top; s++) marginal[s]! += p[s]! / grid;
  }
  const mid = new Float64Array(top);
  let below = 0;
  for (let s = 0; s < top; s++) {
    mid[s] = below + marginal[s]! / 2;
    below += marginal[s]!;
  }
  let meanG = 0;
  let squares = 0;
  for (let s = 0; s < top; s++) {
    meanG += marginal[s]! * mid[s]!;
    squares += marginal[s]! * mid[s]! ** 2;
  }
  let cross = 0;
  pmfs.forEach((p, k) => {
    let g = 0;
    for (let s = 0; s < top; s++) g += p[s]! * mid[s]!;
    cross += (((k + 0.5) / grid) * g) / grid;
  });
  return (cross - 0.5 * meanG) / Math.sqrt((1 / 12) * (squares - meanG ** 2));
}

describe('rank importance of the uncertain assumptions', () => {
  it('puts the dominant assumption first, its rho near the expected value', () => {
    const n = 1000;
    const scenario = uncertainTiny(1);
    const run = runScenario(scenario, { seed: 'rank', replications: n });
    const rank = rankImportance(run, 'unexaminedSuspects', scenario);
    expect(rank.replications).toBe(n);
    expect(rank.assumptions.map((r) => r.name)).toEqual([
      `uncertain.${CASES}`,
      `uncertain.${ASSET_MEDIAN}`,
    ]);
    expect(rank.assumptions[0]!.label).toBe(uncertainLabel(scenario, CASES));
    for (const row of rank.assumptions) {
      expect(row.rho).toBe(spearman(run.values(row.name), run.values('unexaminedSuspects')));
    }
    // Fisher's z of a Spearman coefficient has variance about (1 + ρ²/2)/(n − 3) (Bonett and
    // Wright); each is within 4 of its standard errors of the expected value.
    const within = (r: number, rho: number) =>
      expect(Math.abs(Math.atanh(r) - Math.atanh(rho))).toBeLessThan(
        4 * Math.sqrt((1 + rho ** 2 / 2) / (n - 3)),
      );
    const rho = expectedRho();
    expect(rho).toBeGreaterThan(0.9);
    within(rank.assumptions[0]!.rho, rho);
    within(rank.assumptions[1]!.rho, 0);
    // The realised totals are still listed, apart.
    expect(rank.realised.map((r) => r.name).sort()).toEqual(
      ['capacityHours', 'demandHours', 'suspectsArrived', 'suspectsWithAssets'].sort(),
    );
  });

  it('lists no assumptions for a scenario without ranges', () => {
    const run = runScenario(tinyScenario(), { seed: 'rank', replications: 20 });
    expect(rankImportance(run, 'unexaminedSuspects').assumptions).toEqual([]);
  });
});
