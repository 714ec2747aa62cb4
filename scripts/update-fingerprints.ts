/**
 * Rewrites tests/engine/__golden__/fingerprints.json, the digests of the results of the golden
 * scenario and of every built-in scenario as saved in format version 1 that tests/engine/newFieldsAbsent.test.ts compares with. Run
 * it only when a change to the model is meant to change results, and say why in the commit:
 * `npx tsx scripts/update-fingerprints.ts`.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  fingerprint,
  fingerprintedScenarios,
  FINGERPRINTS_PATH,
} from '../tests/engine/fingerprint.ts';

const digests: Record<string, Record<string, string>> = {};
for (const { id, scenario } of fingerprintedScenarios()) digests[id] = fingerprint(scenario());
const path = fileURLToPath(FINGERPRINTS_PATH);
writeFileSync(path, `${JSON.stringify(digests, null, 2)}\n`);
console.log(`Wrote ${path}`);
