import type { z } from 'zod';
import { scenarioSchema } from '../scenario/schema.ts';
import { parsePath, type FieldPath } from './path.ts';

/** What the editor shows beside a field: from the schema's `.meta()`, the one source of truth. */
export interface FieldInfo {
  title: string;
  unit?: string;
  description?: string;
}

type AnySchema = z.ZodType;
interface Def {
  type: string;
  innerType?: AnySchema;
  element?: AnySchema;
  shape?: Record<string, AnySchema>;
  options?: AnySchema[];
}

function defOf(schema: AnySchema): Def {
  return (schema as unknown as { def: Def }).def;
}

function metaOf(schema: AnySchema): FieldInfo | undefined {
  const meta = schema.meta() as Partial<FieldInfo> | undefined;
  return meta && typeof meta.title === 'string' ? (meta as FieldInfo) : undefined;
}

/** Steps one key into a schema, looking through defaults, optionals and pipes. */
function child(schema: AnySchema, key: string | number): AnySchema | undefined {
  let at: AnySchema | undefined = schema;
  for (let guard = 0; at && guard < 10; guard++) {
    const def = defOf(at);
    if (def.type === 'object' && typeof key === 'string') return def.shape?.[key];
    if (def.type === 'array' && typeof key === 'number') return def.element;
    at = def.innerType;
  }
  return undefined;
}

const cache = new Map<string, FieldInfo | undefined>();

/** Title, unit and help text of the field at `path` (`units[0].staff[0].inPost`), if it has them. */
export function fieldInfo(path: string | FieldPath): FieldInfo | undefined {
  const keys = typeof path === 'string' ? parsePath(path) : path;
  const cacheKey = keys.map((k) => (typeof k === 'number' ? '[]' : k)).join('.');
  if (cache.has(cacheKey)) return cache.get(cacheKey);
  let schema: AnySchema | undefined = scenarioSchema;
  for (const key of keys) {
    schema = schema && child(schema, key);
  }
  let found: FieldInfo | undefined;
  for (let at = schema, guard = 0; at && !found && guard < 10; guard++) {
    found = metaOf(at);
    at = defOf(at).innerType;
  }
  cache.set(cacheKey, found);
  return found;
}
