import { LIMITS } from '../scenario/limits.ts';
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

/** Units of each lever's value, for labels. */
export const LEVER_UNITS: Record<LeverField, string> = {
  establishment: 'posts',
  inPost: 'people in post',
  maxHiresPerMonth: 'recruitments a month',
  attritionPerYear: 'share leaving a year',
};

/** The smallest change a lever takes: whole people, or one percentage point of leavers. */
export function leverStep(field: LeverField): number {
  return field === 'attritionPerYear' ? 0.01 : 1;
}

/** The largest value a lever takes. */
export function leverMax(field: LeverField): number {
  if (field === 'attritionPerYear') return 1;
  if (field === 'maxHiresPerMonth') return LIMITS.hiresPerMonth;
  return LIMITS.peoplePerGroup;
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

function groupOf(scenario: Scenario, lever: Lever): StaffGroup {
  const group = scenario.units
    .find((u) => u.id === lever.unit)
    ?.staff.find((g) => g.role === lever.role);
  if (!group) throw new Error(`No staff group for lever ${formatLever(lever)}.`);
  return group;
}

/** The lever's value in a scenario. */
export function leverValue(scenario: Scenario, lever: Lever): number {
  const group = groupOf(scenario, lever);
  return lever.field === 'maxHiresPerMonth'
    ? group.recruitment.maxHiresPerMonth
    : group[lever.field];
}

/**
 * A copy of the scenario with the lever set to `value`; the original is untouched. Raising
 * inPost past the establishment raises the establishment with it, since people in post need
 * posts. Values out of range or not whole (for counts) are refused with a message.
 */
export function applyLever(scenario: Scenario, lever: Lever, value: number): Scenario {
  const max = leverMax(lever.field);
  if (!Number.isFinite(value) || value < 0 || value > max) {
    throw new Error(`${formatLever(lever)} must be between 0 and ${max}, not ${value}.`);
  }
  if (lever.field !== 'attritionPerYear' && !Number.isInteger(value)) {
    throw new Error(`${formatLever(lever)} counts people, so it must be whole, not ${value}.`);
  }
  const next = structuredClone(scenario);
  const group = groupOf(next, lever);
  switch (lever.field) {
    case 'establishment':
      group.establishment = value;
      break;
    case 'inPost':
      group.inPost = value;
      group.establishment = Math.max(group.establishment, value);
      break;
    case 'maxHiresPerMonth':
      group.recruitment.maxHiresPerMonth = value;
      break;
    case 'attritionPerYear':
      group.attritionPerYear = value;
      break;
  }
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
