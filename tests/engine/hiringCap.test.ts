import { describe, expect, it } from 'vitest';
import { compileModel } from '../../src/engine/model.ts';
import { replicate, Workspace } from '../../src/engine/replicate.ts';
import { buildScenario, role } from './fixtures.ts';

/**
 * People in training at the end of each month for a unit of 10 posts, all vacant, hiring at most
 * `maxHiresPerMonth` a month with no leavers, no wait to hire, unlimited seats and training
 * longer than the horizon, so every recruit stays in training and nothing is random.
 */
function inTrainingByMonth(maxHiresPerMonth: number): number[] {
  const scenario = buildScenario({
    horizonMonths: 8,
    roles: [role(100, { trainingMonths: 60 })],
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
            recruitment: { mode: 'fill-vacancies', monthsToHire: 0, maxHiresPerMonth },
          },
        ],
      },
    ],
  });
  const model = compileModel(scenario);
  const { layout } = model;
  const H = layout.horizonMonths;
  const totals = new Float64Array(layout.totalNames.length);
  const monthly = new Float64Array(layout.monthlyNames.length * H);
  replicate(new Workspace(model), 'hiring', 0, totals, monthly);
  const s = layout.monthlyNames.indexOf('inTraining.fi');
  return Array.from(monthly.subarray(s * H, (s + 1) * H));
}

describe('the hiring cap', () => {
  // Recruitments started in a month begin training the next; vacancies count those in
  // recruitment, so hiring stops exactly at the establishment.
  it('starts no more than maxHiresPerMonth recruitments a month', () => {
    expect(inTrainingByMonth(3)).toEqual([0, 3, 6, 9, 10, 10, 10, 10]);
  });

  it('fills every vacancy at once when the cap is above them', () => {
    expect(inTrainingByMonth(20)).toEqual([0, 10, 10, 10, 10, 10, 10, 10]);
  });

  it('fills exactly the vacancies when the cap equals them', () => {
    expect(inTrainingByMonth(10)).toEqual([0, 10, 10, 10, 10, 10, 10, 10]);
  });

  it('hires no one with a cap of 0', () => {
    expect(inTrainingByMonth(0)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });
});
