import { readFileSync } from 'node:fs';
import { parseScenarioText } from '../../src/scenario/parse.ts';
import type { Scenario } from '../../src/scenario/schema.ts';

export const OPTIONS_FILE = new URL('./fixtures/small-with-options.json', import.meta.url).pathname;

/** The small force with two options: "Fill the 2 vacancies" and "Four more posts". */
export function smallWithOptions(): Scenario {
  const read = parseScenarioText(readFileSync(OPTIONS_FILE, 'utf8'));
  if (!read.ok) throw new Error(read.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return read.value;
}
