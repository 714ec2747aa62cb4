/**
 * One cell of a CSV export. Text that a spreadsheet would run as a formula (starting with =, +,
 * -, @, a tab or a carriage return) is prefixed with an apostrophe, so a scenario or unit name
 * from a shared file cannot run a formula on the reader's machine (CSV injection). Cells with
 * commas, quotes or line breaks are quoted. Numbers are written as they are, negative ones
 * included.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One CSV line from cells, without the line ending. */
export function csvRow(values: readonly (string | number | null | undefined)[]): string {
  return values.map(csvCell).join(',');
}
