import { describe, expect, it } from 'vitest';
import mps from '../../scenarios/mps-financial-investigators.json';
import { validateScenario } from '../../src/scenario/parse.ts';
import type { ScenarioInput } from '../../src/scenario/schema.ts';
import {
  applyEstablishment,
  establishmentCsv,
  readEstablishment,
} from '../../src/state/establishmentCsv.ts';
import { provenanceOf } from '../../src/state/provenance.ts';

const input = () => structuredClone(mps) as ScenarioInput;
const HEADER = 'Unit\tRole\tPosts\tIn post\tIn training\tLeavers a year\tAbstraction';

describe('pasting the establishment', () => {
  it('reads 20 rows, names the 3 bad ones by line, and says why', () => {
    const rows = Array.from(
      { length: 20 },
      (_, i) => `Force ${i + 1}\tFinancial investigator\t10\t8\t1\t10%\t0.05`,
    );
    rows[3] = 'Force 4\tFinancial investigator\tten\t8\t1\t10%\t0';
    rows[9] = 'Force 10\tFinancial investigator\t5\t8\t0\t0.1\t0';
    rows[15] = 'Force 16\tFinancial investigator\t10\t8\t0\t150%\t0';
    const pasted = readEstablishment([HEADER, ...rows].join('\n'), input());
    expect(pasted.problems).toEqual([]);
    const bad = pasted.rows.filter((r) => r.problems.length > 0);
    expect(bad.map((r) => r.line)).toEqual([5, 11, 17]);
    expect(bad[0]!.problems.join()).toContain('Posts “ten” is not a number');
    expect(bad[1]!.problems.join()).toContain('more than the 5 posts');
    expect(bad[2]!.problems.join()).toContain('Leavers a year 1.5 is above 1');
    expect(pasted.rows[0]!.values.attritionPerYear).toBe(0.1);
  });

  it('reads recruitments under way, refusing more than the vacancies', () => {
    const text = [
      'Unit\tRole\tPosts\tIn post\tIn training\tIn recruitment',
      'Kent\tFinancial investigator\t10\t6\t1\t3',
      'Essex\tFinancial investigator\t10\t6\t1\t4',
    ].join('\n');
    const pasted = readEstablishment(text, input());
    expect(pasted.rows[0]!.problems).toEqual([]);
    expect(pasted.rows[0]!.values.inRecruitment).toBe(3);
    expect(pasted.rows[1]!.problems).toEqual([
      '4 in recruitment with 7 in post and in training is more than the 10 posts',
    ]);
    const after = applyEstablishment(input(), pasted.rows.slice(0, 1));
    expect(after.units!.at(-1)!.staff[0]!.inRecruitment).toBe(3);
    const check = validateScenario(after);
    expect(check.ok ? [] : check.problems).toEqual([]);
  });

  it('refuses a header it does not understand, naming the column', () => {
    const pasted = readEstablishment('Unit\tRole\tHeadcount\nMPS\tFI\t3', input());
    expect(pasted.problems.join()).toContain('“Headcount”');
    expect(pasted.rows).toEqual([]);
  });

  it('updates rows it knows, adds units and roles it does not, and stays valid', () => {
    const text = [
      HEADER,
      'Metropolitan Police Service\tFinancial investigator\t329\t300\t0\t10%\t0',
      'City of London Police\tFinancial investigator\t40\t35\t2\t0.08\t0',
      'City of London Police\tFinancial intelligence officer\t12\t10\t0\t0.1\t0',
    ].join('\n');
    const before = input();
    const pasted = readEstablishment(text, before);
    expect(pasted.rows.map((r) => r.action)).toEqual(['updates', 'adds the unit', 'adds the role']);
    const after = applyEstablishment(before, pasted.rows);
    expect(after.units!.map((u) => u.name)).toEqual([
      'Metropolitan Police Service',
      'City of London Police',
    ]);
    expect(after.units![1]!.staff.map((g) => g.inPost)).toEqual([35, 10]);
    expect(after.units![0]!.staff[0]!.inPost).toBe(300);
    expect(provenanceOf(after, 'units[0].staff[0].inPost').kind).toBe('assumption');
    expect(provenanceOf(after, 'units[0].staff[0].establishment').kind).toBe('published');
    const check = validateScenario(after);
    expect(check.ok ? [] : check.problems).toEqual([]);
    expect(before).toEqual(input());
  });

  it('exports the same columns a paste reads, and reads its own export back unchanged', () => {
    const csv = establishmentCsv(input());
    expect(csv.split('\r\n')[0]).toBe(
      'Unit,Role,Posts,In post,In training,In recruitment,Leavers a year,Abstraction,Recruitment,Time to hire (months),Most hires a month',
    );
    const pasted = readEstablishment(csv, input());
    expect(pasted.problems).toEqual([]);
    expect(pasted.rows.every((r) => r.problems.length === 0 && r.action === 'updates')).toBe(true);
    const again = validateScenario(applyEstablishment(input(), pasted.rows));
    const original = validateScenario(input());
    expect(again.ok && original.ok && again.value).toEqual(original.ok && original.value);
  });
});
