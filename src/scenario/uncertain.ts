import { distributionSchema, type Distribution } from './distribution.ts';
import { expectedMean } from './distributionMoments.ts';
import { fieldInfoAt, isDistributionAt, type FieldKeys } from './fieldInfo.ts';
import { issuesToProblems } from './issueMessage.ts';
import { LIMITS } from './limits.ts';
import type { Problem } from './problem.ts';

/**
 * An assumption whose value is not known exactly: wherever a scenario holds a number, a file may
 * hold `{"uncertain": <distribution>}` instead. Each replication draws the value once, from a
 * stream of its own named after its path, so a file without any draws exactly what it drew
 * before and options still share their random numbers. Everywhere else (the editor, the file
 * check, the decision tools' starting point) the value stands at the distribution's mean.
 */
export interface UncertainValue {
  /** Where the number sits, as messages name it: `units[0].demand[0].casesPerMonth.mean`. */
  path: string;
  keys: (string | number)[];
  dist: Distribution;
  /** The range the field allows: a draw outside it is clamped to it. */
  min: number;
  max: number;
  /** Whole-number fields take the draw rounded to the nearest whole number (halves up). */
  integer: boolean;
  /** The value the scenario holds in its place: the mean, clamped and rounded likewise. */
  central: number;
}

/** Fields that shape a run rather than describe the force: they cannot be uncertain. */
const FIXED_FIELDS = new Set(['schemaVersion', 'horizonMonths', 'replications']);

/** Bounds of a distribution's parameters, which the schema holds inside a union. */
const PARAMETER_BOUNDS: Record<string, { min: number; max: number; integer?: boolean }> = {
  value: { min: 0, max: LIMITS.parameter },
  mean: { min: 0, max: LIMITS.parameter },
  sd: { min: 0, max: LIMITS.parameter },
  min: { min: 0, max: LIMITS.parameter },
  mode: { min: 0, max: LIMITS.parameter },
  max: { min: 0, max: LIMITS.parameter },
  shift: { min: 0, max: LIMITS.parameter, integer: true },
  dispersion: { min: LIMITS.smallestDispersion, max: LIMITS.parameter },
  median: { min: LIMITS.smallestParameter, max: LIMITS.parameter },
  p90: { min: LIMITS.smallestParameter, max: LIMITS.parameter },
};

export function pathOf(keys: readonly (string | number)[]): string {
  return keys.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
}

/** Whether `value` is written `{"uncertain": …}`. */
export function isUncertain(value: unknown): value is { uncertain: unknown } {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.prototype.hasOwnProperty.call(value, 'uncertain')
  );
}

/** The allowed range of the number at `keys`, or undefined where no number belongs. */
function boundsAt(keys: FieldKeys): { min: number; max: number; integer: boolean } | undefined {
  // A distribution field given as a bare number is a fixed value.
  if (isDistributionAt(keys)) return { ...PARAMETER_BOUNDS.value!, integer: false };
  const info = fieldInfoAt(keys);
  if (info && (info.min !== undefined || info.max !== undefined || info.integer !== undefined)) {
    return {
      min: info.min ?? -Infinity,
      max: info.max ?? Infinity,
      integer: info.integer ?? false,
    };
  }
  // A distribution's parameter: the last key names it, the one before is the field.
  const last = keys[keys.length - 1];
  const bounds = typeof last === 'string' ? PARAMETER_BOUNDS[last] : undefined;
  if (!bounds || keys.length < 2) return undefined;
  if (!isDistributionAt(keys.slice(0, -1))) return undefined;
  return { min: bounds.min, max: bounds.max, integer: bounds.integer ?? false };
}

const rangeCache = new Map<string, { min: number; max: number; integer: boolean } | undefined>();

/**
 * Whether the number at `keys` may be given as `{"uncertain": …}`, and if so the range its draws
 * are clamped to; undefined for the run's fixed fields and for anything that is not a number.
 */
export function uncertainRangeAt(
  keys: FieldKeys,
): { min: number; max: number; integer: boolean } | undefined {
  // Asked by every number field the editor draws: the answer depends only on the field's place.
  const cacheKey = keys.map((k) => (typeof k === 'number' ? '[]' : k)).join('.');
  if (rangeCache.has(cacheKey)) return rangeCache.get(cacheKey);
  const top = keys[0];
  const range =
    keys.length === 1 && typeof top === 'string' && FIXED_FIELDS.has(top)
      ? undefined
      : boundsAt(keys);
  rangeCache.set(cacheKey, range);
  return range;
}

export function clampDraw(u: Pick<UncertainValue, 'min' | 'max' | 'integer'>, x: number): number {
  const whole = u.integer ? Math.floor(x + 0.5) : x;
  return Math.min(u.max, Math.max(u.min, whole));
}

export interface Extracted {
  /** The file with each uncertain value replaced by its central value. */
  file: Record<string, unknown>;
  uncertain: UncertainValue[];
  problems: Problem[];
}

