import { describe, expect, it } from 'vitest';
import {
  applyInputChange,
  describeChange,
  INPUT_LABELS,
  inputInfo,
  isDistributionInput,
  SENSITIVITY_INPUTS,
} from '../../src/decision/sensitivityInputs.ts';
import {
  DEMAND_STREAM,
  fieldInfoAt,
  RECRUITMENT,
  STAFF_GROUP,
} from '../../src/scenario/fieldInfo.ts';
import { LIMITS } from '../../src/scenario/limits.ts';
import { tinyScenario } from './tinyScenario.ts';

/** An input's name is its field's name in a staff group, its recruitment or a demand stream. */
const schemaInfo = (id: string) =>
  [STAFF_GROUP, RECRUITMENT, DEMAND_STREAM]
    .map((at) => fieldInfoAt([...at, id]))
    .find((info) => info !== undefined);

describe('sensitivity inputs', () => {
  it('take every label and unit from the schema', () => {
    for (const id of SENSITIVITY_INPUTS) {
      const schema = schemaInfo(id);
      expect(schema, id).toBeDefined();
      expect(inputInfo(id)).toEqual(schema);
      expect(INPUT_LABELS[id]).toEqual({ label: schema!.title, unit: schema!.unit });
    }
  });

  it('treat as distributions exactly the inputs the schema gives no single bound', () => {
    for (const id of SENSITIVITY_INPUTS) {
      expect(isDistributionInput(id), id).toBe(schemaInfo(id)!.max === undefined);
    }
  });

  it('keep a moved number within the schema’s bounds', () => {
    const s = tinyScenario({ attritionPerYear: 0.95 });
    const high = applyInputChange(s, { id: 'attritionPerYear' }, 'high');
    expect(high.units[0]!.staff[0]!.attritionPerYear).toBe(1);
    s.units[0]!.staff[0]!.recruitment.monthsToHire = LIMITS.pipelineMonths;
    const later = applyInputChange(s, { id: 'monthsToHire' }, 'high');
    expect(later.units[0]!.staff[0]!.recruitment.monthsToHire).toBe(LIMITS.pipelineMonths);
    s.units[0]!.staff[0]!.recruitment.monthsToHire = 0;
    const sooner = applyInputChange(s, { id: 'monthsToHire' }, 'low');
    expect(sooner.units[0]!.staff[0]!.recruitment.monthsToHire).toBe(0);
  });

  it('move a whole number by at least one step, said in its unit', () => {
    const s = tinyScenario();
    s.units[0]!.staff[0]!.recruitment.monthsToHire = 2;
    const low = applyInputChange(s, { id: 'monthsToHire' }, 'low');
    expect(low.units[0]!.staff[0]!.recruitment.monthsToHire).toBe(1);
    expect(describeChange({ id: 'monthsToHire' })).toEqual({
      low: '×0.8 (at least 1 month less)',
      high: '×1.2 (at least 1 month more)',
    });
  });
});
