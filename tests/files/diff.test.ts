import { describe, expect, it } from 'vitest';
import { loadBuiltIn } from '../../src/files/builtInScenarios.ts';
import { diffScenarios } from '../../src/files/diff.ts';

const fis = () => loadBuiltIn('mps-financial-investigators');

describe('diffScenarios', () => {
  it('finds nothing between a scenario and its copy', () => {
    const a = fis();
    expect(diffScenarios(a, structuredClone(a))).toEqual([]);
  });

  it('names a staff change by unit and role, with the field’s title', () => {
    const a = fis();
    const b = structuredClone(a);
    b.units[0]!.staff[0]!.establishment = 389;
    b.units[0]!.staff[0]!.recruitment.monthsToHire = 9;
    expect(diffScenarios(a, b)).toEqual([
      'Metropolitan Police Service · Financial investigator · Posts: 329 → 389',
      'Metropolitan Police Service · Financial investigator · Time to hire: 6 → 9',
    ]);
  });

  it('describes only the part of a distribution that changed', () => {
    const a = fis();
    a.units[0]!.demand[0]!.hoursPerItem = { dist: 'lognormal', median: 30, p90: 100 };
    a.units[0]!.demand[1]!.casesPerMonth = { dist: 'negbin', mean: 15, dispersion: 10 };
    const b = structuredClone(a);
    b.units[0]!.demand[0]!.hoursPerItem = { dist: 'lognormal', median: 40, p90: 100 };
    b.units[0]!.demand[1]!.casesPerMonth = 12;
    expect(diffScenarios(a, b)).toEqual([
      'Metropolitan Police Service · Drug supply arrests · Hours per suspect or product: changed from typical 30 to typical 40',
      'Metropolitan Police Service · Organised crime group investigations · Cases per month: changed from on average 15, dispersion 10 to exactly 12',
    ]);
  });

  it('lists units, demand streams and roles added and removed', () => {
    const a = fis();
    const b = structuredClone(a);
    const removed = b.units[0]!.demand.pop()!;
    b.units.push({ ...structuredClone(a.units[0]!), id: 'colp', name: 'City of London Police' });
    b.roles.push({
      ...structuredClone(a.roles[0]!),
      id: 'fio',
      name: 'Financial intelligence officer',
    });
    expect(diffScenarios(a, b)).toEqual([
      'Role added: Financial intelligence officer',
      `Metropolitan Police Service: demand removed: ${removed.name}`,
      'Unit added: City of London Police',
    ]);
    expect(diffScenarios(b, a)).toContain('Unit removed: City of London Police');
  });

  it('reports scenario, policy and finance settings, and optional fields cleared', () => {
    const a = fis();
    const b = structuredClone(a);
    b.horizonMonths = 60;
    b.policy.triage = 'fifo';
    b.finance.forceShare = 0.2;
    b.roles[0]!.trainingSeatsPerYear = undefined;
    expect(diffScenarios(a, b)).toEqual([
      'Horizon: 48 → 60',
      'Financial investigator · Training seats: 30 → none',
      'Triage policy · Triage: value → fifo',
      'Money · Force share (ARIS): 0.1875 → 0.2',
    ]);
  });

  it('names an in-post change as the editor does', () => {
    const a = fis();
    const b = structuredClone(a);
    b.units[0]!.staff[0]!.inPost = 329;
    expect(diffScenarios(a, b)).toEqual([
      'Metropolitan Police Service · Financial investigator · In post: 269 → 329',
    ]);
  });

  it('does not count a reordered list as a change', () => {
    const a = fis();
    const b = structuredClone(a);
    b.units[0]!.demand.reverse();
    expect(diffScenarios(a, b)).toEqual([]);
  });
});
