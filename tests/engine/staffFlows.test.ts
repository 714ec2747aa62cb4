import { describe, expect, it } from 'vitest';
import { seatsOffered } from '../../src/engine/staffFlows.ts';
import { validateScenario } from '../../src/scenario/parse.ts';
import type { ScenarioInput } from '../../src/scenario/schema.ts';
import { buildScenario } from './fixtures.ts';
import { one, perReplication } from './oneReplication.ts';

describe('seatsOffered', () => {
  it('offers ⌊S(t + 1)/12⌋ − ⌊St/12⌋ seats in month t, S a year and 20·S in 240 months', () => {
    for (let perYear = 1; perYear <= 120; perYear++) {
      let total = 0;
      for (let year = 0; year < 20; year++) {
        let inYear = 0;
        for (let m = 0; m < 12; m++) {
          const t = 12 * year + m;
          const seats = seatsOffered(perYear, t);
          // Whole twelfths in integers: the seats accrued by the end of month t less those before it.
          const accrued = (months: number) => (perYear * months - ((perYear * months) % 12)) / 12;
          expect(seats, `S = ${perYear}, t = ${t}`).toBe(accrued(t + 1) - accrued(t));
          inYear += seats;
        }
        expect(inYear, `S = ${perYear}, year ${year}`).toBe(perYear);
        total += inYear;
      }
      expect(total, `S = ${perYear}`).toBe(20 * perYear);
    }
  });

  it('offers a seat in the third month at 8 seats a year, where a carried fraction would not', () => {
    expect([0, 1, 2, 3, 4, 5].map((t) => seatsOffered(8, t))).toEqual([0, 1, 1, 0, 1, 1]);
  });

  it('offers no seats at 0 a year and unlimited seats when there is no limit', () => {
    expect(seatsOffered(0, 7)).toBe(0);
    expect(seatsOffered(Infinity, 7)).toBe(Infinity);
  });
});

/** One FI group that never loses anyone, with the pipeline fields given. */
function pipeline(
  group: Partial<ScenarioInput['units'][number]['staff'][number]>,
  roleFields: Partial<ScenarioInput['roles'][number]> = {},
  replications = 1,
) {
  return buildScenario({
    horizonMonths: 8,
    replications,
    roles: [{ id: 'fi', name: 'FI', trainingMonths: 2, ...roleFields }],
    units: [
      {
        id: 'u',
        name: 'U',
        staff: [
          {
            role: 'fi',
            establishment: 10,
            inPost: 0,
            attritionPerYear: 0,
            recruitment: { mode: 'none', monthsToHire: 3 },
            ...group,
          },
        ],
      },
    ],
  });
}

describe('the starting pipeline (inRecruitment)', () => {
  it('spreads recruitments under way over the months to hire, the most recent first', () => {
    // 5 under way, 3 months to hire: started in months −1, −2, −3, −1, −2, so 1 starts training
    // in month 0 and 2 in each of months 1 and 2; each qualifies 2 months after starting.
    const { series } = one(pipeline({ inRecruitment: 5 }));
    expect(series('inTraining.fi')).toEqual([1, 3, 4, 2, 0, 0, 0, 0]);
    expect(series('inPost.fi')).toEqual([0, 0, 1, 3, 5, 5, 5, 5]);
  });

  it('waits for training seats like any recruit', () => {
    // 12 seats a year is one a month: the 5 start training one a month from month 0.
    const { series } = one(pipeline({ inRecruitment: 5 }, { trainingSeatsPerYear: 12 }));
    expect(series('inTraining.fi')).toEqual([1, 2, 2, 2, 2, 1, 0, 0]);
    expect(series('inPost.fi')).toEqual([0, 0, 1, 2, 3, 4, 5, 5]);
  });

  it('counts against vacancies, so no one else is recruited for those posts', () => {
    const { series } = one(
      pipeline({
        inPost: 6,
        inRecruitment: 4,
        recruitment: { mode: 'fill-vacancies', monthsToHire: 1, maxHiresPerMonth: 5 },
      }),
    );
    // Posts 10 = 6 in post + 4 under way: the 4 train and qualify, and nobody else is hired.
    expect(series('inTraining.fi')).toEqual([4, 4, 0, 0, 0, 0, 0, 0]);
    expect(series('inPost.fi')).toEqual([6, 6, 10, 10, 10, 10, 10, 10]);
  });

  it('is refused when people in post, in training and in recruitment exceed the posts', () => {
    const file = {
      format: 'shortfall-scenario',
      schemaVersion: 1,
      name: 'Too many',
      roles: [{ id: 'fi', name: 'FI' }],
      units: [
        {
          id: 'u',
          name: 'U',
          staff: [{ role: 'fi', establishment: 5, inPost: 3, inTraining: 1, inRecruitment: 2 }],
        },
      ],
    };
    const result = validateScenario(file);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems.map((p) => p.path)).toEqual(['units[0].staff[0].inRecruitment']);
      expect(result.problems[0]!.message).toMatch(/more than the 5 posts/);
    }
  });
});

