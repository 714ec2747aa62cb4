import { beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { tinyScenario } from '../decision/tinyScenario.ts';

/**
 * Renames the Leavers field in a fresh copy of the schema, then loads every consumer of field
 * words against that copy: each must show the new words, so none keeps a copy of its own.
 */
const NEW = { title: 'Staff leaving', unit: 'fraction a year', step: 0.05 };

type Modules = {
  levers: typeof import('../../src/decision/levers.ts');
  inputs: typeof import('../../src/decision/sensitivityInputs.ts');
  pipeline: typeof import('../../src/decision/pipelineLevers.ts');
  register: typeof import('../../src/decision/assumptionsRegister.ts');
  keyInputs: typeof import('../../src/state/keyInputs.ts');
  editor: typeof import('../../src/state/fieldInfo.ts');
  goalSeekCommand: typeof import('../../src/cli/commands/goal-seek.ts');
  sensitivityCommand: typeof import('../../src/cli/commands/sensitivity.ts');
};
let m: Modules;

beforeAll(async () => {
  vi.resetModules();
  const { staffGroupSchema } = await import('../../src/scenario/schema.ts');
  const field = staffGroupSchema.shape.attritionPerYear;
  const meta = field.meta() ?? {};
  z.globalRegistry.remove(field);
  z.globalRegistry.add(field, { ...meta, ...NEW });
  m = {
    levers: await import('../../src/decision/levers.ts'),
    inputs: await import('../../src/decision/sensitivityInputs.ts'),
    pipeline: await import('../../src/decision/pipelineLevers.ts'),
    register: await import('../../src/decision/assumptionsRegister.ts'),
    keyInputs: await import('../../src/state/keyInputs.ts'),
    editor: await import('../../src/state/fieldInfo.ts'),
    goalSeekCommand: await import('../../src/cli/commands/goal-seek.ts'),
    sensitivityCommand: await import('../../src/cli/commands/sensitivity.ts'),
  };
});

describe('a field’s words in the schema', () => {
  it('reach the editor', () => {
    expect(m.editor.fieldInfo('units[0].staff[0].attritionPerYear')).toMatchObject(NEW);
  });

  it('reach the goal-seek lever: its label, unit and step', () => {
    expect(m.levers.leverLabel('attritionPerYear')).toBe(NEW.title);
    expect(m.levers.leverInfo('attritionPerYear').unit).toBe(NEW.unit);
    expect(m.levers.leverStep('attritionPerYear')).toBe(NEW.step);
  });

  it('reach the sensitivity inputs and the pipeline levers', () => {
    expect(m.inputs.INPUT_LABELS.attritionPerYear).toEqual({ label: NEW.title, unit: NEW.unit });
    expect(
      m.pipeline.describePipelineLever('retention', m.pipeline.DEFAULT_PIPELINE_SETTINGS),
    ).toContain(`fewer ${NEW.title.toLowerCase()}`);
  });

  it('reach the printed key inputs and the assumptions register', () => {
    const lines = m.keyInputs.keyInputs(tinyScenario());
    expect(lines[1]).toContain(`${NEW.title}: 0% ${NEW.unit}`);
    const labels = m.register.scenarioInputs(tinyScenario()).map((i) => i.label);
    expect(labels).toContain(`Unit, Financial investigator: ${NEW.title}`);
  });

  it('reach the command line’s help', () => {
    expect(m.goalSeekCommand.default.usage).toContain(`${NEW.title} (${NEW.unit}), steps of 0.05`);
    expect(m.sensitivityCommand.default.usage).toContain(NEW.title.toLowerCase());
  });
});
