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
  removeRole,
  removeUnit,
  roleRemovalConsequences,
  setPartner,
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
    expect(roleRemovalConsequences(input, 0)).toContain(
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
});
