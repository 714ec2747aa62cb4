import { distributionSchema, type Distribution } from '../scenario/distribution.ts';
import { issuesToProblems } from '../scenario/issueMessage.ts';
import { partName } from './fieldLabel.ts';
import { valueFromText } from './numberText.ts';

/** Each kind's parameters in the order a spreadsheet cell gives them. */
const ORDER: Record<string, readonly string[]> = {
  fixed: ['value'],
  poisson: ['mean', 'shift'],
  negbin: ['mean', 'dispersion', 'shift'],
  lognormal: ['median', 'p90'],
  uniform: ['min', 'max'],
  triangular: ['min', 'mode', 'max'],
  pert: ['min', 'mode', 'max'],
  normal: ['mean', 'sd'],
};

/**
 * An uncertain figure as one spreadsheet cell: a plain number, or its shape and parameters,
 * e.g. "lognormal 30 60" (typical 30, 1 in 10 above 60) or "pert 10 20 40" (least, most likely,
 * most). Gives the figure, or why the cell cannot be one.
 */
export function distributionFromText(
  text: string,
): { ok: true; value: Distribution } | { ok: false; message: string } {
  const plain = valueFromText(text);
  const words = text.trim().toLowerCase().split(/\s+/);
  let candidate: unknown = plain;
  if (typeof plain !== 'number') {
    const [kind, ...numbers] = words;
    const keys = kind ? ORDER[kind] : undefined;
    if (!keys)
      return {
        ok: false,
        message: `“${text}” is not a number or a shape (${Object.keys(ORDER).join(', ')}) with its values`,
      };
    const values = numbers.map((n) => valueFromText(n));
    if (values.some((v) => typeof v !== 'number') || values.length > keys.length)
      return {
        ok: false,
        message: `“${text}”: give ${kind} its ${listed(keys.map(partName))} as numbers`,
      };
    candidate = {
      dist: kind,
      ...Object.fromEntries(values.map((v, i) => [keys[i], v])),
    };
  }
  const parsed = distributionSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, value: parsed.data as Distribution };
  // The schema's message, with the part it is about in the editor's words ("give or take").
  const problem = issuesToProblems(parsed.error.issues, candidate)[0];
  const part = problem && problem.path !== '(top level)' ? `${partName(problem.path)} ` : '';
  return {
    ok: false,
    message: `“${text}”: ${part}${(problem?.message ?? 'is not a figure.').replace(/\.$/, '')}`,
  };
}

/** "a", "a and b", "a, b and c". */
function listed(words: readonly string[]): string {
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words.at(-1)}` : words.join('');
}

/** The cell text for a figure, which distributionFromText reads back to the same figure. */
export function distributionText(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (value === null || typeof value !== 'object') return '';
  const d = value as Record<string, unknown>;
  const keys = ORDER[String(d.dist)] ?? [];
  const parts = keys.filter((k) => d[k] !== undefined).map((k) => String(d[k]));
  return [String(d.dist), ...parts].join(' ');
}
