import { describe, expect, it } from 'vitest';
import { BUILT_IN_SCENARIOS, loadBuiltIn } from '../../src/files/builtInScenarios.ts';
import { serializeScenario } from '../../src/files/serialize.ts';
import { parseScenarioText } from '../../src/scenario/parse.ts';

describe('serializeScenario', () => {
  it.each(BUILT_IN_SCENARIOS.map((s) => s.id))(
    'writes %s so that opening the file gives the same scenario',
    (id) => {
      const scenario = loadBuiltIn(id);
      const text = serializeScenario(scenario);
      const reopened = parseScenarioText(text);
      if (!reopened.ok) throw new Error(JSON.stringify(reopened.problems));
      expect(reopened.value).toEqual(scenario);
      expect(serializeScenario(reopened.value)).toBe(text);
    },
  );

  it('writes every field, defaults included, indented and ending in a newline', () => {
    const text = serializeScenario({
      format: 'shortfall-scenario',
      schemaVersion: 2,
      name: 'Minimal',
      roles: [{ id: 'fi', name: 'FI' }],
      units: [{ id: 'u', name: 'U', staff: [{ role: 'fi', establishment: 1, inPost: 1 }] }],
    });
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "horizonMonths": 48,');
    expect(text).toContain('"triageAccuracy": 0.6');
    expect(text).toContain('"monthsToHire": 6');
  });

  it('writes keys in the schema’s order whatever order they were edited in', () => {
    const scenario = loadBuiltIn('mps-analysts');
    const shuffled = Object.fromEntries(Object.entries(scenario).reverse()) as typeof scenario;
    expect(serializeScenario(shuffled)).toBe(serializeScenario(scenario));
    expect(serializeScenario(scenario).indexOf('"format"')).toBe(4);
  });

  it('still writes a draft that does not validate, so unfinished work can be saved', () => {
    const draft = { format: 'shortfall-scenario', schemaVersion: 2, name: 'Half done' } as const;
    expect(JSON.parse(serializeScenario(draft as never))).toEqual(draft);
  });
});
