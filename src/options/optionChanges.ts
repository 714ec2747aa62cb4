import { diffScenarios } from '../files/diff.ts';
import type { OptionChange, Scenario, ScenarioOption } from '../scenario/schema.ts';
import { pathText } from '../state/path.ts';
import { applyOption, baselineOf } from './applyOption.ts';

/** Parts of a scenario an option can change: the force, not the file or the run. */
const CHANGEABLE = ['roles', 'units', 'policy', 'finance'] as const;

/** What "Add option" finds between the baseline and the edited scenario. */
export interface EditsFound {
  changes: OptionChange[];
  /** Edits an option cannot hold (the seed, the horizon, the name), in the editor's words. */
  leftOut: string[];
}

/**
 * The edits that turn `before` into `after`, as an option's changes: one per field that
 * differs, down to the smallest part that still lines up (a list whose length or ids changed
 * is one change of the whole list). Options are ignored on both sides.
 */
export function editsBetween(before: Scenario, after: Scenario): EditsFound {
  const changes: OptionChange[] = [];
  for (const key of CHANGEABLE) walk(before[key], after[key], [key], changes);
  const leftOut = diffScenarios(baselineOf(before), {
    ...baselineOf(after),
    ...Object.fromEntries(CHANGEABLE.map((k) => [k, before[k]])),
  });
  return { changes, leftOut };
}

function walk(a: unknown, b: unknown, path: (string | number)[], out: OptionChange[]): void {
  if (JSON.stringify(a) === JSON.stringify(b)) return;
  if (isRecord(a) && isRecord(b) && !('dist' in a) && !('dist' in b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      walk(a[key], b[key], [...path, key], out);
    }
    return;
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length && sameIds(a, b)) {
    a.forEach((item, i) => walk(item, b[i], [...path, i], out));
    return;
  }
  out.push({ field: pathText(path), value: b === undefined ? null : (b as OptionChange['value']) });
}

/** Lists line up item by item only when their items keep their ids (or roles, for staff). */
function sameIds(a: readonly unknown[], b: readonly unknown[]): boolean {
  const key = (item: unknown) =>
    isRecord(item) ? JSON.stringify([item.id, item.role]) : JSON.stringify(null);
  return a.every((item, i) => key(item) === key(b[i]));
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * An option's changes in the editor's words, one line each, e.g.
 * `Metropolitan Police Service · Financial investigator · Posts: 329 → 389`.
 */
export function describeOption(scenario: Scenario, option: ScenarioOption): string[] {
  const applied = applyOption(scenario, option);
  if (!applied.ok) return option.changes.map((c) => `${c.field} → ${JSON.stringify(c.value)}`);
  return diffScenarios(baselineOf(scenario), applied.value);
}

/** The scenario with `option` added to its options (replacing one of the same name). */
export function withOption(scenario: Scenario, option: ScenarioOption): Scenario {
  const others = (scenario.options ?? []).filter((o) => o.name !== option.name);
  return { ...scenario, options: [...others, option] };
}

/** The scenario without the option called `name`; no options at all leaves the field out. */
export function withoutOption(scenario: Scenario, name: string): Scenario {
  const left = (scenario.options ?? []).filter((o) => o.name !== name);
  if (left.length > 0) return { ...scenario, options: left };
  return baselineOf(scenario);
}
