import { describe, expect, it } from 'vitest';
import london from '../../scenarios/london-sensitive-intelligence-units.json';
import mps from '../../scenarios/mps-financial-investigators.json';
import { validateScenario } from '../../src/scenario/parse.ts';
import type { ScenarioInput } from '../../src/scenario/schema.ts';
import {
  addDemandStream,
  addRole,
  addStaffGroup,
  addUnit,
  blankScenario,
  duplicateDemandStream,
  duplicateUnit,
  idFrom,
  moveUnit,
  poolGroups,
  moveStaffGroup,
  removeDemandStream,
  removeRole,
  removeStaffGroup,
  removeUnit,
  roleRemovalEffects,
  setPartner,
  staffGroupRemovalEffects,
  streamRemovalEffects,
  unitRemovalEffects,
  withAssumption,
} from '../../src/state/structure.ts';

const londonInput = () => structuredClone(london) as ScenarioInput;
const mpsInput = () => structuredClone(mps) as ScenarioInput;
const valid = (input: ScenarioInput) => {
  const result = validateScenario(input);
  return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
};

describe('structure edits', () => {
  it('makes ids from names that stay unique', () => {
    expect(idFrom('Financial investigator', [])).toBe('financial-investigator');
    expect(idFrom('Financial investigator', ['financial-investigator'])).toBe(
      'financial-investigator-2',
    );
    expect(idFrom('£££', [])).toBe('item');
  });

  it('starts a blank scenario that is valid', () => {
    expect(valid(blankScenario())).toEqual([]);
  });

  it('adds units, roles, staff groups and streams that stay valid', () => {
    let s = blankScenario();
    s = addUnit(s);
    s = addRole(s);
    s = addStaffGroup(s, 1, s.roles![1]!.id);
    s = addDemandStream(s, 0);
    s = addDemandStream(s, 1);
    expect(valid(s)).toEqual([]);
    expect(s.units!.map((u) => u.name)).toEqual(['Unit', 'New unit']);
    expect(new Set(s.units!.flatMap((u) => u.demand!.map((d) => d.id))).size).toBe(2);
  });

  it('moves a unit with the paths its sources and notes give', () => {
    const before = londonInput();
    const moved = moveUnit(before, 2, 0);
    expect(moved.units![0]!.id).toBe(before.units![2]!.id);
    expect(moved.sources![0]!.figures).toContain('units[0].staff[0].inPost');
    expect(moved.assumptions!.find((a) => a.note.includes('MPS'))!.field).toBe('units[1].staff');
    expect(valid(moved)).toEqual([]);
  });

  it('removes a unit and the paths into it, and renumbers the rest', () => {
    const removed = removeUnit(londonInput(), 0);
    expect(removed.units).toHaveLength(2);
    expect(removed.sources![0]!.figures).toContain('units[1].staff[0].inPost');
    expect(removed.assumptions!.some((a) => a.note.includes('MPS sensitive'))).toBe(false);
  });

  it('removes a role with its staff and streams, after naming them', () => {
    const input = mpsInput();
    expect(roleRemovalEffects(input, 0).goes).toContain(
      'Metropolitan Police Service: the Financial investigator staff',
    );
    const withOther = addRole(input);
    const after = removeRole(withOther, 0);
    expect(after.roles!.map((r) => r.name)).toEqual(['New role']);
    expect(after.units![0]!.staff).toEqual([]);
    expect(after.units![0]!.demand).toEqual([]);
    expect(after.assumptions!.some((a) => a.field.startsWith('units[0].demand'))).toBe(true);
    expect(after.assumptions!.some((a) => a.field.startsWith('units[0].staff[0]'))).toBe(false);
  });

  it('copies a unit as an assumption with ids of its own', () => {
    const copy = duplicateUnit(mpsInput(), 0);
    expect(copy.units![1]!.name).toBe('Copy of Metropolitan Police Service');
    expect(copy.units![1]!.pool).toBeUndefined();
    expect(copy.assumptions!.find((a) => a.field === 'units[1]')?.note).toMatch(/^Copied from/);
    expect(valid(copy)).toEqual([]);
    expect(valid(duplicateDemandStream(copy, 0, 1))).toEqual([]);
  });

  it('joins and leaves pools, ending a pool of one', () => {
    let s = addUnit(addUnit(blankScenario()));
    s = setPartner(s, 1, 0);
    expect(poolGroups(s).map((g) => g.units)).toEqual([[0, 1], [2]]);
    s = setPartner(s, 2, 1);
    expect(poolGroups(s).map((g) => g.units)).toEqual([[0, 1, 2]]);
    s = setPartner(s, 2, undefined);
    s = setPartner(s, 1, undefined);
    expect(poolGroups(s).map((g) => g.units)).toEqual([[0], [1], [2]]);
    expect(s.units!.every((u) => u.pool === undefined)).toBe(true);
  });

  /** Two units sharing a pool, each with FIs and analysts, and one FI stream in the first. */
  function pooledPair(): ScenarioInput {
    let s = addRole(addUnit(blankScenario()));
    s = { ...s, roles: s.roles!.map((r, i) => (i === 1 ? { ...r, name: 'Analyst' } : r)) };
    const analyst = s.roles![1]!.id;
    s = addStaffGroup(addStaffGroup(s, 0, analyst), 1, analyst);
    s = addDemandStream(s, 0);
    return s;
  }

  it('says a stream is left unworked when the staff group of its role goes', () => {
    const s = pooledPair();
    const effects = staffGroupRemovalEffects(s, 0, 0);
    expect(effects.goes).toEqual([]);
    expect(effects.changes).toEqual([
      'the demand stream “New demand stream” is left with no Financial investigator staff to work it: its cases wait and are never examined',
    ]);
    // The analysts work no stream here: removing them asks nothing.
    expect(staffGroupRemovalEffects(s, 0, 1)).toEqual({ goes: [], changes: [] });
  });

  it('says who works a stream still when the pool has staff of its role', () => {
    const s = setPartner(pooledPair(), 1, 0);
    expect(staffGroupRemovalEffects(s, 0, 0).changes).toEqual([
      'the demand stream “New demand stream” is then worked only by the Financial investigator staff of New unit, who share the work',
    ]);
    expect(unitRemovalEffects(s, 1).changes).toEqual([
      'Unit no longer shares staff and work with it, and works on its own',
    ]);
    expect(removeUnit(s, 1).units![0]!.pool).toBeUndefined();
    const three = setPartner(addUnit(s), 2, 0);
    expect(removeUnit(three, 1).units!.map((x) => x.pool)).toEqual(['unit-pool', 'unit-pool']);
  });

  it('names the notes and option changes that go with a removed item', () => {
    let s = withAssumption(pooledPair(), 'units[0].demand[0].casesPerMonth', 'A guess.');
    s = withAssumption(s, 'units[0].staff[0].inPost', 'Counted in March.');
    s = {
      ...s,
      options: [
        { name: 'More cases', changes: [{ field: 'units[0].demand[0].casesPerMonth', value: 9 }] },
        {
          name: 'Recruit',
          changes: [
            { field: 'units[0].staff[0].establishment', value: 9 },
            { field: 'units[1].staff[0].establishment', value: 9 },
          ],
        },
      ],
    };
    expect(streamRemovalEffects(s, 0, 0).goes).toEqual([
      'the note in the assumptions register on “Unit · New demand stream · Cases per month”',
      'the option “More cases”, all of whose changes are to it',
    ]);
    expect(staffGroupRemovalEffects(s, 0, 0).goes).toEqual([
      'the note in the assumptions register on “Unit · Financial investigator · In post”',
      'from the option “Recruit”, its change to “Unit · Financial investigator · Posts”',
    ]);
    expect(unitRemovalEffects(s, 0).goes).toEqual([
      'the Financial investigator staff',
      'the Analyst staff',
      'the demand stream “New demand stream”',
      '2 notes in the assumptions register, on “Unit · New demand stream · Cases per month”, “Unit · Financial investigator · In post”',
      'the option “More cases”, all of whose changes are to it',
      'from the option “Recruit”, its change to “Unit · Financial investigator · Posts”',
    ]);
    expect(roleRemovalEffects(s, 1).goes).toEqual([
      'Unit: the Analyst staff',
      'New unit: the Analyst staff',
    ]);
    // Nothing refers to a stream with no notes or options: it goes unasked.
    expect(streamRemovalEffects(pooledPair(), 0, 0)).toEqual({ goes: [], changes: [] });
  });

  it('keeps options pointing at the same figures when items move or go', () => {
    const s: ScenarioInput = {
      ...pooledPair(),
      options: [
        {
          name: 'Recruit',
          changes: [
            { field: 'units[0].staff[1].establishment', value: 9 },
            { field: 'units[1].staff[0].establishment', value: 7 },
          ],
        },
      ],
    };
    expect(moveUnit(s, 1, 0).options![0]!.changes.map((c) => c.field)).toEqual([
      'units[1].staff[1].establishment',
      'units[0].staff[0].establishment',
    ]);
    expect(moveStaffGroup(s, 0, 1, 0).options![0]!.changes[0]!.field).toBe(
      'units[0].staff[0].establishment',
    );
    const without = removeUnit(s, 0);
    expect(without.options).toEqual([
      { name: 'Recruit', changes: [{ field: 'units[0].staff[0].establishment', value: 7 }] },
    ]);
    expect(valid(without)).toEqual([]);
    // An option left with no change goes, and with it the list.
    expect('options' in removeUnit(without, 0)).toBe(false);
    expect(removeStaffGroup(s, 0, 1).options![0]!.changes).toHaveLength(1);
    expect(removeDemandStream(s, 0, 0).options).toEqual(s.options);
  });
});
