import { describe, expect, it } from 'vitest';
import { serializeScenario } from '../../src/files/serialize.ts';
import { validateScenario } from '../../src/scenario/parse.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { extractUncertain, uncertainRangeAt } from '../../src/scenario/uncertain.ts';

function file(overrides: { stream?: object; staff?: object; top?: object } = {}) {
  return {
    format: 'shortfall-scenario',
    schemaVersion: 2,
    name: 'Uncertain',
    roles: [{ id: 'fi', name: 'Financial investigator' }],
    units: [
      {
        id: 'u',
        name: 'Unit',
        staff: [{ role: 'fi', establishment: 20, inPost: 10, ...overrides.staff }],
        demand: [
          {
            id: 'd',
            name: 'Drugs',
            kind: 'suspects',
            role: 'fi',
            casesPerMonth: { dist: 'poisson', mean: 40 },
            hoursPerItem: 10,
            ...overrides.stream,
          },
        ],
      },
    ],
    ...overrides.top,
  };
}

function valid(f: object): Scenario {
  const r = validateScenario(f);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}

describe('uncertain assumptions in a file', () => {
  it('stand at their mean, clamped and rounded, with the field’s range', () => {
    const s = valid(
      file({
        stream: {
          casesPerMonth: {
            dist: 'poisson',
            mean: { uncertain: { dist: 'uniform', min: 30, max: 50 } },
          },
        },
        staff: {
          attritionPerYear: { uncertain: { dist: 'pert', min: 0.06, mode: 0.1, max: 0.16 } },
          inPost: { uncertain: { dist: 'uniform', min: 8, max: 13 } },
        },
      }),
    );
    expect(s.units[0]!.demand[0]!.casesPerMonth).toEqual({ dist: 'poisson', mean: 40 });
    expect(s.units[0]!.staff[0]!.attritionPerYear).toBeCloseTo(0.1033333, 6);
    expect(s.units[0]!.staff[0]!.inPost).toBe(11);
    expect(
      s.uncertain!.map(({ path, min, max, integer }) => ({ path, min, max, integer })),
    ).toEqual([
      { path: 'units[0].staff[0].inPost', min: 0, max: 20_000, integer: true },
      { path: 'units[0].staff[0].attritionPerYear', min: 0, max: 1, integer: false },
      { path: 'units[0].demand[0].casesPerMonth.mean', min: 0, max: 1e10, integer: false },
    ]);
  });

  it('a file without any has no list, and is read as before', () => {
    expect(valid(file()).uncertain).toBeUndefined();
  });

  it('refuses what cannot be uncertain, naming the field', () => {
    const problems = (f: object) => {
      const r = validateScenario(f);
      return r.ok ? [] : r.problems;
    };
    expect(
      problems(
        file({ top: { horizonMonths: { uncertain: { dist: 'uniform', min: 12, max: 48 } } } }),
      ),
    ).toEqual([
      {
        path: 'horizonMonths',
        message: 'sets the shape of the run and cannot be uncertain; give a number.',
      },
    ]);
    expect(problems(file({ top: { name: { uncertain: 3 } } }))[0]!.message).toBe(
      'is not a number field, so it cannot be uncertain.',
    );
    expect(problems(file({ staff: { inPost: { uncertain: 3, note: 'x' } } }))[0]).toEqual({
      path: 'units[0].staff[0].inPost',
      message: 'holds "uncertain" beside "note"; write {"uncertain": {…}} alone.',
    });
    const bad = problems(
      file({ staff: { inPost: { uncertain: { dist: 'uniform', min: 9, max: 3 } } } }),
    );
    expect(bad[0]!.path).toBe('units[0].staff[0].inPost.uncertain.max');
  });

  it('are saved back in their place and read again the same', () => {
    const s = valid(
      file({
        stream: { hoursPerItem: { uncertain: { dist: 'triangular', min: 5, mode: 10, max: 20 } } },
      }),
    );
    const text = serializeScenario(s);
    const saved = JSON.parse(text);
    expect(saved.units[0].demand[0].hoursPerItem).toEqual({
      uncertain: { dist: 'triangular', min: 5, mode: 10, max: 20 },
    });
    expect(saved.uncertain).toBeUndefined();
    expect(valid(saved)).toEqual(s);
    // A draft holding them inline is written the same way.
    expect(
      serializeScenario(
        file({
          stream: {
            hoursPerItem: { uncertain: { dist: 'triangular', min: 5, mode: 10, max: 20 } },
          },
        }) as never,
      ),
    ).toBe(text);
  });

  it('extraction leaves the file it is given unchanged', () => {
    const f = file({ staff: { inPost: { uncertain: 5 } } });
    const before = JSON.stringify(f);
    extractUncertain(f);
    expect(JSON.stringify(f)).toBe(before);
  });
});

describe('a file without uncertain values', () => {
  it('is given back as it is, not copied', () => {
    const f = file();
    const extracted = extractUncertain(f);
    expect(extracted.file).toBe(f);
    expect(extracted.uncertain).toEqual([]);
    // Only the parts on the way to an uncertain value are copied.
    const g = file({ staff: { inPost: { uncertain: 5 } } });
    const h = extractUncertain(g).file as typeof g;
    expect(h).not.toBe(g);
    expect(h.roles).toBe(g.roles);
    expect(h.units[0]!.demand).toBe(g.units[0]!.demand);
  });
});

describe('which fields may be uncertain', () => {
  it('gives the range a draw is clamped to, and nothing for the run’s own fields', () => {
    expect(uncertainRangeAt(['horizonMonths'])).toBeUndefined();
    expect(uncertainRangeAt(['replications'])).toBeUndefined();
    expect(uncertainRangeAt(['units', 0, 'staff', 0, 'inPost'])).toMatchObject({
      min: 0,
      integer: true,
    });
    expect(uncertainRangeAt(['units', 0, 'staff', 0, 'attritionPerYear'])).toMatchObject({
      min: 0,
      max: 1,
      integer: false,
    });
    expect(uncertainRangeAt(['units', 0, 'demand', 0, 'casesPerMonth', 'mean'])).toMatchObject({
      min: 0,
    });
    expect(uncertainRangeAt(['units', 0, 'name'])).toBeUndefined();
  });
});