/**
 * Finds every `{"uncertain": …}` in a file (after migration, before the schema), checks its
 * distribution, and puts its central value in its place, so the schema and every reader see a
 * plain number. The file passed in is not changed.
 */
export function extractUncertain(file: Record<string, unknown>): Extracted {
  const uncertain: UncertainValue[] = [];
  const problems: Problem[] = [];
  // Parts holding no uncertain value are given back as they are, so a file without any (every
  // validation of every edit) is walked but not copied.
  const walk = (value: unknown, keys: (string | number)[]): unknown => {
    if (isUncertain(value)) return replace(value, keys);
    if (value === null || typeof value !== 'object') return value;
    const entries = Array.isArray(value)
      ? value.map((v, i) => [i, v] as const)
      : Object.entries(value);
    let copy: unknown[] | Record<string, unknown> | undefined;
    for (const [k, v] of entries) {
      const next = walk(v, [...keys, k]);
      if (next === v && copy === undefined) continue;
      copy ??= Array.isArray(value) ? [...value] : { ...value };
      (copy as Record<string | number, unknown>)[k] = next;
    }
    return copy ?? value;
  };
  const replace = (value: { uncertain: unknown }, keys: (string | number)[]): unknown => {
    const path = pathOf(keys);
    const extra = Object.keys(value).filter((k) => k !== 'uncertain');
    if (extra.length > 0) {
      problems.push({
        path,
        message: `holds "uncertain" beside ${extra.map((k) => `"${k}"`).join(', ')}; write {"uncertain": {…}} alone.`,
      });
      return value;
    }
    const top = keys[0];
    if (keys.length === 1 && typeof top === 'string' && FIXED_FIELDS.has(top)) {
      problems.push({
        path,
        message: 'sets the shape of the run and cannot be uncertain; give a number.',
      });
      return value;
    }
    const bounds = boundsAt(keys);
    if (!bounds) {
      problems.push({ path, message: 'is not a number field, so it cannot be uncertain.' });
      return value;
    }
    const parsed = distributionSchema.safeParse(value.uncertain);
    if (!parsed.success) {
      problems.push(
        ...issuesToProblems(parsed.error.issues, value.uncertain).map((p) => ({
          path: p.path === '(top level)' ? `${path}.uncertain` : `${path}.uncertain.${p.path}`,
          message: p.message,
        })),
      );
      return value;
    }
    const u = { ...bounds, dist: parsed.data };
    const central = clampDraw(u, expectedMean(parsed.data));
    uncertain.push({ path, keys, ...u, central });
    return central;
  };
  const out = walk(file, []) as Record<string, unknown>;
  return { file: out, uncertain, problems };
}

/** The file with each uncertain value written back in its place (for saving). */
export function restoreUncertain(
  file: Record<string, unknown>,
  uncertain: readonly Pick<UncertainValue, 'keys' | 'dist'>[],
): Record<string, unknown> {
  const out = JSON.parse(JSON.stringify(file)) as Record<string, unknown>;
  for (const u of uncertain) setAt(out, u.keys, { uncertain: u.dist });
  return out;
}

/** Sets the value at `keys` in place; the path must exist up to its last key. */
export function setAt(target: unknown, keys: readonly (string | number)[], value: unknown): void {
  let at = target as Record<string | number, unknown>;
  for (let i = 0; i < keys.length - 1; i++) {
    const next = at[keys[i]!];
    if (typeof next === 'number') {
      // A bare number standing for a fixed distribution: a parameter inside it is its value.
      at[keys[i]!] = { dist: 'fixed', value: next };
    }
    at = at[keys[i]!] as Record<string | number, unknown>;
  }
  at[keys[keys.length - 1]!] = value;
}

/** The central value of an uncertain assumption: its mean (not yet clamped to a field). */
export function centralValue(value: { uncertain: unknown }): number {
  const parsed = distributionSchema.safeParse(value.uncertain);
  return parsed.success ? expectedMean(parsed.data) : NaN;
}

/** A value with every `{"uncertain": …}` inside it replaced by its central value. */
export function withCentralValues<T>(value: T): T {
  if (isUncertain(value)) return centralValue(value) as T;
  if (Array.isArray(value)) return value.map(withCentralValues) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, withCentralValues(v)]),
    ) as T;
  }
  return value;
}

/**
 * A scenario as a file holds it: uncertain assumptions listed beside a parsed scenario are put
 * back inline where they were. Anything else is given back as it is.
 */
export function inlineUncertain<T>(scenario: T): T {
  const listed = (scenario as { uncertain?: unknown }).uncertain;
  if (!Array.isArray(listed) || listed.length === 0) return scenario;
  const { uncertain: _listed, ...rest } = scenario as Record<string, unknown>;
  return restoreUncertain(rest, listed as UncertainValue[]) as T;
}
