import { describe, expect, it } from 'vitest';
import { establishmentRows } from '../../src/state/establishment.ts';
import type { ScenarioInput } from '../../src/scenario/schema.ts';
import mps from '../../scenarios/mps-financial-investigators.json';

describe('establishmentRows', () => {
  it('works out vacancies as posts less people in post and in training', () => {
    const [row] = establishmentRows(mps as ScenarioInput);
    expect(row).toMatchObject({
      unitName: 'Metropolitan Police Service',
      roleName: 'Financial investigator',
      vacancies: 60,
    });
    expect(row!.vacancyShare).toBeCloseTo(60 / 329, 12);
  });

  it('shows no vacancy figure while a count is not a number', () => {
    const input = structuredClone(mps) as ScenarioInput;
    (input.units[0]!.staff[0] as { inPost: unknown }).inPost = 'abc';
    expect(establishmentRows(input)[0]!.vacancies).toBeNaN();
  });
});
