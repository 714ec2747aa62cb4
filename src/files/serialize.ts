import { scenarioSchema, type Scenario, type ScenarioInput } from '../scenario/schema.ts';
import { extractUncertain, restoreUncertain } from '../scenario/uncertain.ts';

/**
 * The text of a scenario file: every field written out (defaults included, so a reader sees
 * what the run used), keys in the schema's order whatever order they were edited in, two-space
 * indents and a final newline, so saving the same scenario twice gives the same bytes and a
 * file diff shows only what changed.
 *
 * A draft that does not validate yet is written as it stands, so unfinished work can still be
 * saved; opening it again reports what is missing.
 */
export function serializeScenario(scenario: Scenario | ScenarioInput): string {
  return `${JSON.stringify(normalForm(scenario), null, 2)}\n`;
}

/** The same content on one line, for share links. */
export function serializeCompact(scenario: Scenario | ScenarioInput): string {
  return JSON.stringify(normalForm(scenario));
}

/**
 * Defaults filled in and keys in order; uncertain assumptions, whether listed beside a parsed
 * scenario or written inline in a draft, are written inline as `{"uncertain": …}`.
 */
function normalForm(scenario: Scenario | ScenarioInput): unknown {
  const { uncertain: listed, ...rest } = scenario as Scenario;
  const extracted = extractUncertain(rest as Record<string, unknown>);
  if (extracted.problems.length > 0) return scenario;
  const parsed = scenarioSchema.safeParse(extracted.file);
  if (!parsed.success) return scenario;
  const all = [...(listed ?? []), ...extracted.uncertain];
  return all.length > 0 ? restoreUncertain(parsed.data, all) : parsed.data;
}
