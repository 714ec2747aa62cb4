import { fieldInfoAt, type FieldInfo } from '../scenario/fieldInfo.ts';
import { parsePath, type FieldPath } from './path.ts';

export type { FieldInfo };

/** Title, unit and help text of the field at `path` (`units[0].staff[0].inPost`), if it has them. */
export function fieldInfo(path: string | FieldPath): FieldInfo | undefined {
  return fieldInfoAt(typeof path === 'string' ? parsePath(path) : path);
}
