import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { compileModel } from '../../src/engine/model.ts';
import { replicate, Workspace } from '../../src/engine/replicate.ts';
import { BUILT_IN_SCENARIOS } from '../../src/files/builtInScenarios.ts';
import { parseScenarioText } from '../../src/scenario/parse.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { buildScenario, GOLDEN_SCENARIO } from './fixtures.ts';

/** Replications each fingerprint covers: enough to pass through every branch of the month loop. */
export const FINGERPRINT_REPLICATIONS = 12;

export const FINGERPRINTS_PATH = new URL('./__golden__/fingerprints.json', import.meta.url);

/**
 * The scenarios fingerprinted: the golden scenario, and each built-in as it was saved in format
 * version 1 (tests/fixtures/versions/v1-scenarios), migrated. Those files use none of version
 * 2's optional fields, whereas some shipped built-ins now do (docs/calibration.md).
 */
export function fingerprintedScenarios(): { id: string; scenario: () => Scenario }[] {
  const v1 = (id: string) => () => {
    const url = new URL(`../fixtures/versions/v1-scenarios/${id}.json`, import.meta.url);
    const parsed = parseScenarioText(readFileSync(url, 'utf8'));
    if (!parsed.ok) throw new Error(`${id}: ${JSON.stringify(parsed.problems)}`);
    return parsed.value;
  };
  return [
    { id: 'golden', scenario: () => buildScenario(GOLDEN_SCENARIO) },
    ...BUILT_IN_SCENARIOS.map(({ id }) => ({ id, scenario: v1(id) })),
  ];
}

/**
 * A digest of every number the engine writes for the first replications of a scenario, by
 * metric name (horizon totals and monthly series, in double precision before any rounding), so
 * that a change to one metric names that metric and bit-for-bit equality can be checked without
 * storing the numbers themselves.
 */
export function fingerprint(
  scenario: Scenario,
  replications = FINGERPRINT_REPLICATIONS,
): Record<string, string> {
  const model = compileModel(scenario);
  const ws = new Workspace(model);
  const { layout } = model;
  const H = layout.horizonMonths;
  const totals = new Float64Array(layout.totalNames.length);
  const monthly = new Float64Array(layout.monthlyNames.length * H);
  const totalHashes = layout.totalNames.map(() => createHash('sha256'));
  const monthlyHashes = layout.monthlyNames.map(() => createHash('sha256'));
  for (let r = 0; r < replications; r++) {
    replicate(ws, scenario.seed, r, totals, monthly);
    totalHashes.forEach((h, i) => h.update(new Uint8Array(totals.buffer, i * 8, 8)));
    monthlyHashes.forEach((h, s) => h.update(new Uint8Array(monthly.buffer, s * H * 8, H * 8)));
  }
  const out: Record<string, string> = {};
  layout.totalNames.forEach((name, i) => {
    out[`totals.${name}`] = totalHashes[i]!.digest('hex').slice(0, 32);
  });
  layout.monthlyNames.forEach((name, s) => {
    out[`monthly.${name}`] = monthlyHashes[s]!.digest('hex').slice(0, 32);
  });
  return out;
}
