import type { z } from 'zod';
import { scenarioSchema } from './schema.ts';

/**
 * A scenario field's words and limits, read from the schema: the one table every label, unit,
 * help text and lever setting comes from. Title, unit, help and step are the schema's `.meta()`;
 * bounds and wholeness are its own validation, so they cannot drift from what a file may hold.
 */
export interface FieldInfo {
  title: string;
  unit?: string;
  description?: string;
  /** Numbers only: the least and greatest values the schema accepts. */
  min?: number;
  max?: number;
  /** Numbers only: true when the schema takes whole numbers. */
  integer?: boolean;
  /** Numbers only: the smallest change the decision tools make (1 for whole numbers). */
  step?: number;
  /** The value a file that leaves the field out gets. */
  defaultValue?: unknown;
}

/** Keys into a scenario: `['units', 0, 'staff', 0, 'inPost']`; any index stands for every element. */
export type FieldKeys = readonly (string | number)[];

type AnySchema = z.ZodType;
interface Def {
  type: string;
  innerType?: AnySchema;
  defaultValue?: unknown;
  element?: AnySchema;
  shape?: Record<string, AnySchema>;
}
interface NumberSchema {
  minValue: number | null;
  maxValue: number | null;
  isInt: boolean;
}
interface Meta {
  title?: unknown;
  unit?: string;
  description?: string;
  step?: number;
}

// Zod keeps a schema's parts on `def`, which its public types do not expose.
const defOf = (schema: AnySchema): Def => (schema as unknown as { def: Def }).def;

/** Steps one key into a schema, looking through defaults, optionals and pipes. */
function child(schema: AnySchema, key: string | number): AnySchema | undefined {
  let at: AnySchema | undefined = schema;
  for (let guard = 0; at && guard < 10; guard++) {
    const def = defOf(at);
    // Own keys only: a key from a file such as "constructor" is not a field of the schema.
    if (def.type === 'object' && typeof key === 'string')
      return def.shape && Object.hasOwn(def.shape, key) ? def.shape[key] : undefined;
    if (def.type === 'array' && typeof key === 'number') return def.element;
    at = def.innerType;
  }
  return undefined;
}

function read(schema: AnySchema): FieldInfo | undefined {
  let meta: Meta | undefined;
  let number: NumberSchema | undefined;
  let defaultValue: unknown;
  for (let at: AnySchema | undefined = schema, guard = 0; at && guard < 10; guard++) {
    const found = at.meta() as Meta | undefined;
    if (!meta && found && typeof found.title === 'string') meta = found;
    const def = defOf(at);
    if (def.type === 'number') number = at as unknown as NumberSchema;
    if (def.type === 'default' && defaultValue === undefined) defaultValue = def.defaultValue;
    at = def.innerType;
  }
  if (!meta) return undefined;
  const info: FieldInfo = { title: meta.title as string };
  if (meta.unit !== undefined) info.unit = meta.unit;
  if (meta.description !== undefined) info.description = meta.description;
  if (defaultValue !== undefined) info.defaultValue = defaultValue;
  if (number) {
    if (number.minValue !== null) info.min = number.minValue;
    if (number.maxValue !== null) info.max = number.maxValue;
    info.integer = number.isInt;
    const step = meta.step ?? (number.isInt ? 1 : undefined);
    if (step !== undefined) info.step = step;
  }
  return info;
}

const cache = new Map<string, FieldInfo | undefined>();

/** Title, unit, help and limits of the field at `keys`, if the schema gives it a title. */
export function fieldInfoAt(keys: FieldKeys): FieldInfo | undefined {
  const cacheKey = keys.map((k) => (typeof k === 'number' ? '[]' : k)).join('.');
  if (cache.has(cacheKey)) return cache.get(cacheKey);
  let schema: AnySchema | undefined = scenarioSchema;
  for (const key of keys) schema = schema && child(schema, key);
  const found = schema && read(schema);
  cache.set(cacheKey, found);
  return found;
}

/** Whether the field at `keys` holds a number or distribution (the distribution grammar). */
export function isDistributionAt(keys: FieldKeys): boolean {
  let schema: AnySchema | undefined = scenarioSchema;
  for (const key of keys) schema = schema && child(schema, key);
  for (let at = schema, guard = 0; at && guard < 10; guard++) {
    if (defOf(at).type === 'union') return true;
    at = defOf(at).innerType;
  }
  return false;
}

/** Like fieldInfoAt, for a field every consumer relies on: a missing title is a schema mistake. */
export function requireFieldInfo(keys: FieldKeys): FieldInfo {
  const info = fieldInfoAt(keys);
  if (!info) throw new Error(`The scenario schema gives no title for ${keys.join('.')}.`);
  return info;
}

/** Where a staff group's, a recruitment's and a demand stream's fields sit in a scenario. */
export const STAFF_GROUP: FieldKeys = ['units', 0, 'staff', 0];
export const RECRUITMENT: FieldKeys = [...STAFF_GROUP, 'recruitment'];
export const DEMAND_STREAM: FieldKeys = ['units', 0, 'demand', 0];
