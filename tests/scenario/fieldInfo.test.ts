import { describe, expect, it } from 'vitest';
import {
  DEMAND_STREAM,
  fieldInfoAt,
  RECRUITMENT,
  requireFieldInfo,
  STAFF_GROUP,
} from '../../src/scenario/fieldInfo.ts';
import { LIMITS } from '../../src/scenario/limits.ts';

describe('fieldInfoAt', () => {
  it('reads title, unit and help from the schema’s metadata, and bounds from its validation', () => {
    expect(fieldInfoAt([...STAFF_GROUP, 'inPost'])).toEqual({
      title: 'In post',
      unit: 'people',
      description: 'Trained people in post at the start.',
      min: 0,
      max: LIMITS.peoplePerGroup,
      integer: true,
      step: 1,
    });
  });

  it('gives a share its step from the metadata and its default from the schema', () => {
    expect(fieldInfoAt([...STAFF_GROUP, 'attritionPerYear'])).toMatchObject({
      title: 'Leavers',
      min: 0,
      max: 1,
      integer: false,
      step: 0.01,
      defaultValue: 0.1,
    });
  });

  it('looks through defaults and optionals, at any index', () => {
    expect(fieldInfoAt(['units', 3, 'staff', 1, 'recruitment', 'monthsToHire'])?.unit).toBe(
      'months',
    );
    expect(fieldInfoAt([...RECRUITMENT, 'maxHiresPerMonth'])?.max).toBe(LIMITS.hiresPerMonth);
    expect(fieldInfoAt(['roles', 0, 'trainingSeatsPerYear'])?.title).toBe('Training seats');
    expect(fieldInfoAt([...DEMAND_STREAM, 'hoursPerItem'])?.title).toBe(
      'Hours per suspect or product',
    );
  });

  it('gives a distribution no bounds or step, since it is not one number', () => {
    const info = fieldInfoAt([...DEMAND_STREAM, 'casesPerMonth']);
    expect(info?.title).toBe('Cases per month');
    expect(info).not.toHaveProperty('max');
    expect(info).not.toHaveProperty('step');
  });

  it('gives nothing for a path the schema does not have, and requireFieldInfo names it', () => {
    expect(fieldInfoAt(['units', 0, 'nothing'])).toBeUndefined();
    expect(() => requireFieldInfo(['units', 0, 'nothing'])).toThrow(/units\.0\.nothing/);
  });
});

describe('the optional demand and pipeline fields of format v2', () => {
  it('each have the words and bounds the editor shows', () => {
    const fields = [
      { keys: ['roles', 0, 'accreditationRate'], min: 0, max: 1, integer: false },
      {
        keys: [...STAFF_GROUP, 'inRecruitment'],
        min: 0,
        max: LIMITS.peoplePerGroup,
        integer: true,
      },
      {
        keys: [...DEMAND_STREAM, 'maxExaminedPerCase'],
        min: 1,
        max: LIMITS.peoplePerGroup,
        integer: true,
      },
      { keys: [...DEMAND_STREAM, 'suppression', 'share'], min: 0, max: 1, integer: false },
      {
        keys: [...DEMAND_STREAM, 'suppression', 'backlogMonths'],
        min: 0,
        max: LIMITS.horizonMonths,
        integer: false,
      },
      { keys: [...DEMAND_STREAM, 'hoursValueCorrelation'], min: -1, max: 1, integer: false },
    ];
    for (const { keys, ...bounds } of fields) {
      const info = requireFieldInfo(keys);
      expect(info.unit, keys.join('.')).toBeTruthy();
      expect(info.description, keys.join('.')).toBeTruthy();
      expect(info).toMatchObject(bounds);
    }
    // Unset, each changes nothing: the optional fields have no default, and suppression's
    // share defaults to none.
    expect(requireFieldInfo([...DEMAND_STREAM, 'maxExaminedPerCase']).defaultValue).toBeUndefined();
    expect(requireFieldInfo([...DEMAND_STREAM, 'suppression', 'share']).defaultValue).toBe(0);
    expect(requireFieldInfo([...DEMAND_STREAM, 'suppression', 'backlogMonths']).defaultValue).toBe(
      3,
    );
  });
});
