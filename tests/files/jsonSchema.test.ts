import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema, SCHEMA_PATH } from '../../scripts/write-json-schema.ts';

describe('public/scenario.schema.json', () => {
  it('is the JSON Schema the scenario schema gives today (run `npx tsx scripts/write-json-schema.ts`)', () => {
    expect(readFileSync(SCHEMA_PATH, 'utf8')).toBe(scenarioJsonSchema());
  });

  it('refuses unknown fields and carries each field’s title for editors', () => {
    const schema = JSON.parse(scenarioJsonSchema()) as {
      additionalProperties: boolean;
      properties: Record<string, { title?: string }>;
    };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.horizonMonths!.title).toBe('Horizon');
  });
});
