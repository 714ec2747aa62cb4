import { readFileSync } from 'node:fs';
import type { ScenarioInput } from '../../src/scenario/schema.ts';

/**
 * A national-scale scenario for the benchmark: the MPS financial investigator scenario's
 * demand and staffing, scaled to several forces of different sizes (tens of thousands of
 * suspects a year in all). Built from the MPS file as saved in format version 1, which the 0.1.0
 * engine the benchmark compares against reads alike; the built-in now has version 2's case
 * limit and funnel, which that engine would ignore, so timing it would compare different work.
 */
export function nationalScenario(): ScenarioInput {
  const mps = JSON.parse(
    readFileSync(
      new URL(
        '../../tests/fixtures/versions/v1-scenarios/mps-financial-investigators.json',
        import.meta.url,
      ),
      'utf8',
    ),
  ) as ScenarioInput;
  const forces: [string, number][] = [
    ['west-midlands', 0.35],
    ['greater-manchester', 0.35],
    ['west-yorkshire', 0.25],
    ['merseyside', 0.2],
    ['thames-valley', 0.2],
    ['northumbria', 0.15],
  ];
  const base = mps.units[0]!;
  const units = [
    base,
    ...forces.map(([id, share]) => ({
      ...base,
      id,
      name: id,
      pool: id,
      staff: base.staff.map((g) => ({
        ...g,
        establishment: Math.round(g.establishment * share),
        inPost: Math.round(g.inPost * share),
      })),
      demand: base.demand!.map((s) => ({
        ...s,
        id: `${id}-${s.id}`,
        casesPerMonth:
          typeof s.casesPerMonth === 'object' && 'mean' in s.casesPerMonth
            ? { ...s.casesPerMonth, mean: Math.max(1, s.casesPerMonth.mean * share) }
            : s.casesPerMonth,
      })),
    })),
  ];
  return { ...mps, name: 'National: seven forces (benchmark)', units };
}
