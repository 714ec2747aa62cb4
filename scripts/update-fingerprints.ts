/**
 * Rewrites tests/engine/__golden__/fingerprints.json, the digests of every built-in scenario's
 * and the golden scenario's results that tests/engine/newFieldsAbsent.test.ts compares with. Run
 * it only when a change to the model is meant to change results, and say why in the commit:
 * `npx tsx scripts/update-fingerprints.ts`.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BUILT_IN_SCENARIOS, loadBuiltIn } from '../src/files/builtInScenarios.ts';
import { buildScenario, GOLDEN_SCENARIO } from '../tests/engine/fixtures.ts';
import { fingerprint, FINGERPRINTS_PATH } from '../tests/engine/fingerprint.ts';

const digests: Record<string, Record<string, string>> = {
  golden: fingerprint(buildScenario(GOLDEN_SCENARIO)),
};
for (const { id } of BUILT_IN_SCENARIOS) digests[id] = fingerprint(loadBuiltIn(id));
const path = fileURLToPath(FINGERPRINTS_PATH);
writeFileSync(path, `${JSON.stringify(digests, null, 2)}\n`);
console.log(`Wrote ${path}`);
