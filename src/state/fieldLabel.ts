import type { ScenarioInput } from '../scenario/schema.ts';
import { fieldInfo } from './fieldInfo.ts';
import { getAt, parsePath, type FieldPath } from './path.ts';

/** A table's own entry for `key`, never one inherited from Object (`constructor`). */
const entry = (table: Record<string, string>, key: string): string | undefined =>
  Object.hasOwn(table, key) ? table[key] : undefined;

const SECTIONS: Record<string, string> = {
  policy: 'Triage policy',
  finance: 'Money',
  sources: 'Source',
  assumptions: 'Assumption',
};
/** Lists, as a note on the whole list names them. */
const LISTS: Record<string, string> = {
  units: 'Units',
  roles: 'Roles',
  staff: 'Staff',
  demand: 'Demand streams',
  sources: 'Sources',
  assumptions: 'Assumptions register',
  options: 'Options',
  changes: 'Changes',
  collection: 'Collection bands',
};
/** An item of a list with no name of its own, by its place: "Unit 3". */
const ITEMS: Record<string, string> = {
  units: 'Unit',
  roles: 'Role',
  staff: 'Staff group',
  demand: 'Demand stream',
  sources: 'Source',
  assumptions: 'Assumption',
  options: 'Option',
  changes: 'change',
  collection: 'Collection band',
};
/** Fields of the file itself, which the editor does not show with a title. */
const FILE_FIELDS: Record<string, string> = {
  format: 'File format',
  schemaVersion: 'Format version',
  description: 'Description',
};
/** Parts of a distribution as the editor names them. */
const PARTS: Record<string, string> = {
  dist: 'shape',
  value: 'value',
  mean: 'average',
  median: 'typical value',
  p90: '1 in 10 above',
  sd: 'give or take',
  dispersion: 'dispersion',
  min: 'lowest',
  max: 'highest',
  mode: 'most likely',
  shift: 'shift',
};

/** A part of a distribution as the editor names it: `p90` → "1 in 10 above". */
export function partName(key: string): string {
  return entry(PARTS, key) ?? key;
}

/**
 * A field's place in the planner's words, as the editor shows it:
 * `units[0].staff[0].inPost` → "Metropolitan Police Service · Financial investigator · In post".
 * Units, roles, staff groups, streams and options go by their names; fields by their titles.
 * `input` may be any value read from a file, however malformed: a place the file does not have
 * is named by its number ("Unit 6").
 */
export function fieldLabel(input: ScenarioInput, path: string | FieldPath): string {
  const keys = typeof path === 'string' ? parsePath(path) : [...path];
  const parts: string[] = [];
  const roleList = getAt(input, ['roles']);
  const roleName = (id: unknown): string | undefined => {
    if (typeof id !== 'string') return undefined;
    const role: unknown = Array.isArray(roleList)
      ? roleList.find((r: unknown) => getAt(r, ['id']) === id)
      : undefined;
    const name = getAt(role, ['name']);
    return typeof name === 'string' && name ? name : id;
  };
  let titled = 0;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const parent = keys[i - 1];
    const here = keys.slice(0, i + 1);
    if (typeof key === 'number') {
      const item = getAt(input, here);
      const name = getAt(item, ['name']);
      const list = typeof parent === 'string' ? parent : '';
      const itemWord = entry(ITEMS, list);
      const byPlace = itemWord ? `${itemWord} ${key + 1}` : `number ${key + 1}`;
      const field = getAt(item, ['field']);
      if (list === 'staff') parts.push(roleName(getAt(item, ['role'])) ?? byPlace);
      else if (list === 'options' && typeof name === 'string' && name)
        parts.push(`Option “${name}”`);
      else if (list === 'assumptions' && i === 1 && typeof field === 'string')
        // A note is known by the field it is on; the field is named in words too.
        parts.push(`Note ${key + 1} in the assumptions register, on ${fieldLabel(input, field)}`);
      else if (['units', 'roles', 'demand'].includes(list) && typeof name === 'string' && name)
        parts.push(name);
      else parts.push(byPlace);
      continue;
    }
    const listName = entry(LISTS, key);
    if (listName) {
      // A note on a whole list (all of a unit's demand) names the list; otherwise it is a step.
      if (i === keys.length - 1) parts.push(listName);
      continue;
    }
    if (key === 'recruitment' && i < keys.length - 1) continue;
    // The field a note is on is already in the note's name.
    if (key === 'field' && i === 2 && keys[0] === 'assumptions') continue;
    if (key === 'field' && parent !== undefined && keys[i - 2] === 'changes') continue;
    const section = entry(SECTIONS, key);
    if (i === 0 && section && (key === 'policy' || key === 'finance')) {
      parts.push(section);
      continue;
    }
    if (key === 'name' && typeof parent === 'number') {
      parts.push('Name');
      continue;
    }
    const fileField = entry(FILE_FIELDS, key);
    if (i === 0 && fileField) {
      parts.push(fileField);
      continue;
    }
    const info = fieldInfo(here);
    const part = entry(PARTS, key);
    if (info) {
      parts.push(info.title);
      titled = i;
    } else if (titled > 0 && part) parts.push(part);
    else parts.push(key);
  }
  return parts.join(' · ') || 'The scenario';
}
