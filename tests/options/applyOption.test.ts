import { describe, expect, it } from 'vitest';
import {
  applyOption,
  baselineOf,
  checkOptions,
  chooseOptions,
} from '../../src/options/applyOption.ts';
import { validateScenario } from '../../src/scenario/parse.ts';
import type { Scenario, ScenarioOption } from '../../src/scenario/schema.ts';
import { smallWithOptions } from './fixture.ts';

const option = (changes: ScenarioOption['changes'], name = 'Try'): ScenarioOption => ({
  name,
  changes,
});

describe('applyOption', () => {
  const scenario = smallWithOptions();

  it('makes each change on the baseline and leaves the options out', () => {
    const applied = applyOption(scenario, scenario.options![1]!);
    expect(applied.ok).toBe(true);
    if (!applied.ok) return;
    expect(applied.value.units[0]!.staff[0]!.establishment).toBe(10);
    expect(applied.value.units[0]!.staff[0]!.recruitment.maxHiresPerMonth).toBe(2);
    expect(applied.value.options).toBeUndefined();
    // Nothing else moved: the rest is the baseline's.
    const back = structuredClone(applied.value);
    back.units[0]!.staff[0]!.establishment = 6;
    back.units[0]!.staff[0]!.recruitment.maxHiresPerMonth = 1;
    expect(back).toEqual(baselineOf(scenario));
    // The scenario itself is untouched.
    expect(scenario.units[0]!.staff[0]!.establishment).toBe(6);
  });

  it('removes an optional field given null (no limit on training seats)', () => {
    const limited: Scenario = {
      ...scenario,
      roles: [{ ...scenario.roles[0]!, trainingSeatsPerYear: 4 }],
    };
    const applied = applyOption(
      limited,
      option([{ field: 'roles[0].trainingSeatsPerYear', value: null }]),
    );
    expect(applied.ok && applied.value.roles[0]!.trainingSeatsPerYear).toBeUndefined();
    expect(applied.ok && 'trainingSeatsPerYear' in applied.value.roles[0]!).toBe(false);
  });

  it.each(['seed', 'replications', 'horizonMonths', 'name', 'options'])(
    'refuses a change to %s, which every option keeps',
    (field) => {
      const applied = applyOption(scenario, option([{ field, value: 12 }]), 0);
      expect(applied.ok).toBe(false);
      if (applied.ok) return;
      expect(applied.problems[0]!.path).toBe('options[0].changes[0].field');
      expect(applied.problems[0]!.message).toContain('option “Try”');
      expect(applied.problems[0]!.message).toContain('keeps the baseline’s horizon, seed');
    },
  );

  it('refuses a field that is not in the scenario, saying what to do', () => {
    const applied = applyOption(
      scenario,
      option([{ field: 'units[3].staff[0].inPost', value: 2 }]),
      1,
    );
    expect(applied.ok).toBe(false);
    if (applied.ok) return;
    expect(applied.problems[0]!.path).toBe('options[1].changes[0].field');
    expect(applied.problems[0]!.message).toMatch(
      /no field “units\[3\]\.staff\[0\]\.inPost”.*Remove/,
    );
  });

  it('refuses an option that would break the scenario, naming the field', () => {
    const applied = applyOption(
      scenario,
      option([{ field: 'units[0].staff[0].inPost', value: 9 }], 'Too many'),
      0,
    );
    expect(applied.ok).toBe(false);
    if (applied.ok) return;
    expect(applied.problems[0]!.message).toContain('option “Too many”');
    expect(applied.problems[0]!.message).toContain('units[0].staff[0].inPost');
    expect(applied.problems[0]!.message).toContain('more than the 6 posts');
  });

  it('refuses a value of the wrong kind with the schema’s message', () => {
    const applied = applyOption(
      scenario,
      option([{ field: 'policy.triageAccuracy', value: 'high' }]),
      0,
    );
    expect(applied.ok).toBe(false);
    if (applied.ok) return;
    expect(applied.problems[0]!.message).toContain('policy.triageAccuracy');
  });
});

describe('checkOptions, on reading a file', () => {
  const scenario = smallWithOptions();

  it('accepts the fixture’s options', () => {
    expect(checkOptions(scenario)).toEqual([]);
  });

  it('refuses two options of the same name', () => {
    const twice = { ...scenario, options: [scenario.options![0]!, scenario.options![0]!] };
    const problems = checkOptions(twice);
    expect(problems).toEqual([
      {
        path: 'options[1].name',
        message:
          '“Fill the 2 vacancies” is the name of another option; give each option its own name.',
      },
    ]);
  });

  it('makes validateScenario refuse a file whose option is broken', () => {
    const broken = {
      ...scenario,
      options: [option([{ field: 'units[0].staff[0].inPost', value: 9 }], 'Too many')],
    };
    const result = validateScenario(broken);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]!.path).toBe('options[0]');
  });
});

describe('chooseOptions', () => {
  const scenario = smallWithOptions();

  it('gives every option when none is named, in the file’s order', () => {
    expect(chooseOptions(scenario, []).map((o) => o.name)).toEqual([
      'Fill the 2 vacancies',
      'Four more posts',
    ]);
  });

  it('gives the named ones in the order asked', () => {
    expect(
      chooseOptions(scenario, ['Four more posts', 'Fill the 2 vacancies']).map((o) => o.name),
    ).toEqual(['Four more posts', 'Fill the 2 vacancies']);
  });

  it('names the options there are when asked for one that is not', () => {
    expect(() => chooseOptions(scenario, ['Nine'])).toThrow(
      'The scenario has no option “Nine”. Its options are “Fill the 2 vacancies”, “Four more posts”.',
    );
  });
});
