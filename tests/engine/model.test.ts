import { describe, expect, it } from 'vitest';
import {
  BREAKDOWN_METRICS,
  makeLayout,
  MAX_BREAKDOWNS,
  MONTHLY_SERIES,
  ROLE_SERIES,
  TOTAL_METRICS,
  totalColumn,
} from '../../src/engine/metrics.ts';
import { compileModel, modelLayout } from '../../src/engine/model.ts';
import { buildScenario, GOLDEN_SCENARIO } from './fixtures.ts';

describe('modelLayout', () => {
  const scenario = buildScenario(GOLDEN_SCENARIO);

  it('places every total, monthly series and role where the results contract says', () => {
    const perRole = ROLE_SERIES.flatMap((series) => [`${series}.fi`, `${series}.an`]);
    const layout = modelLayout(scenario);
    expect(layout.horizonMonths).toBe(24);
    expect(layout.years).toBe(2);
    expect(layout.roleIds).toEqual(['fi', 'an']);
    // Both units and north's two streams are kept; south's only stream is south's breakdown.
    const kept = [
      'byUnit.north',
      'byUnit.south',
      'byStream.north.drugs',
      'byStream.north.profiles',
    ];
    const breakdowns = kept.flatMap((k) => BREAKDOWN_METRICS.map((m) => `${k}.${m}`));
    expect(layout.totalNames).toEqual([...TOTAL_METRICS, ...perRole, ...breakdowns]);
    expect(layout.aliases).toEqual(
      Object.fromEntries(
        BREAKDOWN_METRICS.map((m) => [`byStream.south.fraud.${m}`, `byUnit.south.${m}`]),
      ),
    );
    const first = TOTAL_METRICS.length + perRole.length;
    const width = BREAKDOWN_METRICS.length;
    expect(layout.unitColumns).toEqual([first, first + width]);
    expect(layout.streamColumns).toEqual([first + 2 * width, first + 3 * width, -1]);
    expect(totalColumn(layout, 'byStream.south.fraud.recovered')).toBe(
      totalColumn(layout, 'byUnit.south.recovered'),
    );
    expect(layout.monthlyNames).toEqual([...MONTHLY_SERIES, ...perRole]);
    // 23 monthly series (13, and 5 per role for 2 roles) over 24 months, then 9 yearly over 2 years.
    expect(layout.cellCount).toBe(23 * 24 + 9 * 2);
  });

  it('keeps the only unit’s breakdown in the horizon totals, and a lone stream’s in its unit’s', () => {
    const one = { ...GOLDEN_SCENARIO, units: GOLDEN_SCENARIO.units.slice(1) };
    const layout = modelLayout(buildScenario(one));
    expect(layout.totalNames).toHaveLength(TOTAL_METRICS.length + ROLE_SERIES.length * 2);
    expect(totalColumn(layout, 'byUnit.south.missedRecovery')).toBe(
      layout.totalNames.indexOf('missedRecovery'),
    );
    expect(totalColumn(layout, 'byStream.south.fraud.missedRecovery')).toBe(
      layout.totalNames.indexOf('missedRecovery'),
    );
    expect(layout.unitColumns).toEqual([-1]);
    expect(layout.streamColumns).toEqual([-1]);
  });

  it('is the layout the compiled model carries, and compiling leaves the scenario as it was', () => {
    const before = structuredClone(scenario);
    const expected = modelLayout(before);
    expect(compileModel(scenario).layout).toEqual(expected);
    expect(scenario).toEqual(before);
  });

  it('leaves out streams’ breakdowns, then units’, beyond MAX_BREAKDOWNS', () => {
    const units = (n: number, streams: number) =>
      Array.from({ length: n }, (_, u) => ({
        id: `u${u}`,
        streams: Array.from({ length: streams }, (_, k) => `s${k}`),
      }));
    const width = BREAKDOWN_METRICS.length;
    const base = TOTAL_METRICS.length + ROLE_SERIES.length;
    const all = makeLayout(12, ['fi'], units(8, 3));
    expect([all.byUnit, all.byStream]).toEqual([true, true]);
    expect(all.totalNames).toHaveLength(base + (8 + 24) * width);
    const unitsOnly = makeLayout(12, ['fi'], units(8, 4));
    expect([unitsOnly.byUnit, unitsOnly.byStream]).toEqual([true, false]);
    expect(unitsOnly.totalNames).toHaveLength(base + 8 * width);
    expect(unitsOnly.streamColumns.every((c) => c === -1)).toBe(true);
    const none = makeLayout(12, ['fi'], units(MAX_BREAKDOWNS + 1, 1));
    expect([none.byUnit, none.byStream]).toEqual([false, false]);
    expect(none.totalNames).toHaveLength(base);
    expect(none.aliases).toEqual({});
  });

  it('counts a part year of the horizon as a year', () => {
    const layout = modelLayout({ ...scenario, horizonMonths: 13 });
    expect(layout.horizonMonths).toBe(13);
    expect(layout.years).toBe(2);
    expect(layout.cellCount).toBe(23 * 13 + 9 * 2);
  });
});