describe('accreditation (accreditationRate)', () => {
  it('puts every trainee in post at 1 and none at 0, the others leaving at the end of training', () => {
    const all = one(pipeline({ inTraining: 4 }, { accreditationRate: 1 }));
    expect(all.series('inPost.fi')).toEqual([2, 4, 4, 4, 4, 4, 4, 4]);
    const none = one(pipeline({ inTraining: 4 }, { accreditationRate: 0 }));
    expect(none.series('inPost.fi')).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(none.series('inTraining.fi')).toEqual([2, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('takes a rate too small to subtract from 1 as 0, rather than waiting for ever', () => {
    const tiny = one(pipeline({ inTraining: 4 }, { accreditationRate: 1e-300 }));
    expect(tiny.series('inPost.fi')).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('gives the same results at 1 as with no rate, drawing nothing', () => {
    const scenario = (rate?: number) =>
      pipeline(
        {
          inPost: 3,
          inTraining: 3,
          attritionPerYear: 0.2,
          recruitment: { mode: 'fill-vacancies', monthsToHire: 1 },
        },
        { accreditationRate: rate },
        20,
      );
    expect(perReplication(scenario(1), 'inPost.fi', 20)).toEqual(
      perReplication(scenario(undefined), 'inPost.fi', 20),
    );
  });

  it('qualifies Binomial(trainees, rate) within the confidence interval of the replications', () => {
    // 100 trainees all finishing in month 0 (1 month of training), none leaving: in post at the
    // end is Binomial(100, 0.7), mean 70 and variance 21.
    const R = 2000;
    const scenario = buildScenario({
      horizonMonths: 1,
      replications: R,
      roles: [{ id: 'fi', name: 'FI', trainingMonths: 1, accreditationRate: 0.7 }],
      units: [
        {
          id: 'u',
          name: 'U',
          staff: [
            { role: 'fi', establishment: 100, inPost: 0, inTraining: 100, attritionPerYear: 0 },
          ],
        },
      ],
    });
    const inPost = perReplication(scenario, 'inPost.fi', R);
    const mean = inPost.reduce((a, b) => a + b, 0) / R;
    const variance = inPost.reduce((a, b) => a + (b - mean) ** 2, 0) / (R - 1);
    expect(Math.abs(mean - 70)).toBeLessThan(4 * Math.sqrt(21 / R));
    // The sample variance of a binomial has variance about 2σ⁴/(R − 1) (kurtosis near normal).
    expect(Math.abs(variance - 21)).toBeLessThan(4 * Math.sqrt((2 * 21 * 21) / (R - 1)));
    expect(perReplication(scenario, 'inTraining.fi', R).every((x) => x === 0)).toBe(true);
  });
});
