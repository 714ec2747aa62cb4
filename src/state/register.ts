import {
  assumptionsRegister,
  describeValue,
  scenarioInputs,
} from '../decision/assumptionsRegister.ts';
import type { Scenario, ScenarioInput } from '../scenario/schema.ts';
import { isUncertain } from '../scenario/uncertain.ts';
import { fieldLabel } from './fieldLabel.ts';
import { getAt, parsePath } from './path.ts';
import { publishedBefore, withReason } from './publishedFigure.ts';
import { withAssumption } from './structure.ts';

/** One line of the assumptions register as the app shows and edits it. */
export interface RegisterLine {
  field: string;
  /** The field in the planner's words. */
  label: string;
  value: string;
  /** The planner's note; empty when none is written yet. */
  note: string;
  /** For a published figure the planner changed: what it was, and where it was published. */
  published?: { value: string; source: string };
}

/**
 * Every figure with no source, each once, in the order the editor shows them; a note on a
 * whole part (all of a unit's demand) stands where that part begins. A figure keeps its place
 * when a note is first written for it.
 */
export function registerLines(input: ScenarioInput, scenario: Scenario): RegisterLine[] {
  const order = scenarioInputs(scenario).map((i) => i.field);
  const place = (field: string) => {
    const at = order.findIndex(
      (f) => f === field || f.startsWith(`${field}.`) || f.startsWith(`${field}[`),
    );
    return at < 0 ? order.length : at;
  };
  const lines = assumptionsRegister(scenario).map((entry) => {
    const stated = (input.assumptions ?? []).some((a) => a.field === entry.field);
    const kept = publishedBefore(input, entry.field);
    const raw = getAt(input, parsePath(entry.field));
    const line: RegisterLine = {
      field: entry.field,
      label: fieldLabel(input, entry.field),
      // A range is shown as the file holds it, not at the central value the engine's copy has.
      value: holdsRange(raw) ? describeInput(raw) : entry.value,
      note: kept ? kept.why : stated ? entry.note : '',
    };
    if (kept) line.published = { value: JSON.stringify(kept.value), source: kept.source };
    return line;
  });
  return lines
    .map((line, i) => ({ line, at: place(line.field), i }))
    .sort((a, b) => a.at - b.at || a.i - b.i)
    .map((x) => x.line);
}

/** The scenario with the planner's note on `field`: a reason for a changed published figure. */
export function withNote(input: ScenarioInput, field: string, note: string): ScenarioInput {
  if (publishedBefore(input, field)) return withReason(input, field, note);
  if (note.trim() === '')
    return { ...input, assumptions: (input.assumptions ?? []).filter((a) => a.field !== field) };
  return withAssumption(input, field, note);
}

/** Whether a value is, or holds, an uncertain assumption (`{"uncertain": …}`). */
function holdsRange(value: unknown): boolean {
  if (isUncertain(value)) return true;
  return (
    value !== null && typeof value === 'object' && Object.values(value).some((v) => isUncertain(v))
  );
}

/** A value as the file holds it, a range written "range: pert min 5, mode 8, max 12". */
export function describeInput(value: unknown): string {
  if (isUncertain(value)) return `range: ${describeInput(value.uncertain)}`;
  if (value !== null && typeof value === 'object' && 'dist' in value) {
    const { dist, ...rest } = value as Record<string, unknown>;
    const parts = Object.entries(rest).map(
      ([k, v]) => `${k} ${isUncertain(v) ? `(${describeInput(v)})` : String(v)}`,
    );
    return `${String(dist)} ${parts.join(', ')}`;
  }
  return describeValue(value);
}
