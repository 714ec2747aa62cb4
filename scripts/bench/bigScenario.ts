import { LIMITS } from '../../src/scenario/limits.ts';

/** Shapes the streams cycle through, so every kind of distribution editor is on the page. */
const CASES = [
  { dist: 'poisson', mean: 0.2 },
  { dist: 'negbin', mean: 0.2, dispersion: 5 },
  0.1,
] as const;
const HOURS = [
  { dist: 'lognormal', median: 30, p90: 90 },
  { dist: 'triangular', min: 10, mode: 20, max: 60 },
  { dist: 'pert', min: 10, mode: 20, max: 60 },
  { dist: 'uniform', min: 10, max: 40 },
  { dist: 'normal', mean: 25, sd: 5 },
  25,
] as const;

/**
 * A scenario at every count limit at once: the most roles, the most units, the most staff groups
 * in each unit and the most demand streams in each, with demand small enough to stay within the
 * limits on expected cases and items.
 */
export function bigScenario(): Record<string, unknown> {
  const roles = Array.from({ length: LIMITS.roles }, (_, r) => ({
    id: `role-${r + 1}`,
    name: `Role ${r + 1}`,
    trainingMonths: 3,
  }));
  const units = Array.from({ length: LIMITS.units }, (_, u) => ({
    id: `unit-${u + 1}`,
    name: `Unit ${u + 1}`,
    staff: roles.slice(0, LIMITS.staffGroupsPerUnit).map((role, s) => ({
      role: role.id,
      establishment: 10 + s,
      inPost: 8 + s,
      recruitment: { mode: 'fill-vacancies' },
    })),
    demand: Array.from({ length: LIMITS.demandStreamsPerUnit }, (_, d) => ({
      id: `u${u + 1}-s${d + 1}`,
      name: `Stream ${d + 1} of unit ${u + 1}`,
      kind: d % 2 === 0 ? 'suspects' : 'products',
      role: roles[d % roles.length]!.id,
      casesPerMonth: CASES[d % CASES.length],
      itemsPerCase: { dist: 'poisson', mean: 1, shift: 1 },
      hoursPerItem: HOURS[d % HOURS.length],
      assetProbability: 0.3,
      assetValue: { dist: 'lognormal', median: 5000, p90: 50000 },
    })),
  }));
  return {
    format: 'shortfall-scenario',
    schemaVersion: 1,
    name: 'Largest file within the limits',
    horizonMonths: 24,
    seed: 'big-file',
    replications: 100,
    roles,
    units,
  };
}
