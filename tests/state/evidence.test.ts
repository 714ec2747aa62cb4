import { describe, expect, it } from 'vitest';
import mps from '../../scenarios/mps-financial-investigators.json';
import { validateScenario } from '../../src/scenario/parse.ts';
import type { ScenarioInput } from '../../src/scenario/schema.ts';
import {
  expertTargets,
  historyTargets,
  kindOfTarget,
  scenarioParts,
  withEvidence,
} from '../../src/state/evidence.ts';
import { provenanceOf } from '../../src/state/provenance.ts';
import { publishedBefore } from '../../src/state/publishedFigure.ts';
import { registerLines } from '../../src/state/register.ts';

/** The built-in scenario without its own note on attrition, so each case writes the first. */
function input(): ScenarioInput {
  const s = structuredClone(mps) as ScenarioInput;
  s.assumptions = (s.assumptions ?? []).filter(
    (a) => a.field !== 'units[0].staff[0].attritionPerYear',
  );
  return s;
}
const RANGE = { uncertain: { dist: 'pert', min: 0.05, mode: 0.1, max: 0.2 } };
const ATTRITION = ['units', 0, 'staff', 0, 'attritionPerYear'] as const;
const noteOn = (s: ScenarioInput, field: string) =>
  (s.assumptions ?? []).find((a) => a.field === field)?.note;

describe('writing evidence into a scenario', () => {
  it('sets the value and its note in one step, shown in the register', () => {
    const out = withEvidence(input(), ATTRITION, RANGE, 'Elicited on 2026-12-07 from A.');
    expect(out.units![0]!.staff[0]!.attritionPerYear).toEqual(RANGE);
    expect(noteOn(out, 'units[0].staff[0].attritionPerYear')).toBe(
      'Elicited on 2026-12-07 from A.',
    );
    const read = validateScenario(out);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const line = registerLines(out, read.value).find(
      (l) => l.field === 'units[0].staff[0].attritionPerYear',
    );
    expect(line?.note).toBe('Elicited on 2026-12-07 from A.');
    expect(provenanceOf(out, 'units[0].staff[0].attritionPerYear')).toEqual({
      kind: 'assumption',
      note: 'Elicited on 2026-12-07 from A.',
    });
  });

  it('keeps the planner’s own note after it, and replaces earlier evidence', () => {
    const start = input();
    start.assumptions = [
      ...(start.assumptions ?? []),
      { field: 'units[0].staff[0].attritionPerYear', note: 'HR leavers 2023.' },
    ];
    const first = withEvidence(start, ATTRITION, RANGE, 'Elicited on 2026-12-07 from A.');
    expect(noteOn(first, 'units[0].staff[0].attritionPerYear')).toBe(
      'Elicited on 2026-12-07 from A. Earlier note: HR leavers 2023.',
    );
    const second = withEvidence(first, ATTRITION, RANGE, 'Fitted from hr.csv, 24 months.');
    expect(noteOn(second, 'units[0].staff[0].attritionPerYear')).toBe(
      'Fitted from hr.csv, 24 months. Earlier note: HR leavers 2023.',
    );
    const third = withEvidence(
      withEvidence(input(), ATTRITION, RANGE, 'Elicited on 2026-12-07 from A.'),
      ATTRITION,
      RANGE,
      'Elicited on 2026-12-08 from B.',
    );
    expect(noteOn(third, 'units[0].staff[0].attritionPerYear')).toBe(
      'Elicited on 2026-12-08 from B.',
    );
  });

  it('a published figure keeps its published value beside the evidence', () => {
    const path = ['units', 0, 'staff', 0, 'inPost'];
    expect(provenanceOf(input(), 'units[0].staff[0].inPost').kind).toBe('published');
    const range = { uncertain: { dist: 'pert', min: 250, mode: 269, max: 280 } };
    const out = withEvidence(input(), path, range, 'Elicited on 2026-12-07 from A.');
    expect(provenanceOf(out, 'units[0].staff[0].inPost').kind).toBe('assumption');
    expect(publishedBefore(out, 'units[0].staff[0].inPost')).toMatchObject({
      value: 269,
      why: 'Elicited on 2026-12-07 from A.',
    });
    expect(validateScenario(out).ok).toBe(true);
  });

  it('keeps a long note within the file’s limit', () => {
    const out = withEvidence(
      input(),
      ATTRITION,
      RANGE,
      `Elicited on 2026-12-07. ${'x'.repeat(20000)}`,
    );
    const note = noteOn(out, 'units[0].staff[0].attritionPerYear')!;
    expect(note.length).toBeLessThanOrEqual(10000);
    expect(validateScenario(out).ok).toBe(true);
  });
});

describe('fields a history can go into', () => {
  it('lists each stream’s counts or positive values in the planner’s words', () => {
    const counts = historyTargets(input(), 'counts', 0);
    expect(counts).toHaveLength(2 * mps.units[0]!.demand.length);
    expect(historyTargets(input(), 'counts', 5)).toEqual([]);
    expect(counts[0]!.path).toEqual(['units', 0, 'demand', 0, 'casesPerMonth']);
    expect(counts[0]!.label).toBe(
      `${mps.units[0]!.name} · ${mps.units[0]!.demand[0]!.name} · Cases per month`,
    );
    expect(historyTargets(input(), 'positive').map((t) => t.path.at(-1))).toContain('assetValue');
    expect(kindOfTarget(['units', 0, 'demand', 1, 'hoursPerItem'])).toBe('positive');
    expect(kindOfTarget(['units', 0, 'demand', 1, 'itemsPerCase'])).toBe('counts');
    expect(kindOfTarget(['units', 0, 'staff', 0, 'inPost'])).toBeUndefined();
  });
});

describe('figures experts can be asked about', () => {
  it('lists plain numbers and each parameter of a distribution, not the run’s own fields', () => {
    const s = input();
    const read = validateScenario(s);
    if (!read.ok) throw new Error('the built-in scenario is valid');
    expect(scenarioParts(s)).toEqual([
      { id: 'units[0]', label: mps.units[0]!.name },
      { id: 'general', label: 'Roles, triage and money' },
    ]);
    const general = expertTargets(s, read.value, 'general').map((t) => t.path.join('.'));
    expect(general).not.toContain('horizonMonths');
    expect(general).toContain('roles.0.productiveHoursPerYear');
    expect(general).toContain('finance.orderProbability');
    expect(general.some((p) => p.startsWith('units'))).toBe(false);
    const targets = expertTargets(s, read.value, 'units[0]');
    const paths = targets.map((t) => t.path.join('.'));
    expect(paths.every((p) => p.startsWith('units.0.'))).toBe(true);
    expect(paths).toContain('units.0.staff.0.inPost');
    expect(paths).not.toContain('units.0.staff.0.recruitment.mode');
    // The first stream's cases a month is a negative binomial: its average and spread.
    expect(paths).toContain('units.0.demand.0.casesPerMonth.mean');
    expect(paths).toContain('units.0.demand.0.casesPerMonth.dispersion');
    expect(paths).not.toContain('units.0.demand.0.casesPerMonth');
    const mean = targets.find((t) => t.path.join('.') === 'units.0.demand.0.casesPerMonth.mean');
    expect(mean?.label).toBe(
      `${mps.units[0]!.name} · ${mps.units[0]!.demand[0]!.name} · Cases per month · average`,
    );
  });
});
