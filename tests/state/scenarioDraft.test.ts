import { describe, expect, it } from 'vitest';
import { ScenarioDraft } from '../../src/state/scenarioDraft.svelte.ts';
import type { ScenarioInput } from '../../src/scenario/schema.ts';
import mps from '../../scenarios/mps-financial-investigators.json';
import { bigScenario } from '../../scripts/bench/bigScenario.ts';
import { validateScenario } from '../../src/scenario/parse.ts';

const fresh = () => new ScenarioDraft(structuredClone(mps) as ScenarioInput);

describe('ScenarioDraft', () => {
  it('starts valid with the built-in scenario', () => {
    const draft = fresh();
    expect(draft.problems).toEqual([]);
    expect(draft.scenario?.units[0]!.staff[0]!.inPost).toBe(269);
  });

  it('keeps text that is not a number and reports the problem at its path', () => {
    const draft = fresh();
    const path = ['units', 0, 'staff', 0, 'inPost'];
    draft.set(path, '26x');
    expect(draft.get(path)).toBe('26x');
    expect(draft.scenario).toBeUndefined();
    expect(draft.problemsAt(path).length).toBe(1);
    draft.set(path, 300);
    expect(draft.problemsAt(path)).toEqual([]);
    expect(draft.scenario?.units[0]!.staff[0]!.inPost).toBe(300);
  });

  it('counts each change, so shown results can be marked out of date', () => {
    const draft = fresh();
    const before = draft.revision;
    draft.set(['roles', 0, 'annualCost'], 60000);
    expect(draft.revision).toBe(before + 1);
    draft.set(['roles', 0, 'annualCost'], 60000);
    expect(draft.revision).toBe(before + 1);
  });

  it('never changes the scenario it was loaded from', () => {
    const original = structuredClone(mps) as ScenarioInput;
    const copy = structuredClone(original);
    const draft = new ScenarioDraft(original);
    draft.set(['units', 0, 'staff', 0, 'establishment'], 400);
    expect(original).toEqual(copy);
  });

  it('gathers problems inside a distribution under its field', () => {
    const draft = fresh();
    draft.set(['units', 0, 'demand', 0, 'hoursPerItem'], {
      dist: 'lognormal',
      median: 30,
      p90: 10,
    });
    const messages = draft.problemsAt(['units', 0, 'demand', 0, 'hoursPerItem']);
    expect(messages.join(' ')).toMatch(/^1 in 10 above: /);
    expect(messages.join(' ')).not.toMatch(/p90/);
  });
});

describe('ScenarioDraft.loadValid', () => {
  const files = [
    ['the MPS scenario', mps],
    ['a file at every count limit', bigScenario()],
  ] as const;

  it.each(files)(
    'is safe because validating %s again gives back exactly what validation gave',
    (_, file) => {
      const once = validateScenario(structuredClone(file));
      if (!once.ok) throw new Error(once.problems[0]!.message);
      const twice = validateScenario(structuredClone(once.value));
      expect(twice.ok && twice.value).toEqual(once.value);
    },
  );

  it('takes the validated scenario as it is, and validates again after an edit', () => {
    const once = validateScenario(structuredClone(mps));
    if (!once.ok) throw new Error('The MPS scenario is invalid.');
    const draft = fresh();
    draft.loadValid(once.value);
    expect(draft.scenario).toBe(once.value);
    draft.set(['units', 0, 'staff', 0, 'inPost'], 'x');
    expect(draft.scenario).toBeUndefined();
    expect(draft.problemsAt(['units', 0, 'staff', 0, 'inPost'])).toHaveLength(1);
  });
});
