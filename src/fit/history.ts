/**
 * A force's own monthly history, read from CSV (or tab-separated text pasted from a spreadsheet):
 * a header row, then one row per month, oldest first. Only the chosen column is read; every
 * problem names the row and the column so the planner can find it in the spreadsheet.
 */

export class HistoryError extends Error {}

export type HistoryKind = 'counts' | 'positive';

export interface HistoryColumn {
  column: string;
  /** One value a month, oldest first. */
  values: number[];
}

/** Fewest months worth fitting: with fewer, a standard error says little. */
export const FEWEST_MONTHS = 6;

/** Splits one line on the separator, honouring double quotes as spreadsheets write them. */
function cells(line: string, separator: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) {
      out.push(cell);
      cell = '';
    } else cell += c;
  }
  out.push(cell);
  return out.map((s) => s.trim());
}

/** Reads a number as a spreadsheet shows it: "1,234", "£5,000" and "12%" are accepted. */
export function readNumber(text: string): number {
  const plain = text.replace(/^£/, '').replace(/,/g, '');
  if (/^-?\d+(\.\d+)?%$/.test(plain)) return Number(plain.slice(0, -1)) / 100;
  if (!/^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(plain)) return NaN;
  return Number(plain);
}

/** The header names of a history, so a planner can be told which columns there are. */
export function historyColumns(text: string): string[] {
  const first = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/)[0] ?? '';
  return cells(first, first.includes('\t') ? '\t' : ',').filter((c) => c !== '');
}

/**
 * The values of `column`, checked for `kind`: counts are whole numbers ≥ 0, positive values
 * are > 0. Blank rows at the end are ignored; a blank cell in between is a problem, since a
 * month left out would shift the trend.
 */
export function readHistory(text: string, column: string, kind: HistoryKind): HistoryColumn {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  if (lines.length === 0)
    throw new HistoryError('The history is empty: it needs a header row and one row a month.');
  const separator = lines[0]!.includes('\t') ? '\t' : ',';
  const header = cells(lines[0]!, separator);
  const wanted = column.trim().toLowerCase();
  const index = header.findIndex((h) => h.toLowerCase() === wanted);
  if (index < 0) {
    const names = header.filter((h) => h !== '').map((h) => `"${h}"`);
    throw new HistoryError(
      `There is no column "${column}" in the header row; the columns are ${names.join(', ') || 'none'}.`,
    );
  }
  const name = header[index]!;
  const values: number[] = [];
  const problems: string[] = [];
  for (let row = 1; row < lines.length; row++) {
    const cell = cells(lines[row]!, separator)[index] ?? '';
    const x = readNumber(cell);
    const where = `Row ${row + 1}, column "${name}"`;
    if (cell === '') problems.push(`${where} is empty: give the month's value, or 0.`);
    else if (!Number.isFinite(x)) problems.push(`${where}: "${cell}" is not a number.`);
    else if (kind === 'counts' && (!Number.isInteger(x) || x < 0))
      problems.push(`${where}: ${cell} is not a count (a whole number, 0 or more).`);
    else if (kind === 'positive' && !(x > 0))
      problems.push(`${where}: ${cell} is not above 0; hours and values must be positive.`);
    else values.push(x);
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, 10);
    if (problems.length > 10) shown.push(`… and ${problems.length - 10} more.`);
    throw new HistoryError(shown.join('\n'));
  }
  if (values.length < FEWEST_MONTHS) {
    throw new HistoryError(
      `Column "${name}" has ${values.length} month${values.length === 1 ? '' : 's'}; at least ${FEWEST_MONTHS} are needed to fit anything.`,
    );
  }
  return { column: name, values };
}
