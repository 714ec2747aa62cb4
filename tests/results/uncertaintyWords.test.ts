import { describe, expect, it } from 'vitest';
import type { Summary } from '../../src/engine/aggregate/runAggregate.ts';
import { uncertainLabel, uncertaintySentence } from '../../src/results/uncertaintyWords.ts';
import { validateScenario } from '../../src/scenario/parse.ts';
import type { Scenario } from '../../src/scenario/schema.ts';

const scenario = (() => {
  const r = validateScenario({
    format: 'shortfall-scenario',
    schemaVersion: 2,
    name: 'Words',
    roles: [{ id: 'fi', name: 'Financial investigator' }],
    units: [
      {
        id: 'u',
        name: 'Met',
        staff: [
          {
            role: 'fi',
            establishment: 20,
            inPost: 10,
            attritionPerYear: { uncertain: { dist: 'uniform', min: 0.05, max: 0.15 } },
          },
        ],
        demand: [
          {
            id: 'd',
            name: 'Drug supply',
            kind: 'suspects',
            role: 'fi',
            casesPerMonth: {
              dist: 'poisson',
              mean: { uncertain: { dist: 'uniform', min: 30, max: 50 } },
            },
            hoursPerItem: { uncertain: { dist: 'uniform', min: 5, max: 15 } },
          },
        ],
      },
    ],
  });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
})();

function summaryWith(shares: Record<string, number>, chance: number): Summary {
  return { uncertainty: { unexaminedSuspects: { shares, chance } } } as unknown as Summary;
}

describe('uncertainty in words', () => {
  it('names fields and distribution parameters as the planner sees them', () => {
    expect(uncertainLabel(scenario, 'units[0].demand[0].hoursPerItem')).toBe(
      'Met, Drug supply: Hours per suspect or product',
    );
    expect(uncertainLabel(scenario, 'units[0].demand[0].casesPerMonth.mean')).toBe(
      'Met, Drug supply: Cases per month (average)',
    );
    expect(uncertainLabel(scenario, 'units[0].staff[0].attritionPerYear')).toBe(
      'Met, Financial investigator: Leavers',
    );
  });

  it('leads with the assumption that explains most, then chance, to the nearest 5%', () => {
    const s = summaryWith(
      {
        'units[0].demand[0].hoursPerItem': 0.61,
        'units[0].demand[0].casesPerMonth.mean': 0.22,
        'units[0].staff[0].attritionPerYear': 0.01,
      },
      0.16,
    );
    expect(uncertaintySentence(s, scenario as Scenario, 'unexaminedSuspects')).toBe(
      'Most of this range comes from not knowing Met, Drug supply: Hours per suspect or product (about 60%), about 20% from Met, Drug supply: Cases per month (average); chance adds about 15%.',
    );
  });

  it('says when no assumption leads, and when chance is all', () => {
    expect(
      uncertaintySentence(
        summaryWith({ 'units[0].demand[0].hoursPerItem': 0.3 }, 0.7),
        scenario,
        'unexaminedSuspects',
      ),
    ).toBe(
      'Of this range, about 30% comes from not knowing Met, Drug supply: Hours per suspect or product; chance adds about 70%.',
    );
    expect(
      uncertaintySentence(
        summaryWith({ 'units[0].demand[0].hoursPerItem': 0.01 }, 0.99),
        scenario,
        'unexaminedSuspects',
      ),
    ).toMatch(/^Almost all of this range is chance/);
    expect(uncertaintySentence({} as Summary, scenario, 'unexaminedSuspects')).toBeUndefined();
  });
});
