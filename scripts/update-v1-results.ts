// Saves what every version 1 file gives once migrated (tests/fixtures/versions/v1-results.json),
// so tests/scenario/migrate.test.ts holds the migration to these results. Rerun only when a
// change to the engine is meant to change results, and say so in docs/model.md's changelog.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runScenario } from '../src/engine/run.ts';
import { parseScenarioText } from '../src/scenario/parse.ts';

const root = join(import.meta.dirname, '..');
const path = join(root, 'tests/fixtures/versions/v1-results.json');
const saved = JSON.parse(readFileSync(path, 'utf8')) as Record<
  string,
  {
    replications: number;
    totals: Record<string, unknown>;
    endOfHorizon: Record<string, Record<string, unknown>>;
    yearly: Record<string, unknown>;
  }
>;
const out: Record<string, unknown> = {};
for (const [file, before] of Object.entries(saved)) {
  const result = parseScenarioText(readFileSync(join(root, file), 'utf8'));
  if (!result.ok) throw new Error(`${file}: ${JSON.stringify(result.problems)}`);
  const s = runScenario({ ...result.value, replications: before.replications }).summary();
  const triple = (x: { mean: number; p05: number; p95: number }) => [x.mean, x.p05, x.p95];
  out[file] = {
    replications: before.replications,
    totals: Object.fromEntries(
      Object.keys(before.totals).map((m) => [m, triple(s.totals[m as keyof typeof s.totals])]),
    ),
    endOfHorizon: Object.fromEntries(
      Object.entries(before.endOfHorizon).map(([series, byRole]) => [
        series,
        Object.fromEntries(
          Object.keys(byRole).map((id) => [id, triple(s.endOfHorizon[series as 'inPost'][id]!)]),
        ),
      ]),
    ),
    yearly: Object.fromEntries(
      Object.keys(before.yearly).map((m) => [
        m,
        s.yearly[m as keyof typeof s.yearly].map((x) => x.mean),
      ]),
    ),
  };
}
writeFileSync(path, `${JSON.stringify(out, null, 2)}\n`);
console.log(`Wrote ${path}`);
