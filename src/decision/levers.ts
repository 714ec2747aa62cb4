import { requireFieldInfo, STAFF_GROUP, type FieldInfo } from '../scenario/fieldInfo.ts';
import type { Scenario, StaffGroup } from '../scenario/schema.ts';

/** Staff-group fields a lever can move. */
export const LEVER_FIELDS = [
  'establishment',
  'inPost',
  'maxHiresPerMonth',
  'attritionPerYear',
] as const;
export type LeverField = (typeof LEVER_FIELDS)[number];

/** One staff group's field: written `FIELD:UNIT:ROLE`, e.g. `inPost:mps:fi`. */
export interface Lever {
  field: LeverField;
  unit: string;
  role: string;
}

interface LeverPlace {
  /** Where the field sits in a staff group. */
  keys: readonly string[];
  /** A goal seek with no range given starts from the least value, not the current one. */
  searchFromLeast?: boolean;
  /** A field that must be at least this lever's value, raised with it (people in post need posts). */
  raises?: 'establishment';
}

/** Where each lever's field sits and how the tools treat it; its words and limits are the schema's. */
const LEVERS: Record<LeverField, LeverPlace> = {
  establishment: { keys: ['establishment'] },
  inPost: { keys: ['inPost'], raises: 'establishment' },
  maxHiresPerMonth: { keys: ['recruitment', 'maxHiresPerMonth'], searchFromLeast: true },
  attritionPerYear: { keys: ['attritionPerYear'], searchFromLeast: true },
};

/** A lever's title, unit, help, bounds and step, from the schema. */
export function leverInfo(
  field: LeverField,
): FieldInfo & { min: number; max: number; step: number } {
  const info = requireFieldInfo([...STAFF_GROUP, ...LEVERS[field].keys]);
  if (info.min === undefined || info.max === undefined || info.step === undefined) {
    throw new Error(`The scenario schema gives lever ${field} no bounds or step.`);
  }
  return { ...info, min: info.min, max: info.max, step: info.step };
}

/** A lever's name, as the schema titles its field: "Leavers". */
export function leverLabel(field: LeverField): string {
  return leverInfo(field).title;
}

/** True if a goal seek with no range starts from the lever's least value. */
export function searchesFromLeast(field: LeverField): boolean {
  return LEVERS[field].searchFromLeast === true;
}

/** The smallest change a lever takes: whole people, or the schema's step for a share. */
export function leverStep(field: LeverField): number {
  return leverInfo(field).step;
}

/** The largest value a lever takes. */
export function leverMax(field: LeverField): number {
  return leverInfo(field).max;
}

export function formatLever(lever: Lever): string {
  return `${lever.field}:${lever.unit}:${lever.role}`;
}

function isLeverField(text: string): text is LeverField {
  return (LEVER_FIELDS as readonly string[]).includes(text);
}

/** Reads `FIELD:UNIT:ROLE` and checks the unit and role exist in the scenario. Throws with a message that names what is wrong. */
export function parseLever(text: string, scenario: Scenario): Lever {
  const parts = text.split(':');
  if (parts.length !== 3 || parts.some((p) => p === '')) {
    throw new Error(
      `Lever "${text}" must be written FIELD:UNIT:ROLE, e.g. inPost:${scenario.units[0]?.id ?? 'unit'}:${scenario.roles[0]?.id ?? 'role'}.`,
    );
  }
  const [field, unit, role] = parts as [string, string, string];
  if (!isLeverField(field)) {
    throw new Error(`Lever field "${field}" is not one of: ${LEVER_FIELDS.join(', ')}.`);
  }
  const u = scenario.units.find((x) => x.id === unit);
  if (!u) {
    throw new Error(
      `Unit "${unit}" is not in the scenario. Units: ${scenario.units.map((x) => x.id).join(', ')}.`,
    );
  }
  if (!u.staff.some((g) => g.role === role)) {
    throw new Error(
      `Unit "${unit}" has no staff with role "${role}". Its roles: ${u.staff.map((g) => g.role).join(', ')}.`,
    );
  }
  return { field, unit, role };
}

/** The record that holds a lever's field, and the field's value there. */
function fieldOf(group: StaffGroup, field: LeverField) {
  const keys = LEVERS[field].keys;
  const key = keys[keys.length - 1]!;
  // Every lever's field is a number in a staff group or its recruitment, as the table says.
  let record = group as unknown as Record<string, number>;
  for (const k of keys.slice(0, -1)) record = record[k] as unknown as Record<string, number>;
  return {
    value: record[key]!,
    set: (value: number) => {
      record[key] = value;
    },
  };
}

function groupOf(scenario: Scenario, lever: Lever): StaffGroup {
  const group = scenario.units
    .find((u) => u.id === lever.unit)
    ?.staff.find((g) => g.role === lever.role);
  if (!group) throw new Error(`No staff group for lever ${formatLever(lever)}.`);
  return group;
}

/** The lever's value in a scenario. */
export function leverValue(scenario: Scenario, lever: Lever): number {
  return fieldOf(groupOf(scenario, lever), lever.field).value;
}

/**
 * A copy of the scenario with the lever set to `value`; the original is untouched. Raising
 * inPost past the establishment raises the establishment with it, since people in post need
 * posts. Values out of range or not whole (for counts) are refused with a message.
 */
export function applyLever(scenario: Scenario, lever: Lever, value: number): Scenario {
  const { min, max, integer } = leverInfo(lever.field);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new Error(`${formatLever(lever)} must be between ${min} and ${max}, not ${value}.`);
  }
  if (integer && !Number.isInteger(value)) {
    throw new Error(`${formatLever(lever)} counts people, so it must be whole, not ${value}.`);
  }
  const next = structuredClone(scenario);
  const group = groupOf(next, lever);
  fieldOf(group, lever.field).set(value);
  const raised = LEVERS[lever.field].raises;
  if (raised) group[raised] = Math.max(group[raised], value);
  return next;
}

/**
 * A copy with `extra` more people in post in one staff group, each in a new funded post: the
 * question "what would k more of them buy?". Raising posts with people keeps recruitment for
 * existing vacancies as it was.
 */
export function addStaff(scenario: Scenario, unit: string, role: string, extra: number): Scenario {
  const next = structuredClone(scenario);
  const group = groupOf(next, { field: 'inPost', unit, role });
  group.inPost += extra;
  group.establishment += extra;
  return next;
}
