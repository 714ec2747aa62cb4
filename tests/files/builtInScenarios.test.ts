import { describe, expect, it } from 'vitest';
import { BUILT_IN_SCENARIOS, loadBuiltIn } from '../../src/files/builtInScenarios.ts';
import { expectedMean } from '../../src/scenario/distributionMoments.ts';
import type { Scenario } from '../../src/scenario/schema.ts';

const valueAt = (scenario: Scenario, path: string): unknown =>
  path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], scenario);

describe('built-in scenarios', () => {
  it('have unique ids, a title and a one-line summary', () => {
    const ids = BUILT_IN_SCENARIOS.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const s of BUILT_IN_SCENARIOS) {
      expect(s.title.length).toBeGreaterThan(0);
      expect(s.summary).not.toContain('\n');
      expect(s.summary.length).toBeLessThanOrEqual(100);
    }
  });

  it.each(BUILT_IN_SCENARIOS.map((s) => s.id))(
    '%s validates, cites sources for real fields and keeps an assumption register',
    (id) => {
      const scenario = loadBuiltIn(id);
      expect(scenario.sources.length).toBeGreaterThan(0);
      expect(scenario.assumptions.length).toBeGreaterThan(0);
      for (const path of scenario.sources.flatMap((s) => s.figures ?? [])) {
        expect(valueAt(scenario, path), path).not.toBeUndefined();
      }
      for (const { field } of scenario.assumptions) {
        expect(valueAt(scenario, field), field).not.toBeUndefined();
      }
    },
  );

  it.each(BUILT_IN_SCENARIOS.map((s) => s.id))(
    '%s asks for at most 1,000 items a month so runs stay quick',
    (id) => {
      const scenario = loadBuiltIn(id);
      const perMonth = scenario.units
        .flatMap((u) => u.demand)
        .reduce((sum, d) => sum + expectedMean(d.casesPerMonth) * expectedMean(d.itemsPerCase), 0);
      expect(perMonth).toBeGreaterThan(0);
      expect(perMonth).toBeLessThanOrEqual(1000);
    },
  );

  it('reproduce the inspection’s figures', () => {
    const staff = (id: string, unit = 0, group = 0) => loadBuiltIn(id).units[unit]!.staff[group]!;
    expect(staff('mps-financial-investigators')).toMatchObject({ establishment: 329, inPost: 269 });
    expect(staff('mps-organised-crime-hub')).toMatchObject({ establishment: 50, inPost: 8 });
    expect(staff('mps-analysts')).toMatchObject({ establishment: 228, inPost: 188 });
    const analysts = loadBuiltIn('mps-analysts');
    expect(analysts.roles[0]!.trainingMonths).toBeGreaterThanOrEqual(12);
    expect(analysts.roles[0]!.trainingMonths).toBeLessThanOrEqual(18);
    expect(analysts.units[0]!.demand.every((d) => d.kind === 'products')).toBe(true);
    for (const id of ['london-sensitive-intelligence-units', 'london-regional-siu-pooled']) {
      const colp = loadBuiltIn(id).units.find((u) => u.id === 'colp-siu')!;
      expect(colp.staff.map((g) => [g.role, g.establishment, g.inPost])).toEqual([
        ['siu-officer', 1, 1],
        ['siu-analyst', 1, 1],
      ]);
    }
  });

  it('model the London SIUs as three pools, or one shared pool, with nothing else different', () => {
    const separate = loadBuiltIn('london-sensitive-intelligence-units');
    const pooled = loadBuiltIn('london-regional-siu-pooled');
    expect(new Set(separate.units.map((u) => u.pool ?? u.id)).size).toBe(3);
    expect(new Set(pooled.units.map((u) => u.pool))).toEqual(new Set(['london-siu']));
    const strip = (s: Scenario) => s.units.map(({ pool: _pool, ...rest }) => rest);
    expect(strip(pooled)).toEqual(strip(separate));
    expect(pooled.roles).toEqual(separate.roles);
    expect(pooled.seed).toBe(separate.seed);
  });

  it.each(BUILT_IN_SCENARIOS.map((s) => s.id))(
    '%s registers the order of work where value triage leaves a queue of products in random order',
    (id) => {
      const scenario = loadBuiltIn(id);
      const kinds = new Map<string, Set<string>>();
      for (const unit of scenario.units) {
        for (const d of unit.demand) {
          const queue = `${unit.pool ?? unit.id}\u0000${d.role}`;
          kinds.set(queue, (kinds.get(queue) ?? new Set()).add(d.kind));
        }
      }
      const productsOnly = [...kinds.values()].some((k) => k.size === 1 && k.has('products'));
      const registered = scenario.assumptions.some((a) => a.field === 'policy.triage');
      expect(registered).toBe(scenario.policy.triage === 'value' && productsOnly);
    },
  );

  it('refuses to load an id that is not built in', () => {
    expect(() => loadBuiltIn('nope')).toThrow('There is no built-in scenario "nope"');
  });
});
