import { describeProblems } from '../../src/scenario/problem.ts';
import { validateScenario } from '../../src/scenario/parse.ts';
import type { Scenario, ScenarioInput } from '../../src/scenario/schema.ts';

type UnitInput = ScenarioInput['units'][number];
type DemandInput = NonNullable<UnitInput['demand']>[number];

/** What a test scenario must say; the file header and the name are filled in. */
export type ScenarioParts = Omit<ScenarioInput, 'format' | 'schemaVersion' | 'name'> & {
  name?: string;
};

/**
 * A scenario as the engine reads it, with every default applied by the same validation a file
 * goes through, so tests exercise the defaults an analyst gets.
 */
export function buildScenario(parts: ScenarioParts): Scenario {
  const result = validateScenario({
    format: 'shortfall-scenario',
    schemaVersion: 2,
    name: 'Test scenario',
    ...parts,
  });
  if (!result.ok) throw new Error(describeProblems(result.problems).join('\n'));
  return result.value;
}

/** One role whose staff give `hoursPerMonth` each, and no training limit unless given. */
export function role(
  hoursPerMonth: number,
  extra: Partial<ScenarioInput['roles'][number]> = {},
): ScenarioInput['roles'][number] {
  return {
    id: 'fi',
    name: 'Financial investigator',
    productiveHoursPerYear: hoursPerMonth * 12,
    ...extra,
  };
}

/**
 * A one-unit, one-role scenario: `people` in post who never leave nor are replaced, working
 * `hoursPerMonth` each on one stream of suspects, first in first out, money rates that are
 * exact in binary (1/2 recovered, 1/4 to the force).
 */
export function oneUnit(options: {
  people: number;
  hoursPerMonth: number;
  demand: DemandInput[];
  horizonMonths?: number;
  replications?: number;
  triage?: 'fifo' | 'value';
  triageAccuracy?: number;
}): Scenario {
  return buildScenario({
    horizonMonths: options.horizonMonths ?? 12,
    replications: options.replications ?? 1,
    roles: [role(options.hoursPerMonth)],
    units: [
      {
        id: 'u',
        name: 'Unit',
        staff: [
          {
            role: 'fi',
            establishment: options.people,
            inPost: options.people,
            attritionPerYear: 0,
          },
        ],
        demand: options.demand,
      },
    ],
    policy: { triage: options.triage ?? 'fifo', triageAccuracy: options.triageAccuracy ?? 0.6 },
    finance: ONE_STAGE_FUNNEL,
  });
}

/**
 * A funnel that collects half of every examined suspect's assets in the month of examination:
 * the money rates are exact in binary (1/2 recovered, 1/4 of that to the force).
 */
export const ONE_STAGE_FUNNEL = {
  orderProbability: 1,
  orderShare: 1,
  collection: [{ collected: 0.5 }],
  monthsToReceipt: 0,
  forceShare: 0.25,
};

/** A stream of suspects, one per case, with the given cases, hours and window. */
export function suspects(id: string, fields: Partial<DemandInput> = {}): DemandInput {
  return {
    id,
    name: id,
    kind: 'suspects',
    role: 'fi',
    casesPerMonth: 10,
    hoursPerItem: 1,
    windowMonths: 0,
    ...fields,
  };
}

/**
 * The scenario of the golden summary: two roles, a pooled pair of units, hiring through limited
 * training seats, growth, every kind of distribution and value triage, over two years.
 */
export const GOLDEN_SCENARIO: ScenarioParts = {
  name: 'Golden: small force',
  horizonMonths: 24,
  seed: 'golden',
  replications: 40,
  roles: [
    { id: 'fi', name: 'Financial investigator', trainingSeatsPerYear: 6, trainingMonths: 9 },
    { id: 'an', name: 'Analyst', productiveHoursPerYear: 1400, trainingMonths: 6 },
  ],
  units: [
    {
      id: 'north',
      name: 'North',
      pool: 'region',
      staff: [
        {
          role: 'fi',
          establishment: 12,
          inPost: 8,
          inTraining: 2,
          attritionPerYear: 0.12,
          abstraction: 0.1,
          recruitment: { mode: 'fill-vacancies', monthsToHire: 3, maxHiresPerMonth: 1 },
        },
        { role: 'an', establishment: 4, inPost: 3, attritionPerYear: 0.08 },
      ],
      demand: [
        {
          id: 'drugs',
          name: 'Drug supply arrests',
          kind: 'suspects',
          role: 'fi',
          casesPerMonth: { dist: 'negbin', mean: 20, dispersion: 4 },
          itemsPerCase: { dist: 'poisson', mean: 1.5, shift: 1 },
          hoursPerItem: { dist: 'lognormal', median: 20, p90: 60 },
          assetProbability: 0.4,
          assetValue: { dist: 'lognormal', median: 8000, p90: 80000 },
          windowMonths: 2,
          growthPerYear: 0.05,
        },
        {
          id: 'profiles',
          name: 'Network profiles',
          kind: 'products',
          role: 'an',
          casesPerMonth: { dist: 'triangular', min: 2, mode: 5, max: 9 },
          hoursPerItem: { dist: 'pert', min: 20, mode: 40, max: 90 },
          windowMonths: 1,
        },
      ],
    },
    {
      id: 'south',
      name: 'South',
      pool: 'region',
      staff: [{ role: 'fi', establishment: 6, inPost: 5, attritionPerYear: 0.1 }],
      demand: [
        {
          id: 'fraud',
          name: 'Fraud referrals',
          kind: 'suspects',
          role: 'fi',
          casesPerMonth: { dist: 'uniform', min: 3, max: 8 },
          hoursPerItem: { dist: 'normal', mean: 30, sd: 10 },
          assetProbability: 0.7,
          assetValue: { dist: 'lognormal', median: 20000, p90: 150000 },
          windowMonths: 3,
        },
      ],
    },
  ],
  policy: { triage: 'value', triageAccuracy: 0.6 },
};

export const GOLDEN_PATH = new URL('./__golden__/small.json', import.meta.url);
