import type { z } from 'zod';
import { formatPath, type Problem } from './problem.ts';
import type { NumberText } from './strictJson.ts';

/**
 * Turns the schema library's issues into messages a planner can act on, naming the field. A
 * number is quoted as the file wrote it when `numberText` (from parseStrictJson) has its text.
 */
export function issuesToProblems(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
  numberText: NumberText = new Map(),
): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const issue of flatten(issues, input)) {
    const path = formatPath(issue.path);
    if (seen.has(path)) continue; // one message per field: the first is the most specific
    seen.add(path);
    const value = valueAt(input, issue.path);
    problems.push({ path, message: describe(issue, quoted(value, numberText.get(path))) });
  }
  return problems;
}

function flatten(issues: readonly z.core.$ZodIssue[], input: unknown): z.core.$ZodIssue[] {
  const out: z.core.$ZodIssue[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ ...issue, path: [...issue.path, key] });
    } else if (issue.code === 'invalid_union') {
      out.push(...flattenUnion(issue, input));
    } else if (!(issue.code === 'too_big' && issue.origin === 'int' && 'note' in issue)) {
      out.push(issue);
    }
  }
  return out;
}

/** A distribution is a number or an object: report against the branch the planner meant. */
function flattenUnion(issue: z.core.$ZodIssueInvalidUnion, input: unknown): z.core.$ZodIssue[] {
  const value = valueAt(input, issue.path);
  const prefix = (list: readonly z.core.$ZodIssue[]) =>
    list.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] }));
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const branch = issue.errors.find((list) => list.some((i) => i.path.length > 0)) ?? [];
    if (branch.some((i) => i.code === 'invalid_union' && i.path[0] === 'dist')) {
      return [
        {
          ...issue,
          code: 'custom',
          path: [...issue.path, 'dist'],
          message: 'unknown-dist',
        } as z.core.$ZodIssue,
      ];
    }
    return flatten(prefix(branch), input);
  }
  return [{ ...issue, code: 'custom', message: 'not-a-distribution' } as z.core.$ZodIssue];
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = Object.hasOwn(v, key) ? (v as Record<PropertyKey, unknown>)[key] : undefined;
  }
  return v;
}

/** A number read from the file, with the text it was written as. */
class FileNumber {
  constructor(
    readonly value: number,
    readonly text: string,
  ) {}
}

/** The value, or the file's own text of it when that text still reads as this value. */
function quoted(value: unknown, text: string | undefined): unknown {
  return typeof value === 'number' && text !== undefined && Number(text) === value
    ? new FileNumber(value, text)
    : value;
}

const numeric = (value: unknown): number | undefined =>
  value instanceof FileNumber ? value.value : typeof value === 'number' ? value : undefined;

const KINDS = 'fixed, poisson, negbin, lognormal, uniform, triangular, pert or normal';

function describe(issue: z.core.$ZodIssue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      return wrongType(issue.expected, value);
    case 'too_small':
      return tooSmall(issue, value);
    case 'too_big':
      return tooBig(issue, value);
    case 'unrecognized_keys':
      return 'is not a field of a scenario: check its spelling, or remove it.';
    case 'invalid_value':
      return `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, not ${show(value)}.`;
    case 'invalid_format':
      return `${show(value)} is not allowed: ${issue.message}.`;
    case 'custom':
      if (issue.message === 'unknown-dist') return `must be one of ${KINDS}, not ${show(value)}.`;
      if (issue.message === 'not-a-distribution') {
        return `must be a number, or a distribution such as { "dist": "poisson", "mean": 4 }, not ${show(value)}.`;
      }
      return issue.message.endsWith('.') ? issue.message : `${issue.message}.`;
    default:
      return `${issue.message}.`;
  }
}

function wrongType(expected: string, value: unknown): string {
  if (value === undefined) return 'is required but missing.';
  const n = numeric(value);
  const want: Record<string, string> = {
    number: 'a number',
    int: 'a whole number',
    string: 'text in double quotes',
    array: 'a list in [ ]',
    object: 'an object in { }',
    boolean: 'true or false',
  };
  const need = want[expected] ?? expected;
  if (
    (expected === 'number' || expected === 'int') &&
    typeof value === 'string' &&
    value.trim() !== '' &&
    Number.isFinite(Number(value))
  ) {
    return `must be ${need}, not the text ${show(value)}: remove the quotes.`;
  }
  if (expected === 'int' && n !== undefined) return `must be a whole number, not ${show(value)}.`;
  return `must be ${need}, not ${show(value)}.`;
}

function tooSmall(issue: z.core.$ZodIssueTooSmall, value: unknown): string {
  const min = Number(issue.minimum);
  if (issue.origin === 'array')
    return min === 1 ? 'needs at least one entry.' : `needs at least ${min} entries.`;
  if (issue.origin === 'string') return 'must not be empty.';
  if (min === 0 && issue.inclusive) return `cannot be negative (it is ${show(value)}).`;
  return `must be ${issue.inclusive ? 'at least' : 'more than'} ${min}, not ${show(value)}.`;
}

function tooBig(issue: z.core.$ZodIssueTooBig, value: unknown): string {
  const max = Number(issue.maximum);
  if (issue.origin === 'array')
    return `has too many entries: at most ${max.toLocaleString('en-GB')}.`;
  if (issue.origin === 'string')
    return `is too long: at most ${max.toLocaleString('en-GB')} characters.`;
  const n = numeric(value);
  if (max === 1 && n !== undefined && n <= 100) {
    return `is a share between 0 and 1, not ${show(value)}: did you mean ${+(n / 100).toFixed(4)} (${show(value)}%)?`;
  }
  return `must be at most ${max.toLocaleString('en-GB')}, not ${show(value)}: larger values are not realistic and would make the run too long.`;
}

function show(value: unknown): string {
  if (value instanceof FileNumber) return value.text;
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return String(value);
}
