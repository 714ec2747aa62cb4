import { describe, expect, it } from 'vitest';
import { MONTHLY_SERIES, ROLE_SERIES, TOTAL_METRICS } from '../../src/engine/metrics.ts';
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
    expect(layout.totalNames).toEqual([...TOTAL_METRICS, ...perRole]);
    expect(layout.monthlyNames).toEqual([...MONTHLY_SERIES, ...perRole]);
    // 21 monthly series (11, and 5 per role for 2 roles) over 24 months, then 7 yearly series over 2 years.
    expect(layout.cellCount).toBe(21 * 24 + 7 * 2);
  });

  it('is the layout the compiled model carries, and compiling leaves the scenario as it was', () => {
    const before = structuredClone(scenario);
    const expected = modelLayout(before);
    expect(compileModel(scenario).layout).toEqual(expected);
    expect(scenario).toEqual(before);
  });

  it('counts a part year of the horizon as a year', () => {
    const layout = modelLayout({ ...scenario, horizonMonths: 13 });
    expect(layout.horizonMonths).toBe(13);
    expect(layout.years).toBe(2);
    expect(layout.cellCount).toBe(21 * 13 + 7 * 2);
  });
});
