import { describe, expect, it } from 'vitest';
import { fieldInfo } from '../../src/state/fieldInfo.ts';

describe('fieldInfo', () => {
  it('reads title, unit and help text from the schema by path', () => {
    expect(fieldInfo('units[0].staff[0].inPost')).toEqual({
      title: 'In post',
      unit: 'people',
      description: 'Trained people in post at the start.',
    });
  });

  it('looks through defaults and optionals', () => {
    expect(fieldInfo('units[3].staff[1].recruitment.monthsToHire')?.unit).toBe('months');
    expect(fieldInfo('roles[0].trainingSeatsPerYear')?.title).toBe('Training seats');
    expect(fieldInfo(['units', 0, 'demand', 2, 'hoursPerItem'])?.title).toBe('Hours each');
  });

  it('gives nothing for a path the schema does not have', () => {
    expect(fieldInfo('units[0].nothing')).toBeUndefined();
  });
});
