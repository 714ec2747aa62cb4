import { validateScenario } from '../../src/scenario/parse.ts';
import type { Scenario } from '../../src/scenario/schema.ts';

export interface TinyOptions {
  inPost?: number;
  casesPerMonth?: number | Record<string, unknown>;
  hoursPerItem?: number | Record<string, unknown>;
  attritionPerYear?: number;
  abstraction?: number;
  horizonMonths?: number;
  name?: string;
}

/**
 * One unit of financial investigators (100 productive hours a month each) with no leavers, no
 * recruitment and, unless told otherwise, 10 suspects a month of 25 hours each that must be
 * examined in the month they arrive: each investigator examines 4 a month, so capacity and the
 * number of suspects not examined are known exactly.
 */
export function tinyScenario(o: TinyOptions = {}): Scenario {
  const result = validateScenario({
    format: 'shortfall-scenario',
    schemaVersion: 1,
    name: o.name ?? 'Tiny unit',
    horizonMonths: o.horizonMonths ?? 12,
    seed: 'tiny',
    replications: 50,
    sources: [{ title: 'Test source', figures: ['units[0].staff[0].inPost'] }],
    assumptions: [{ field: 'units[0].demand', note: 'Made up for the test.' }],
    roles: [
      {
        id: 'fi',
        name: 'Financial investigator',
        productiveHoursPerYear: 1200,
        trainingMonths: 0,
        annualCost: 50_000,
      },
    ],
    units: [
      {
        id: 'u',
        name: 'Unit',
        staff: [
          {
            role: 'fi',
            establishment: o.inPost ?? 1,
            inPost: o.inPost ?? 1,
            attritionPerYear: o.attritionPerYear ?? 0,
            abstraction: o.abstraction ?? 0,
          },
        ],
        demand: [
          {
            id: 'd',
            name: 'Drug supply',
            kind: 'suspects',
            role: 'fi',
            casesPerMonth: o.casesPerMonth ?? 10,
            hoursPerItem: o.hoursPerItem ?? 25,
            assetProbability: 0.5,
            assetValue: { dist: 'lognormal', median: 10_000, p90: 50_000 },
            windowMonths: 0,
          },
        ],
      },
    ],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}
