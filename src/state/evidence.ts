import { scenarioInputs } from '../decision/assumptionsRegister.ts';
import type { HistoryKind } from '../fit/history.ts';
import { KIND_PARAMETERS } from '../results/distributionPreview.ts';
import { DISTRIBUTION_KINDS, type DistributionKind } from '../scenario/distribution.ts';
import { isDistributionAt } from '../scenario/fieldInfo.ts';
import { LIMITS } from '../scenario/limits.ts';
import type { Scenario, ScenarioInput } from '../scenario/schema.ts';
import { isUncertain, uncertainRangeAt } from '../scenario/uncertain.ts';
import { fieldLabel } from './fieldLabel.ts';
import { getAt, parsePath, pathText, setAt, type FieldPath } from './path.ts';
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
 * Every field of unit `u` a fit of `kind` can go into: each demand stream's cases a month and
 * items per case for counts, its hours per item and asset value for positive values. One unit at
 * a time, as a file may hold thousands of streams.
 */
export function historyTargets(input: ScenarioInput, kind: HistoryKind, u = 0): HistoryTarget[] {
  const out: HistoryTarget[] = [];
  (input.units?.[u]?.demand ?? []).forEach((_, d) => {
    for (const field of TARGET_FIELDS[kind]) {
      const path = ['units', u, 'demand', d, field];
      out.push({ path, label: fieldLabel(input, path) });
    }
  });
  return out;
}

/** The kind a field's history would be: counts for counts, positive values for the rest. */
export function kindOfTarget(path: FieldPath): HistoryKind | undefined {
  const last = path[path.length - 1];
  if (typeof last !== 'string') return undefined;
  return (Object.keys(TARGET_FIELDS) as HistoryKind[]).find((k) => TARGET_FIELDS[k].includes(last));
}

/** A figure experts can be asked about. */
export interface ExpertTarget {
  path: FieldPath;
  label: string;
}

/** A part of the scenario whose figures are listed together: one unit, or everything else. */
export interface ScenarioPart {
  /** `units[2]`, or `general` for roles, policy and money. */
  id: string;
  label: string;
}

/**
 * The parts a list of figures is split into, so that a file with thousands of figures is never
 * listed whole: each unit, then the roles, triage policy and money.
 */
export function scenarioParts(input: ScenarioInput): ScenarioPart[] {
  return [
    ...(input.units ?? []).map((unit, u) => ({
      id: `units[${u}]`,
      label: unit.name || `Unit ${u + 1}`,
    })),
    { id: 'general', label: 'Roles, triage and money' },
  ];
}

/**
 * Every figure of `part` that can hold a range, in the order of the register: a plain number,
 * or each parameter of a distribution (its average, its spread), as the editor shows them.
 */
export function expertTargets(
  input: ScenarioInput,
  scenario: Scenario,
  part: string,
): ExpertTarget[] {
  const inPart = (field: string) =>
    part === 'general' ? !field.startsWith('units[') : field.startsWith(`${part}.`);
  const out: ExpertTarget[] = [];
  const add = (path: FieldPath) => out.push({ path, label: fieldLabel(input, path) });
  for (const { field } of scenarioInputs(scenario)) {
    if (!inPart(field)) continue;
    const keys = parsePath(field);
    const value = getAt(input, keys);
    if (typeof value === 'string' || !uncertainRangeAt(keys)) continue;
    const dist = (value as { dist?: unknown } | undefined)?.dist;
    if (isDistributionAt(keys) && !isUncertain(value) && typeof dist === 'string') {
      if (!DISTRIBUTION_KINDS.includes(dist as DistributionKind)) continue;
      for (const p of KIND_PARAMETERS[dist as DistributionKind]) add([...keys, p.key]);
    } else add(keys);
  }
  return out;
}
