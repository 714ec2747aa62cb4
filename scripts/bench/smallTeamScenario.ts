import { LIMITS } from '../../src/scenario/limits.ts';

/**
 * A scenario small enough that a million replications finish in under a minute: peak memory of
 * such a run, and the page's work while it shows one, are dominated by what the run keeps per
 * replication, not by the model.
 */
export const SMALL_TEAM = {
  format: 'shortfall-scenario',
  schemaVersion: 1,
  name: 'Small team (memory benchmark)',
  horizonMonths: 12,
  seed: 'memory',
  replications: LIMITS.replications,
  roles: [{ id: 'fi', name: 'Financial investigator', trainingMonths: 3 }],
  units: [
    {
      id: 'team',
      name: 'Team',
      staff: [{ role: 'fi', establishment: 3, inPost: 2, recruitment: { mode: 'fill-vacancies' } }],
      demand: [
        {
          id: 'arrests',
          name: 'Arrests',
          kind: 'suspects',
          role: 'fi',
          casesPerMonth: { dist: 'poisson', mean: 2 },
          hoursPerItem: 40,
          assetProbability: 0.4,
          assetValue: { dist: 'lognormal', median: 5000, p90: 50000 },
        },
      ],
    },
  ],
};
