import { describe, expect, it } from 'vitest';
import { compileModel, modelLayout } from '../../src/engine/model.ts';
import { buildScenario, GOLDEN_SCENARIO } from './fixtures.ts';

describe('modelLayout', () => {
  const scenario = buildScenario(GOLDEN_SCENARIO);

  it('is the layout of the compiled model, found without compiling it', () => {
    expect(modelLayout(scenario)).toEqual(compileModel(scenario).layout);
  });

  it('has a place for every role and every month of the horizon', () => {
    const layout = modelLayout({ ...scenario, horizonMonths: 6 });
    expect(layout.horizonMonths).toBe(6);
    for (const role of scenario.roles) {
      expect(layout.totalNames.some((name) => name.includes(role.id))).toBe(true);
    }
  });
});
