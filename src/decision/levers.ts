import { requireFieldInfo, STAFF_GROUP, type FieldInfo } from '../scenario/fieldInfo.ts';
import type { Role, Scenario, StaffGroup } from '../scenario/schema.ts';

/** Where a role's fields sit, for the schema's words. */
const ROLE = ['roles', 0] as const;

/** Staff-group fields a lever can move. */
export const LEVER_FIELDS = [
  'establishment',
  'inPost',
  'maxHiresPerMonth',
  'trainingSeatsPerYear',
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
  /** Where the field sits in a staff group (or, for a role's field, in the role). */
  keys: readonly string[];
  /** The field belongs to the group's role, not the group. */
  inRole?: boolean;
  /** The lever's name where it is not the field's title in the schema. */
  title?: string;
  /** A goal seek with no range given starts from the least value, not the current one. */
  searchFromLeast?: boolean;
  /** A field that must be at least this lever's value, raised with it (people in post need posts). */
  raises?: 'establishment';
}

/** Where each lever's field sits and how the tools treat it; its words and limits are the schema's. */
const LEVERS: Record<LeverField, LeverPlace> = {
  establishment: { keys: ['establishment'] },
  inPost: {
    keys: ['inPost'],
    raises: 'establishment',
    title: 'Posts and trained people together',
  },
  maxHiresPerMonth: { keys: ['recruitment', 'maxHiresPerMonth'], searchFromLeast: true },
  trainingSeatsPerYear: { keys: ['trainingSeatsPerYear'], inRole: true },
  attritionPerYear: { keys: ['attritionPerYear'], searchFromLeast: true },
};

/** A lever's title, unit, help, bounds and step, from the schema. */
export function leverInfo(
  field: LeverField,
): FieldInfo & { min: number; max: number; step: number } {
  const place = LEVERS[field];
  const info = requireFieldInfo([...(place.inRole ? ROLE : STAFF_GROUP), ...place.keys]);
  if (info.min === undefined || info.max === undefined || info.step === undefined) {
    throw new Error(`The scenario schema gives lever ${field} no bounds or step.`);
  }
  return {
    ...info,
    ...(place.title ? { title: place.title } : {}),
    min: info.min,
    max: info.max,
    step: info.step,
  };
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
function fieldOf(group: StaffGroup, field: LeverField, role?: Role) {
  const keys = LEVERS[field].keys;
  const key = keys[keys.length - 1]!;
  // Every lever's field is a number in a staff group, its recruitment or its role, as the table says.
  let record = (LEVERS[field].inRole ? role : group) as unknown as Record<string, number>;
  for (const k of keys.slice(0, -1)) record = record[k] as unknown as Record<string, number>;
  return {
    // No seat limit reads as the most seats a file may give.
    value: record[key] ?? leverInfo(field).max,
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

function roleOf(scenario: Scenario, lever: Lever): Role {
  const role = scenario.roles.find((r) => r.id === lever.role);
  if (!role) throw new Error(`No role for lever ${formatLever(lever)}.`);
  return role;
}

/** The lever's value in a scenario. */
export function leverValue(scenario: Scenario, lever: Lever): number {
  return fieldOf(groupOf(scenario, lever), lever.field, roleOf(scenario, lever)).value;
}

/**
 * A copy of the scenario with the lever set to `value`; the original is untouched. Raising
 * inPost past the establishment raises the establishment with it, since people in post and in
 * training need posts. Values out of range or not whole (for counts) are refused with a message.
 */
export function applyLever(scenario: Scenario, lever: Lever, value: number): Scenario {
  const { integer } = leverInfo(lever.field);
  const [min, max] = leverBounds(scenario, lever);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new Error(
      `${formatLever(lever)} must be between ${min} and ${max} in this scenario, not ${value}.`,
    );
  }
  if (integer && !Number.isInteger(value)) {
    throw new Error(`${formatLever(lever)} counts people, so it must be whole, not ${value}.`);
  }
  const next = structuredClone(scenario);
  const group = groupOf(next, lever);
  fieldOf(group, lever.field, roleOf(next, lever)).set(value);
  // Posts must hold everyone in post and in training, as the editor requires.
  const raised = LEVERS[lever.field].raises;
  if (raised) group[raised] = Math.max(group[raised], value + group.inTraining);
  return next;
}

/**
 * The values a lever may take in this scenario, as the editor allows them: the schema's bounds,
 * and posts never below the people in post and in training, nor people in post so many that
 * the posts to hold them would pass the schema's bound.
 */
export function leverBounds(scenario: Scenario, lever: Lever): [number, number] {
  const { min, max } = leverInfo(lever.field);
  const group = groupOf(scenario, lever);
  const people = group.inPost + group.inTraining;
  if (lever.field === 'establishment') return [Math.max(min, people), max];
  if (lever.field === 'inPost')
    return [min, Math.min(max, leverInfo('establishment').max - group.inTraining)];
  return [min, max];
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
