import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS, type Migration } from '../../src/scenario/migrate.ts';
import { parseScenarioText, validateScenario } from '../../src/scenario/parse.ts';
import { SCHEMA_VERSION } from '../../src/scenario/schema.ts';

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
  it('opens a file saved as version 1, the first release, unchanged and with no notes', () => {
    expect(SCHEMA_VERSION).toBe(1);
    expect(MIGRATIONS).toEqual([]);
    const result = parseScenarioText(v1Text);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.value.name).toBe('Version 1 file as first released');
    expect(result.value.units[0]!.staff[0]!.establishment).toBe(10);
    expect(result.warnings).toEqual([]);
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
    expect(result.problems[0]).toEqual({ path: 'schemaVersion', message: 'must be 1, not 0.' });
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
