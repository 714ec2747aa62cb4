import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyOption, baselineOf } from '../../src/options/applyOption.ts';
import {
  describeOption,
  editsBetween,
  withOption,
  withoutOption,
} from '../../src/options/optionChanges.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { smallWithOptions } from './fixture.ts';

describe('editsBetween', () => {
  const base = baselineOf(smallWithOptions());

  it('finds one change per edited field, in paths the file uses', () => {
    const edited = structuredClone(base);
    edited.units[0]!.staff[0]!.inPost = 6;
    edited.roles[0]!.trainingSeatsPerYear = 10;
    edited.units[0]!.demand[0]!.hoursPerItem = { dist: 'lognormal', median: 15, p90: 60 };
    const { changes, leftOut } = editsBetween(base, edited);
    expect(changes).toEqual([
      { field: 'roles[0].trainingSeatsPerYear', value: 10 },
      { field: 'units[0].staff[0].inPost', value: 6 },
      {
        field: 'units[0].demand[0].hoursPerItem',
        value: { dist: 'lognormal', median: 15, p90: 60 },
      },
    ]);
    expect(leftOut).toEqual([]);
  });

  it('gives back the edited scenario when its changes are applied to the baseline', () => {
    const edited = structuredClone(base);
    edited.units[0]!.staff[0]!.establishment = 9;
    edited.policy.triage = 'fifo';
    const { changes } = editsBetween(base, edited);
    const applied = applyOption(base, { name: 'Edits', changes });
    expect(applied.ok && applied.value).toEqual(edited);
  });

  it('records a removed optional field as null', () => {
    const limited: Scenario = { ...base, roles: [{ ...base.roles[0]!, trainingSeatsPerYear: 4 }] };
    expect(editsBetween(limited, base).changes).toEqual([
      { field: 'roles[0].trainingSeatsPerYear', value: null },
    ]);
  });

  it('takes a list whose items changed ids as one change of the whole list', () => {
    const edited = structuredClone(base);
    edited.units[0]!.demand.push({ ...edited.units[0]!.demand[0]!, id: 'fraud', name: 'Fraud' });
    const { changes } = editsBetween(base, edited);
    expect(changes).toHaveLength(1);
    expect(changes[0]!.field).toBe('units[0].demand');
  });

  it('leaves out what an option cannot hold, in the editor’s words', () => {
    const edited = { ...structuredClone(base), seed: 'other', horizonMonths: 36 };
    const { changes, leftOut } = editsBetween(base, edited);
    expect(changes).toEqual([]);
    expect(leftOut).toEqual(['Horizon: 24 → 36', 'Seed: small → other']);
  });
});

describe('describeOption', () => {
  it('names each change in the editor’s words', () => {
    const scenario = smallWithOptions();
    expect(describeOption(scenario, scenario.options![1]!)).toEqual([
      'Small force · Financial investigator · Posts: 6 → 10',
      'Small force · Financial investigator · Most hires a month: 1 → 2',
    ]);
  });
});

describe('withOption and withoutOption', () => {
  it('adds, replaces by name and removes options', () => {
    const scenario = smallWithOptions();
    const added = withOption(scenario, {
      name: 'Fill the 2 vacancies',
      changes: [{ field: 'units[0].staff[0].inPost', value: 5 }],
    });
    expect(added.options!.map((o) => o.name)).toEqual(['Four more posts', 'Fill the 2 vacancies']);
    expect(added.options![1]!.changes[0]!.value).toBe(5);
    const one = withoutOption(added, 'Four more posts');
    expect(one.options!.map((o) => o.name)).toEqual(['Fill the 2 vacancies']);
    expect('options' in withoutOption(one, 'Fill the 2 vacancies')).toBe(false);
  });
});

describe('editsBetween and applyOption together', () => {
  it('give back any edited scenario from its baseline (property)', () => {
    const base = baselineOf(smallWithOptions());
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 40 }),
        fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
        fc.constantFrom('value', 'fifo'),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (posts, people, seats, triage, attrition) => {
          const edited = structuredClone(base);
          const group = edited.units[0]!.staff[0]!;
          group.establishment = Math.max(posts, people);
          group.inPost = people;
          group.attritionPerYear = attrition;
          if (seats === undefined) delete edited.roles[0]!.trainingSeatsPerYear;
          else edited.roles[0]!.trainingSeatsPerYear = seats;
          edited.policy.triage = triage;
          const { changes } = editsBetween(base, edited);
          if (changes.length === 0) return expect(edited).toEqual(base);
          const applied = applyOption(base, { name: 'Edits', changes });
          expect(applied.ok && applied.value).toEqual(edited);
        },
      ),
      { seed: 22, numRuns: 200, interruptAfterTimeLimit: 5_000 },
    );
  });
});
