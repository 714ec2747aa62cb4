/**
 * What to store for a number field's text: the number when the text is one (commas allowed,
 * and a percentage read as a share),
 * undefined when empty, otherwise the text itself, so the planner's typing is never lost and
 * validation names the field.
 */
export function valueFromText(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const plain = trimmed.replaceAll(',', '');
  if (/^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(plain)) return Number(plain);
  // A share typed as a percentage, as a spreadsheet shows it: "10%" is 0.1.
  const percent = /^(-?(?:\d+\.?\d*|\.\d+))\s*%$/.exec(plain);
  if (percent) return Number(percent[1]) / 100;
  return text;
}

/** The text to show for a stored value. */
export function textFromValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** True when the text already shows the stored value, so it need not be rewritten. */
export function textShows(text: string, value: unknown): boolean {
  const parsed = valueFromText(text);
  return parsed === value || (parsed === undefined && (value === undefined || value === ''));
}
