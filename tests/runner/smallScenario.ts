import { readFileSync } from 'node:fs';
import { parseScenarioText } from '../../src/scenario/parse.ts';
import type { Scenario } from '../../src/scenario/schema.ts';

/** Path of a scenario small enough that a few hundred replications take well under a second. */
export const SMALL_SCENARIO_PATH = new URL('./fixtures/small-scenario.json', import.meta.url);

export function smallScenario(): Scenario {
  const result = parseScenarioText(readFileSync(SMALL_SCENARIO_PATH, 'utf8'));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}
