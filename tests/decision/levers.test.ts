import { describe, expect, it } from 'vitest';
import {
  addStaff,
  applyLever,
  LEVER_FIELDS,
  leverInfo,
  leverLabel,
  leverMax,
  leverStep,
  leverBounds,
  leverValue,
  parseLever,
} from '../../src/decision/levers.ts';
import { fieldInfoAt, RECRUITMENT, STAFF_GROUP } from '../../src/scenario/fieldInfo.ts';
import { tinyScenario } from './tinyScenario.ts';

describe('levers', () => {
  it('reads FIELD:UNIT:ROLE and names what is wrong otherwise', () => {
    const s = tinyScenario();
    expect(parseLever('inPost:u:fi', s)).toEqual({ field: 'inPost', unit: 'u', role: 'fi' });
    expect(() => parseLever('inPost:u', s)).toThrow(/FIELD:UNIT:ROLE/);
    expect(() => parseLever('salary:u:fi', s)).toThrow(/salary.*establishment/);
    expect(() => parseLever('inPost:x:fi', s)).toThrow(/Unit "x".*Units: u/);
    expect(() => parseLever('inPost:u:fio', s)).toThrow(/no staff with role "fio"/);
  });

  it('changes a copy and leaves the original as it was', () => {
    const s = tinyScenario();
    const before = structuredClone(s);
    const changed = applyLever(s, parseLever('maxHiresPerMonth:u:fi', s), 7);
    expect(changed.units[0]!.staff[0]!.recruitment.maxHiresPerMonth).toBe(7);
    expect(s).toEqual(before);
  });

  it('raises the establishment when in post passes it', () => {
    const s = tinyScenario({ inPost: 2 });
    const lever = parseLever('inPost:u:fi', s);
    const changed = applyLever(s, lever, 5);
    expect(leverValue(changed, lever)).toBe(5);
    expect(changed.units[0]!.staff[0]!.establishment).toBe(5);
    expect(applyLever(s, lever, 1).units[0]!.staff[0]!.establishment).toBe(2);
  });

  it('refuses values out of range or not whole', () => {
    const s = tinyScenario();
    expect(() => applyLever(s, parseLever('inPost:u:fi', s), 1.5)).toThrow(/whole/);
    expect(() => applyLever(s, parseLever('attritionPerYear:u:fi', s), 1.2)).toThrow(
      /between 0 and 1/,
    );
  });

  it('takes every lever’s label, unit, bounds and step from the schema', () => {
    for (const field of LEVER_FIELDS) {
      // A lever's name is its field's name in a staff group, its recruitment or its role; in
      // post moves posts with it, and says so.
      const schema =
        fieldInfoAt([...STAFF_GROUP, field]) ??
        fieldInfoAt([...RECRUITMENT, field]) ??
        fieldInfoAt(['roles', 0, field]);
      expect(schema, field).toBeDefined();
      expect(schema!.unit, field).toMatch(/\S/);
      const title = field === 'inPost' ? 'Posts and trained people together' : schema!.title;
      expect(leverInfo(field)).toEqual({ ...schema, title });
      expect(leverLabel(field)).toBe(title);
      expect(leverStep(field)).toBe(schema!.step);
      expect(leverMax(field)).toBe(schema!.max);
    }
    expect(leverStep('attritionPerYear')).toBe(0.01);
    expect(leverStep('inPost')).toBe(1);
  });

  it('refuses a value just past the bound the editor allows, and takes the bound itself', () => {
    const s = tinyScenario();
    for (const field of LEVER_FIELDS) {
      const lever = parseLever(`${field}:u:fi`, s);
      const { step } = leverInfo(field);
      const [least, most] = leverBounds(s, lever);
      expect(leverValue(applyLever(s, lever, most), lever)).toBe(most);
      expect(() => applyLever(s, lever, most + step)).toThrow(/between \d+ and/);
      expect(() => applyLever(s, lever, least - step)).toThrow(/between \d+ and/);
    }
  });

  it('adds people with posts for them', () => {
    const g = addStaff(tinyScenario({ inPost: 2 }), 'u', 'fi', 3).units[0]!.staff[0]!;
    expect([g.inPost, g.establishment]).toEqual([5, 5]);
  });
});
