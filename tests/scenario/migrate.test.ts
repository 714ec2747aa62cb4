import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS, type Migration } from '../../src/scenario/migrate.ts';
import { parseScenarioText, validateScenario } from '../../src/scenario/parse.ts';
import { SCHEMA_VERSION } from '../../src/scenario/schema.ts';
import { runScenario } from '../../src/engine/run.ts';
import type { TotalMetric, YearlySeries } from '../../src/engine/metrics.ts';

const v1Text = readFileSync(join(import.meta.dirname, '../fixtures/versions/v1.json'), 'utf8');

/** A made-up version 0 that called posts "posts" before they became "establishment". */
const v0ToV1: Migration = {
  from: 0,
  describe: 'staff "posts" renamed "establishment".',
  apply(file) {
    const units = (file.units as { staff: Record<string, unknown>[] }[]).map((unit) => ({
      ...unit,
      staff: unit.staff.map(({ posts, ...rest }) => ({ ...rest, establishment: posts })),
    }));
    return { ...file, units };
  },
};

describe('migrate', () => {
  it('opens a file saved as version 1, the first release, noting the step to version 2', () => {
    expect(SCHEMA_VERSION).toBe(2);
    expect(MIGRATIONS.map((m) => m.from)).toEqual([1]);
    const result = parseScenarioText(v1Text);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.value.name).toBe('Version 1 file as first released');
    expect(result.value.units[0]!.staff[0]!.establishment).toBe(10);
    expect(result.warnings).toEqual([
      {
        path: 'schemaVersion',
        message: expect.stringMatching(
          /^Updated from version 1 to 2: the recovery rate became a recovery funnel/,
        ) as string,
      },
    ]);
  });

  it('runs each step from the file’s version to the current one and notes what it changed', () => {
    const v0 = JSON.parse(v1Text) as { schemaVersion: number; units: { staff: object[] }[] };
    v0.schemaVersion = 0;
    v0.units[0]!.staff = [{ role: 'fi', posts: 10, inPost: 8, attritionPerYear: 0.1 }];
    const migrated = migrate(v0 as unknown as Record<string, unknown>, [v0ToV1], 1);
    if (!migrated.ok) throw new Error(JSON.stringify(migrated.problems));
    expect(migrated.file.schemaVersion).toBe(1);
    expect(migrated.notes).toEqual([
      'Updated from version 0 to 1: staff "posts" renamed "establishment".',
    ]);
    const result = validateScenario(migrated.file);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.value.units[0]!.staff[0]).toMatchObject({ establishment: 10, inPost: 8 });
  });

  it('refuses a version 0 file when no step reads version 0', () => {
    const v0 = { ...(JSON.parse(v1Text) as Record<string, unknown>), schemaVersion: 0 };
    const result = migrate(v0);
    if (result.ok) throw new Error('expected refusal');
    expect(result.problems[0]).toEqual({
      path: 'schemaVersion',
      message: 'must be a whole number from 1 to 2, not 0.',
    });
  });

  it('does not change the file it was given', () => {
    const v0 = JSON.parse(v1Text) as { schemaVersion: number; units: { staff: object[] }[] };
    v0.schemaVersion = 0;
    v0.units[0]!.staff = [{ role: 'fi', posts: 10, inPost: 8 }];
    const before = structuredClone(v0);
    migrate(v0 as unknown as Record<string, unknown>, [v0ToV1], 1);
    expect(v0).toEqual(before);
  });

  it('refuses a file from a newer version rather than guessing at it', () => {
    const file = { ...(JSON.parse(v1Text) as Record<string, unknown>), schemaVersion: 7 };
    const result = migrate(file);
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          path: 'schemaVersion',
          message: expect.stringContaining('saved by a newer version of Shortfall') as string,
        },
      ],
    });
  });

  it('reports a missing step as a fault in Shortfall, not in the file', () => {
    const file = { ...(JSON.parse(v1Text) as Record<string, unknown>), schemaVersion: 1 };
    const result = migrate(file, [], 3);
    if (result.ok) throw new Error('expected refusal');
    expect(result.problems[0]!.message).toContain('no way to update a version 1 file');
  });
});

describe('version 1 to 2: the recovery rate becomes a one-stage funnel', () => {
  const step = MIGRATIONS.find((m) => m.from === 1)!;

  it('keeps the rate as the one collection band, every order whole and paid at once', () => {
    const v1 = {
      format: 'shortfall-scenario',
      schemaVersion: 1,
      finance: { recoveryRate: 0.3, forceShare: 0.2 },
    };
    expect(step.apply(v1).finance).toEqual({
      orderProbability: 1,
      orderShare: 1,
      collection: [{ collected: 0.3 }],
      monthsToReceipt: 0,
      forceShare: 0.2,
    });
  });

  it('gives a file that left the rate, or all of finance, out the version 1 default of 45%', () => {
    for (const v1 of [{ finance: { forceShare: 0.2 } }, {}]) {
      const finance = step.apply(v1).finance as { collection: unknown };
      expect(finance.collection).toEqual([{ collected: 0.45 }]);
    }
  });

  it('leaves a finance that is not an object for the check to name', () => {
    const v1 = { finance: [0.45] };
    expect(step.apply(v1)).toBe(v1);
    const result = validateScenario({ ...(JSON.parse(v1Text) as object), finance: 'all of it' });
    if (result.ok) throw new Error('expected refusal');
    expect(result.problems[0]!.path).toBe('finance');
  });

  it('names the band when a version 1 recovery rate is out of range', () => {
    const result = validateScenario({
      ...(JSON.parse(v1Text) as object),
      finance: { recoveryRate: 45 },
    });
    if (result.ok) throw new Error('expected refusal');
    expect(result.problems[0]!.path).toBe('finance.collection[0].collected');
  });
});

