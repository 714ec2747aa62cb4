/**
 * Writes public/scenario.schema.json from the scenario schema, so editors can check and
 * complete scenario files. Run with `npx tsx scripts/write-json-schema.ts`; a test fails when
 * the committed file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { FORMAT, scenarioSchema, SCHEMA_VERSION } from '../src/scenario/schema.ts';

export const SCHEMA_PATH = fileURLToPath(
  new URL('../public/scenario.schema.json', import.meta.url),
);

export function scenarioJsonSchema(): string {
  const schema = z.toJSONSchema(scenarioSchema, { io: 'input', target: 'draft-2020-12' });
  const document = {
    ...schema,
    $id: 'scenario.schema.json',
    title: `Shortfall scenario (${FORMAT}, schemaVersion ${SCHEMA_VERSION})`,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(SCHEMA_PATH, scenarioJsonSchema());
  console.log(`Wrote ${SCHEMA_PATH}`);
}
