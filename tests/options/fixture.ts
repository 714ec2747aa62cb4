import { readFileSync } from 'node:fs';
import { parseScenarioText } from '../../src/scenario/parse.ts';
import type { Scenario } from '../../src/scenario/schema.ts';

export const OPTIONS_FILE = new URL('./fixtures/small-with-options.json', import.meta.url).pathname;
/** Two units, North and South, with "Pool North and South" and "Two more posts in South". */
export const POOLED_OPTIONS_FILE = new URL('./fixtures/pooled-with-options.json', import.meta.url)
  .pathname;

function read(file: string): Scenario {
  const parsed = parseScenarioText(readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return parsed.value;
}

/** The small force with two options: "Fill the 2 vacancies" and "Four more posts". */
export function smallWithOptions(): Scenario {
  return read(OPTIONS_FILE);
}

/** Two small forces, North and South, with an option to pool them and one of more posts. */
export function pooledWithOptions(): Scenario {
  return read(POOLED_OPTIONS_FILE);
}