/**
 * The results of every version 1 file once migrated (tests/fixtures/versions/v1-results.json):
 * first saved from the version 1 engine, which they matched to 1e-9; saved again by
 * scripts/update-v1-results.ts when the ziggurat changed every run's normals.
 */
type Triple = [number, number, number];
interface SavedResults {
  replications: number;
  totals: Record<string, Triple>;
  endOfHorizon: Record<string, Record<string, Triple>>;
  yearly: Record<string, number[]>;
}
const root = join(import.meta.dirname, '../..');
const saved = JSON.parse(
  readFileSync(join(root, 'tests/fixtures/versions/v1-results.json'), 'utf8'),
) as Record<string, SavedResults>;

describe('every version 1 file gives the results it gave before, once migrated', () => {
  const v1Fixtures = readdirSync(join(root, 'tests/fixtures/files'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => `tests/fixtures/files/${f}`)
    .filter((f) => /"schemaVersion"\s*:\s*1[,\s]/.test(readFileSync(join(root, f), 'latin1')));
  const builtIns = readdirSync(join(root, 'tests/fixtures/versions/v1-scenarios')).map(
    (f) => `tests/fixtures/versions/v1-scenarios/${f}`,
  );

  it('has saved results for every version 1 file that opens, and no others', () => {
    const opening = [...v1Fixtures, 'tests/fixtures/versions/v1.json', ...builtIns].filter(
      (f) => parseScenarioText(readFileSync(join(root, f), 'utf8')).ok,
    );
    expect(opening.sort()).toEqual(Object.keys(saved).sort());
    expect(builtIns.length).toBe(5);
  });

  for (const [file, before] of Object.entries(saved)) {
    it(`${file}: the same totals, staff and yearly series`, () => {
      const result = parseScenarioText(readFileSync(join(root, file), 'utf8'));
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      const summary = runScenario({ ...result.value, replications: before.replications }).summary();
      // Money is now summed suspect by suspect rather than as one rate times a sum of assets:
      // equal but for the last bits of a double, which single-precision totals rarely show.
      const same = (actual: number, expected: number, what: string) =>
        expect(Math.abs(actual - expected), what).toBeLessThanOrEqual(
          1e-9 * Math.abs(expected) + 1e-9,
        );
      for (const [metric, [mean, p05, p95]] of Object.entries(before.totals)) {
        const now = summary.totals[metric as TotalMetric];
        same(now.mean, mean, `${metric} mean`);
        same(now.p05, p05, `${metric} p05`);
        same(now.p95, p95, `${metric} p95`);
      }
      for (const [series, byRole] of Object.entries(before.endOfHorizon)) {
        for (const [roleId, [mean]] of Object.entries(byRole)) {
          same(summary.endOfHorizon[series as 'inPost'][roleId]!.mean, mean, `${series}.${roleId}`);
        }
      }
      for (const [series, means] of Object.entries(before.yearly)) {
        means.forEach((mean, y) =>
          same(summary.yearly[series as YearlySeries][y]!.mean, mean, `${series} year ${y + 1}`),
        );
      }
      // Every receipt of a migrated file comes in the month of examination, inside the horizon.
      expect(summary.totals.recoveredAfterHorizon.max).toBe(0);
    });
  }

  /** Built-ins whose demand and money were recalibrated to the published record in version 2. */
  const recalibrated = ['mps-financial-investigators.json', 'mps-organised-crime-hub.json'];

  it('migrates each built-in scenario as saved in version 1 to the version 2 file shipped', () => {
    for (const file of builtIns) {
      const v1 = parseScenarioText(readFileSync(join(root, file), 'utf8'));
      const name = file.split('/').pop()!;
      const v2 = parseScenarioText(readFileSync(join(root, 'scenarios', name), 'utf8'));
      if (!v1.ok || !v2.ok) throw new Error(file);
      expect(v2.warnings, file).toEqual([]);
      const { assumptions: a1, sources: s1, finance: f1, ...rest1 } = v1.value;
      const { assumptions: a2, sources: s2, finance: f2, ...rest2 } = v2.value;
      expect(a2.length + s2.length, file).toBeGreaterThanOrEqual(a1.length + s1.length);
      if (recalibrated.includes(name)) {
        // docs/calibration.md: the demand and the funnel changed; the establishment did not.
        const establishment = (s: typeof v1.value) =>
          s.units.map(({ id, name, staff, pool }) => ({ id, name, staff, pool }));
        expect(establishment(v2.value), file).toEqual(establishment(v1.value));
        expect(v2.value.roles, file).toEqual(v1.value.roles);
        expect(v2.value.policy, file).toEqual(v1.value.policy);
        expect(f2, file).not.toEqual(f1);
        continue;
      }
      expect(rest2, file).toEqual(rest1);
      // A file of analytical products alone has no money, so it keeps the funnel's defaults.
      const suspects = v2.value.units.some((u) => u.demand.some((d) => d.kind === 'suspects'));
      if (suspects) expect(f2, file).toEqual(f1);
    }
  });
});
