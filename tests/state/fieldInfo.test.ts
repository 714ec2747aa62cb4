import { describe, expect, it } from 'vitest';
import { fieldInfoAt } from '../../src/scenario/fieldInfo.ts';
import { fieldInfo } from '../../src/state/fieldInfo.ts';

describe('fieldInfo', () => {
  it('reads a field written as the editor writes paths, from the scenario’s one table', () => {
    expect(fieldInfo('units[2].staff[1].attritionPerYear')).toEqual(
      fieldInfoAt(['units', 0, 'staff', 0, 'attritionPerYear']),
    );
    expect(fieldInfo(['units', 0, 'demand', 2, 'hoursPerItem'])?.title).toBe(
      'Hours per suspect or product',
    );
  });

  it('gives nothing for a path the schema does not have', () => {
    expect(fieldInfo('units[0].nothing')).toBeUndefined();
  });
});
