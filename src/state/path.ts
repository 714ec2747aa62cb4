/** A field's place in a scenario, as keys: `['units', 0, 'staff', 0, 'inPost']`. */
export type FieldPath = readonly (string | number)[];

/** Splits `units[0].staff[0].inPost` into its keys. */
export function parsePath(path: string): (string | number)[] {
  const keys: (string | number)[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (match[2] !== undefined) keys.push(Number(match[2]));
    else if (match[1] !== undefined) keys.push(match[1]);
  }
  return keys;
}

/** Joins keys as problems and `sources[].figures` write them: `units[0].staff[0].inPost`. */
export function pathText(path: FieldPath): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${key}` : key;
  }
  return out;
}

/** The value at `path`, or undefined where the path leaves the value. */
export function getAt(root: unknown, path: FieldPath): unknown {
  let at: unknown = root;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string | number, unknown>)[key];
  }
  return at;
}

/**
 * A copy of `root` with `value` at `path`, sharing every untouched branch. Missing objects on
 * the way are created, so a field left out of a file (a default) can still be edited.
 */
export function setAt<T>(root: T, path: FieldPath, value: unknown): T {
  if (path.length === 0) return value as T;
  const [key, ...rest] = path as [string | number, ...(string | number)[]];
  const base: unknown = root;
  const child =
    base !== null && typeof base === 'object'
      ? (base as Record<string | number, unknown>)[key]
      : undefined;
  const next = setAt(child, rest, value);
  if (Array.isArray(base)) {
    const copy = [...(base as unknown[])];
    copy[key as number] = next;
    return copy as T;
  }
  const object = base !== null && typeof base === 'object' ? base : {};
  if (value === undefined && rest.length === 0) {
    const { [key]: _removed, ...kept } = object as Record<string | number, unknown>;
    return kept as T;
  }
  return { ...(object as Record<string | number, unknown>), [key]: next } as T;
}
