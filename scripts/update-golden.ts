/**
 * Rewrites tests/engine/__golden__/small.json, the summary tests/engine/run.test.ts compares a
 * run against. Run it only when a change to the model is meant to change results, and say why
 * in the commit: `npx tsx scripts/update-golden.ts`.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runScenario } from '../src/engine/run.ts';
import { buildScenario, GOLDEN_PATH, GOLDEN_SCENARIO } from '../tests/engine/fixtures.ts';

const summary = runScenario(buildScenario(GOLDEN_SCENARIO)).summary();
const path = fileURLToPath(GOLDEN_PATH);
writeFileSync(path, `${JSON.stringify(summary, null, 2)}\n`);
console.log(`Wrote ${path}`);
