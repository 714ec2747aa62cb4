import { describe, expect, it, vi } from 'vitest';
import { inThreadEvaluate } from '../../src/decision/evaluate.ts';
import { baselineOf } from '../../src/options/applyOption.ts';
import { OptionsState } from '../../src/state/optionsState.svelte.ts';
import { ScenarioDraft } from '../../src/state/scenarioDraft.svelte.ts';
import { smallWithOptions } from '../options/fixture.ts';

vi.setConfig({ testTimeout: 60_000 });

function setUp() {
  const draft = new ScenarioDraft(baselineOf(smallWithOptions()));
  const host = {
    draft,
    evaluate: inThreadEvaluate(),
    seed: 'state',
    replications: { ok: true as const, value: 30 },
  };
  return { draft, options: new OptionsState(host) };
}

const IN_POST = ['units', 0, 'staff', 0, 'inPost'];

describe('OptionsState', () => {
  it('turns the edits into a named option and puts the scenario back to its baseline', () => {
    const { draft, options } = setUp();
    draft.set(IN_POST, 6);
    draft.set(['seed'], 'kept');
    expect(options.edits.words).toEqual(['Small force · Financial investigator · In post: 4 → 6']);
    expect(options.edits.leftOut).toEqual(['Seed: small → kept']);
    options.name = '  Fill the 2 vacancies ';
    expect(options.addOption()).toBe(true);
    expect(draft.get(IN_POST)).toBe(4);
    // The seed is not part of an option: the edit stays in the scenario.
    expect(draft.get(['seed'])).toBe('kept');
    expect(draft.scenario!.options).toEqual([
      { name: 'Fill the 2 vacancies', changes: [{ field: 'units[0].staff[0].inPost', value: 6 }] },
    ]);
    expect(options.name).toBe('');
    expect(options.edits.changes).toEqual([]);
  });

  it('refuses an option without edits, without a name, or with another’s name', () => {
    const { draft, options } = setUp();
    expect(options.addOption()).toBe(false);
    expect(options.problem).toMatch(/^There are no edits to keep yet/);
    draft.set(IN_POST, 5);
    expect(options.addOption()).toBe(false);
    expect(options.problem).toMatch(/^Give the option a name/);
    options.name = 'One more';
    expect(options.addOption()).toBe(true);
    draft.set(IN_POST, 6);
    options.name = 'one MORE';
    expect(options.addOption()).toBe(false);
    expect(options.problem).toBe(
      'Another option is called “one MORE”; give this one its own name.',
    );
  });

  it('runs the baseline and the options, and says when the scenario has changed since', async () => {
    const { draft, options } = setUp();
    expect(options.runBlockedBy).toBe('Add an option first.');
    draft.set(IN_POST, 6);
    options.name = 'Fill';
    options.addOption();
    await options.runAll();
    expect(options.result!.options.map((o) => o.name)).toEqual(['Fill']);
    expect(options.result!.seed).toBe('state');
    expect(options.status).toBe('Finished: the baseline and 1 option on seed “state”.');
    expect(options.charts.map((c) => c.id)).toEqual(['options-unexamined', 'options-in-post-fi']);
    expect(options.outOfDate).toBe(false);
    options.removeOption('Fill');
    expect(draft.scenario!.options).toBeUndefined();
    expect(options.outOfDate).toBe(true);
  });
});
