import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/run.ts';
import { validateScenario } from '../../src/scenario/parse.ts';
import { TEMPLATES } from '../../src/state/templates.ts';

describe('templates for a new scenario', () => {
  it.each(TEMPLATES.map((t) => [t.title, t] as const))(
    '“%s” is valid and runs',
    (_title, template) => {
      const result = validateScenario(template.make());
      expect(result.ok ? [] : result.problems).toEqual([]);
      if (!result.ok) return;
      const aggregate = runScenario(result.value, { seed: 'template', replications: 5 });
      expect(aggregate).toBeDefined();
    },
  );

  it('the regional template pools all its units in one pool', () => {
    const regional = TEMPLATES.find((t) => t.id === 'regional')!.make();
    expect(new Set(regional.units!.map((u) => u.pool))).toEqual(new Set(['region']));
  });
});
