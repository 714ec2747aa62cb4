import type { Distribution } from '../scenario/distribution.ts';
import {
  DEMAND_STREAM,
  fieldInfoAt,
  RECRUITMENT,
  STAFF_GROUP,
  type FieldKeys,
} from '../scenario/fieldInfo.ts';
import type { Scenario } from '../scenario/schema.ts';

export interface RegisterEntry {
  /** Path of the field, as in sources[].figures, e.g. `units[0].staff[0].attritionPerYear`. */
  field: string;
  /** What the field is, in words. */
  label: string;
  /** Its value, in words; empty for entries the scenario names that are not a single input. */
  value: string;
  /** The scenario's note on it, or a statement that no source is cited. */
  note: string;
}

export const NO_SOURCE_NOTE = 'No source cited: an assumption.';

const titleOf = (keys: FieldKeys): string =>
  fieldInfoAt(keys)?.title ?? String(keys[keys.length - 1]);

export function describeValue(value: unknown): string {
  if (value === undefined) return 'not set';
  if (typeof value === 'number' || typeof value === 'string') return String(value);
  const d = value as Exclude<Distribution, number>;
  const { dist, ...rest } = d;
  return `${dist} ${Object.entries(rest)
    .map(([k, v]) => `${k} ${String(v)}`)
    .join(', ')}`;
}

interface Input {
  field: string;
  label: string;
  value: unknown;
}

/** Every input the engine reads, with its path and label. */
export function scenarioInputs(scenario: Scenario): Input[] {
  const out: Input[] = [
    { field: 'horizonMonths', label: titleOf(['horizonMonths']), value: scenario.horizonMonths },
  ];
  const add = (
    prefix: string,
    owner: string,
    at: FieldKeys,
    record: Record<string, unknown>,
    keys: string[],
  ) => {
    for (const key of keys) {
      out.push({
        field: `${prefix}.${key}`,
        label: `${owner}: ${titleOf([...at, key])}`,
        value: record[key],
      });
    }
  };
  scenario.roles.forEach((role, i) =>
    add(`roles[${i}]`, role.name, ['roles', 0], role, [
      'productiveHoursPerYear',
      'traineeProductivity',
      'trainingMonths',
      'trainingSeatsPerYear',
      'annualCost',
      ...setOnly(role, ['accreditationRate']),
    ]),
  );
  scenario.units.forEach((unit, i) => {
    unit.staff.forEach((g, j) => {
      const owner = `${unit.name}, ${scenario.roles.find((r) => r.id === g.role)?.name ?? g.role}`;
      const prefix = `units[${i}].staff[${j}]`;
      add(prefix, owner, STAFF_GROUP, g, [
        'establishment',
        'inPost',
        'inTraining',
        'attritionPerYear',
        'abstraction',
        ...setOnly(g, ['inRecruitment']),
      ]);
      add(`${prefix}.recruitment`, owner, RECRUITMENT, g.recruitment, [
        'mode',
        'monthsToHire',
        'maxHiresPerMonth',
      ]);
    });
    unit.demand.forEach((s, k) => {
      add(`units[${i}].demand[${k}]`, `${unit.name}, ${s.name}`, DEMAND_STREAM, s, [
        'casesPerMonth',
        'itemsPerCase',
        'hoursPerItem',
        'assetProbability',
        'assetValue',
        'windowMonths',
        'growthPerYear',
        ...setOnly(s, ['maxExaminedPerCase', 'hoursValueCorrelation']),
      ]);
      if (s.suppression) {
        add(
          `units[${i}].demand[${k}].suppression`,
          `${unit.name}, ${s.name}`,
          [...DEMAND_STREAM, 'suppression'],
          s.suppression,
          ['backlogMonths', 'share'],
        );
      }
    });
  });
  add('policy', 'Policy', ['policy'], scenario.policy, ['triage', 'triageAccuracy']);
  add('finance', 'Finance', ['finance'], scenario.finance, [
    'orderProbability',
    'orderShare',
    'collection',
    'monthsToReceipt',
    'forceShare',
  ]);
  return out;
}

/**
 * The optional fields of format v2 a record sets: a file that leaves them out has no figure
 * there to source, and its register stays as it was.
 */
function setOnly<T extends object>(record: T, keys: (keyof T & string)[]): string[] {
  return keys.filter((k) => record[k] !== undefined);
}

/** True if `path` is `cover` or lies inside it (`units[0]` covers `units[0].staff[0].inPost`). */
function covers(cover: string, path: string): boolean {
  return path === cover || path.startsWith(`${cover}.`) || path.startsWith(`${cover}[`);
}

/**
 * The assumptions register: every assumption the scenario states, then every input no source
 * cites (in sources[].figures) and no stated assumption covers.
 */
export function assumptionsRegister(scenario: Scenario): RegisterEntry[] {
  const inputs = scenarioInputs(scenario);
  const cited = scenario.sources.flatMap((s) => s.figures ?? []);
  const stated: RegisterEntry[] = scenario.assumptions.map((a) => {
    const input = inputs.find((i) => i.field === a.field);
    return {
      field: a.field,
      label: input?.label ?? a.field,
      value: input ? describeValue(input.value) : '',
      note: a.note,
    };
  });
  const unsourced = inputs
    .filter((i) => !cited.some((c) => covers(c, i.field)))
    .filter((i) => !scenario.assumptions.some((a) => covers(a.field, i.field)))
    .map((i) => ({
      field: i.field,
      label: i.label,
      value: describeValue(i.value),
      note: NO_SOURCE_NOTE,
    }));
  return [...stated, ...unsourced];
}
