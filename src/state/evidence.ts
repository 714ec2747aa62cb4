import type { HistoryKind } from '../fit/history.ts';
import { LIMITS } from '../scenario/limits.ts';
import type { ScenarioInput } from '../scenario/schema.ts';
import { fieldLabel } from './fieldLabel.ts';
import { getAt, pathText, setAt, type FieldPath } from './path.ts';
import { afterFigureEdit, publishedBefore, withReason } from './publishedFigure.ts';
import { withAssumption } from './structure.ts';

/** How a note written from evidence begins, so a later elicitation or fit replaces it. */
const EVIDENCE = /^(Elicited on |Fitted from )/;
const EARLIER = ' Earlier note: ';

/**
 * `input` with `value` at `path` and `note` on it in the register, as one edit: a published
 * figure lets go of its source as any edit would, keeping its published value; a note the planner
 * wrote is kept after the new one, and a note from earlier evidence gives way to it.
 */
export function withEvidence(
  input: ScenarioInput,
  path: FieldPath,
  value: unknown,
  note: string,
): ScenarioInput {
  const key = pathText(path);
  const before = getAt(input, path);
  const changed = afterFigureEdit(setAt(input, path, value), key, before);
  const published = publishedBefore(changed, key);
  const old = published
    ? published.why
    : ((changed.assumptions ?? []).find((a) => a.field === key)?.note ?? '');
  const kept = EVIDENCE.test(old) ? (old.split(EARLIER)[1] ?? '') : old.trim();
  const text = kept ? `${note}${EARLIER}${kept}` : note;
  // Room is left for a published figure's value and source before the note.
  const room = LIMITS.textLength - (published ? 1000 : 0);
  const fitted = text.length > room ? `${text.slice(0, room - 1)}…` : text;
  return published ? withReason(changed, key, fitted) : withAssumption(changed, key, fitted);
}

/** A field a fitted history can go into. */
export interface HistoryTarget {
  path: FieldPath;
  /** The field in the planner's words. */
  label: string;
}

/** Demand streams' distribution fields that a monthly history of this kind describes. */
const TARGET_FIELDS: Record<HistoryKind, readonly string[]> = {
  counts: ['casesPerMonth', 'itemsPerCase'],
  positive: ['hoursPerItem', 'assetValue'],
};

/**
 * Every field a fit of `kind` can go into: each demand stream's cases a month and items per case
 * for counts, its hours per item and asset value for positive values.
 */
export function historyTargets(input: ScenarioInput, kind: HistoryKind): HistoryTarget[] {
  const out: HistoryTarget[] = [];
  (input.units ?? []).forEach((unit, u) =>
    (unit.demand ?? []).forEach((_, d) => {
      for (const field of TARGET_FIELDS[kind]) {
        const path = ['units', u, 'demand', d, field];
        out.push({ path, label: fieldLabel(input, path) });
      }
    }),
  );
  return out;
}

/** The kind a field's history would be: counts for counts, positive values for the rest. */
export function kindOfTarget(path: FieldPath): HistoryKind | undefined {
  const last = path[path.length - 1];
  if (typeof last !== 'string') return undefined;
  return (Object.keys(TARGET_FIELDS) as HistoryKind[]).find((k) => TARGET_FIELDS[k].includes(last));
}
