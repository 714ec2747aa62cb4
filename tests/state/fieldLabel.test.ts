import { describe, expect, it } from 'vitest';
import mps from '../../scenarios/mps-financial-investigators.json';
import type { ScenarioInput } from '../../src/scenario/schema.ts';
import { fieldLabel } from '../../src/state/fieldLabel.ts';

const input = mps as ScenarioInput;

describe('fieldLabel', () => {
  it('names a staff figure by unit, role and field', () => {
    expect(fieldLabel(input, 'units[0].staff[0].inPost')).toBe(
      'Metropolitan Police Service · Financial investigator · In post',
    );
  });
  it('names recruitment, streams, distributions, roles and sections', () => {
    expect(fieldLabel(input, ['units', 0, 'staff', 0, 'recruitment', 'monthsToHire'])).toBe(
      'Metropolitan Police Service · Financial investigator · Time to hire',
    );
    expect(fieldLabel(input, 'units[0].demand[0].casesPerMonth.median')).toBe(
      `Metropolitan Police Service · ${input.units![0]!.demand![0]!.name} · Cases per month · typical value`,
    );
    expect(fieldLabel(input, 'roles[0].trainingMonths')).toBe('Financial investigator · Training');
    expect(fieldLabel(input, 'finance.forceShare')).toBe('Money · Force share (ARIS)');
    expect(fieldLabel(input, 'horizonMonths')).toBe('Horizon');
    expect(fieldLabel(input, 'units[0].demand')).toBe(
      'Metropolitan Police Service · Demand streams',
    );
    expect(fieldLabel(input, 'roles')).toBe('Roles');
  });
});
