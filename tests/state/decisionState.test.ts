import { describe, expect, it } from 'vitest';
import { DecisionState } from '../../src/state/decisionState.svelte.ts';
import { inThreadEvaluate, type Evaluate } from '../../src/decision/evaluate.ts';
import { SENSITIVITY_INPUTS } from '../../src/decision/sensitivityInputs.ts';
import { validateScenario } from '../../src/scenario/parse.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { tinyScenario } from '../decision/tinyScenario.ts';

describe('DecisionState', () => {
  const scenario = tinyScenario();

  /** Runs in this thread; `during(call)` is called as each run begins. */
  function evaluating(during: (call: number) => void = () => {}) {
    const signals: (AbortSignal | undefined)[] = [];
    const run = inThreadEvaluate();
    const evaluate: Evaluate = (s, seed, replications, signal) => {
      signals.push(signal);
      during(signals.length);
      return run(s, seed, replications, signal);
    };
    return { evaluate, signals };
  }

  it('picks the unit and the role of a lever apart, keeping the role where the new unit has it', () => {
    const two = structuredClone(scenario);
    const [first] = two.units;
    two.units.push({ ...structuredClone(first!), id: 'other', name: 'Other unit' });
    two.units.push({ ...structuredClone(first!), id: 'empty', name: 'No staff', staff: [] });
    const state = new DecisionState(() => ({ scenario: two, seed: 's' }));
    expect(state.leverUnits.map((u) => u.id)).toEqual([first!.id, 'other']);
    expect(state.leverRoles.map((r) => r.id)).toEqual(first!.staff.map((g) => g.role));
    const role = first!.staff.at(-1)!.role;
    state.chooseLever({ ...state.lever, role });
    state.chooseLeverUnit('other');
    expect(state.lever).toMatchObject({ unit: 'other', role });
    expect(state.leverLabel).toContain('Other unit: ');
    state.chooseLeverUnit('empty');
    expect(state.lever).toMatchObject({ unit: 'empty', role: '' });
  });

  it('counts the runs a task has finished, each given a signal', async () => {
    const { evaluate, signals } = evaluating();
    const state = new DecisionState(() => ({ scenario, seed: 's', evaluate }));
    state.replications = 3;
    await state.runTornado();
    // One base run, then each input set low and high (a setting that changes nothing is not run).
    expect(state.tornado!.rows).toHaveLength(SENSITIVITY_INPUTS.length);
    expect(state.runsDone).toBeGreaterThan(SENSITIVITY_INPUTS.length);
    expect(state.runsDone).toBe(signals.length);
    expect(signals.every((signal) => signal instanceof AbortSignal)).toBe(true);
    expect(state.busy).toBeNull();
  });

  it('cancels a task between its runs, keeping the results it showed before', async () => {
    const box: { state?: DecisionState } = {};
    let cancelAt = Infinity;
    const { evaluate } = evaluating((call) => {
      if (call === cancelAt) box.state?.cancel();
    });
    const state = new DecisionState(() => ({ scenario, seed: 's', evaluate }));
    box.state = state;
    state.replications = 3;
    await state.runTornado();
    const shown = state.tornado;
    // The second task's third run.
    cancelAt = state.runsDone + 3;
    await state.runTornado();
    expect(state.busy).toBeNull();
    expect(state.error).toBeNull();
    expect(state.notice).toMatch(/^Cancelled/);
    expect(state.runsDone).toBe(2);
    expect(state.tornado).toBe(shown);
  });

  it('cancels the work after the runs too: rank correlation keeps the result shown before', async () => {
    const box: { state?: DecisionState; cancelAfterRun: boolean } = { cancelAfterRun: false };
    const run = inThreadEvaluate();
    const evaluate: Evaluate = async (s, seed, replications, signal) => {
      const aggregate = await run(s, seed, replications, signal);
      // Cancelled once the run is in, while its results are still being ranked.
      if (box.cancelAfterRun) box.state?.cancel();
      return aggregate;
    };
    const state = new DecisionState(() => ({ scenario, seed: 's', evaluate }));
    box.state = state;
    state.replications = 20;
    await state.runRank();
    const shown = state.rank;
    expect(shown).not.toBeNull();
    box.cancelAfterRun = true;
    state.metric = 'missedRecovery';
    await state.runRank();
    expect(state.rank).toBe(shown);
    expect(state.notice).toMatch(/^Cancelled/);
    expect(state.error).toBeNull();
  });
});

describe('DecisionState tornado swing', () => {
  const ranged = (() => {
    const raw = JSON.parse(JSON.stringify(tinyScenario()));
    raw.units[0].staff[0].abstraction = { uncertain: { dist: 'uniform', min: 0, max: 0.4 } };
    const checked = validateScenario(raw);
    if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
    return checked.value;
  })();

  it('moves across the ranges when the scenario gives any, ±20% when not or when chosen', async () => {
    const box: { scenario: Scenario } = { scenario: ranged };
    const state = new DecisionState(() => ({
      scenario: box.scenario,
      seed: 's',
      evaluate: inThreadEvaluate(),
    }));
    expect([state.hasRanges, state.swing]).toEqual([true, 'ranges']);
    state.most = 3;
    await state.runTornado();
    expect(state.tornado!.swing).toBe('ranges');
    expect(state.tornado!.rows.map((r) => r.id)).toEqual(['units[0].staff[0].abstraction']);
    state.swing = 'relative';
    await state.runTornado();
    expect(state.tornado!.swingLabel).toBe('±20% of each input');
    state.swing = 'ranges';
    // The ranges are edited away: the tornado can only move each input ±20%.
    box.scenario = tinyScenario();
    expect([state.hasRanges, state.swing]).toEqual([false, 'relative']);
  });
});

describe('DecisionState FMS table by financial year', () => {
  it('sums by financial year from the start month given, and by horizon year without one', async () => {
    const scenario = tinyScenario({ horizonMonths: 18 });
    const state = new DecisionState(() => ({ scenario, seed: 's', evaluate: inThreadEvaluate() }));
    state.replications = 5;
    expect(state.fmsStartMonth).toBe('');
    await state.runFms();
    expect(state.fms!.rows.map((r) => r.label)).toEqual([
      'Year 1 (months 1–12)',
      'Year 2 (months 13–18)',
    ]);
    state.fmsStartMonth = '2026-01';
    await state.runFms();
    expect(state.fms!.rows.map((r) => r.label)).toEqual([
      '2025/26 (January 2026 to March 2026)',
      '2026/27 (April 2026 to March 2027)',
      '2027/28 (April 2027 to June 2027)',
    ]);
  });

  it('refuses a start month it cannot read, saying how to write it, and keeps the table', async () => {
    const scenario = tinyScenario();
    const state = new DecisionState(() => ({ scenario, seed: 's', evaluate: inThreadEvaluate() }));
    state.replications = 5;
    state.fmsStartMonth = 'April';
    expect(state.fmsStartMonthProblem).toContain('Write the year and month as 2026-04');
    await state.runFms();
    expect(state.fms).toBeNull();
  });
});
