import { printable } from './printable.ts';

/** One thing wrong with a scenario: where (a path such as `units[0].staff[0].inPost`) and what. */
export interface Problem {
  path: string;
  message: string;
}

/**
 * A value, or the problems that kept it from being read. A refused scenario that was read as
 * JSON carries it as `file`, so that messages can name its units and roles as the editor does.
 */
export type Result<T> =
  { ok: true; value: T; warnings: Problem[] } | { ok: false; problems: Problem[]; file?: unknown };

/** The most problems reported at once; a badly damaged file would otherwise list thousands. */
export const MAX_PROBLEMS = 20;

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key))
      out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out || '(top level)';
}

/**
 * One line per problem, `path: message`, capped with a count of the rest. Text quoted from the
 * file (a key, a value) is shown with its control and invisible characters escaped, so a line
 * stays one line and cannot act on a terminal.
 */
export function describeProblems(problems: readonly Problem[]): string[] {
  const lines = problems.slice(0, MAX_PROBLEMS).map((p) => printable(`${p.path}: ${p.message}`));
  if (problems.length > MAX_PROBLEMS) {
    lines.push(`… and ${problems.length - MAX_PROBLEMS} more problems`);
  }
  return lines;
}
