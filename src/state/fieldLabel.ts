import type { ScenarioInput } from '../scenario/schema.ts';
import { fieldInfo } from './fieldInfo.ts';
import { getAt, parsePath, type FieldPath } from './path.ts';

const SECTIONS: Record<string, string> = {
  policy: 'Triage policy',
  finance: 'Money',
  sources: 'Source',
  assumptions: 'Assumption',
};
const LISTS: Record<string, string> = {
  units: 'Units',
  roles: 'Roles',
  staff: 'Staff',
  demand: 'Demand streams',
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

/**
 * A field's place in the planner's words, as the editor shows it:
 * `units[0].staff[0].inPost` → "Metropolitan Police Service · Financial investigator · In post".
 * Units, roles, staff groups and streams go by their names; fields by their titles.
 */
export function fieldLabel(input: ScenarioInput, path: string | FieldPath): string {
  const keys = typeof path === 'string' ? parsePath(path) : [...path];
  const parts: string[] = [];
  const roleName = (id: unknown) =>
    (input.roles ?? []).find((r) => r.id === id)?.name ?? String(id);
  let titled = 0;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const parent = keys[i - 1];
    const here = keys.slice(0, i + 1);
    if (typeof key === 'number') {
      const item = getAt(input, here) as Record<string, unknown> | undefined;
      if (parent === 'staff') parts.push(roleName(item?.role));
      else if (parent === 'units' || parent === 'roles' || parent === 'demand')
        parts.push(typeof item?.name === 'string' && item.name ? item.name : `number ${key + 1}`);
      else if (parent === 'sources' || parent === 'assumptions')
        parts.push(`${SECTIONS[parent]} ${key + 1}`);
      else parts.push(`number ${key + 1}`);
      continue;
    }
    if (key in LISTS) {
      // A note on a whole list (all of a unit's demand) names the list; otherwise it is a step.
      if (i === keys.length - 1) parts.push(LISTS[key]!);
      continue;
    }
    if (key === 'recruitment' && i < keys.length - 1) continue;
    if (i === 0 && SECTIONS[key] && (key === 'policy' || key === 'finance')) {
      parts.push(SECTIONS[key]!);
      continue;
    }
    if (key === 'sources' || key === 'assumptions') continue;
    const info = fieldInfo(here);
    if (info) {
      parts.push(info.title);
      titled = i;
    } else if (titled > 0 && PARTS[key]) parts.push(PARTS[key]!);
    else parts.push(key);
  }
  return parts.join(' · ') || 'The scenario';
}
