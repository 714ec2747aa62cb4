import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../src/scenario/schema.ts';
import { fieldInfoAt, STAFF_GROUP } from '../../src/scenario/fieldInfo.ts';
import { keyInputs } from '../../src/state/keyInputs.ts';

const mps = JSON.parse(
  readFileSync(
    new URL('../../scenarios/mps-financial-investigators.json', import.meta.url),
    'utf8',
  ),
) as ScenarioInput;

describe('keyInputs', () => {
  it('states posts, people, vacancies and the pipeline for each staff group', () => {
    const lines = keyInputs(mps);
    expect(lines[0]).toBe('Horizon: 48 months.');
    expect(lines[1]).toBe(
      'Financial investigator, Metropolitan Police Service: Posts: 329 people; In post: 269 people; In training: 0 people (60 vacant); Leavers: 10% share per year; Abstraction: 15% share of hours; Recruitment: fill-vacancies; Time to hire: 6 months; Most hires a month: 3 recruitments started per month.',
    );
  });

  it('names every staff figure with the schema’s title and unit', () => {
    const line = keyInputs(mps)[1]!;
    for (const key of ['establishment', 'inPost', 'inTraining', 'attritionPerYear']) {
      const { title, unit } = fieldInfoAt([...STAFF_GROUP, key])!;
      expect(line).toMatch(new RegExp(`${title}: [\\d,%]+ ${unit}`));
    }
  });

  it('fills a left-out field with the schema’s default and leaves out hiring with no recruitment', () => {
    const file = structuredClone(mps);
    const group = file.units[0]!.staff[0]!;
    delete group.attritionPerYear;
    delete group.recruitment;
    const line = keyInputs(file)[1]!;
    expect(line).toContain(`Leavers: 10% share per year`);
    expect(line).toContain('Recruitment: none.');
    expect(line).not.toContain('Time to hire');
  });

  it('states each demand stream’s monthly volume and mean hours', () => {
    const scenario = structuredClone(mps);
    Object.assign(scenario.units[0]!.demand![0]!, {
      casesPerMonth: { dist: 'negbin', mean: 90, dispersion: 20 },
      itemsPerCase: { dist: 'poisson', mean: 4, shift: 1 },
      hoursPerItem: { dist: 'lognormal', median: 30, p90: 100 },
    });
    const drug = keyInputs(scenario).find((l) => l.startsWith('Drug supply arrests'));
    // 90 cases a month × (1 + 4) suspects; lognormal median 30, p90 100 has mean ≈ 46 hours.
    expect(drug).toMatch(
      /about 450 suspects a month; Hours per suspect or product: 4\d hours on average/,
    );
  });
});
