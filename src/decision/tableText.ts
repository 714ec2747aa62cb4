import { printable } from '../scenario/printable.ts';

/**
 * Plain-text table with right-aligned numbers: what the command line prints for `--format
 * table`. Text cells may come from the file (a group's name), so their control and invisible
 * characters are shown as escapes: a row stays one row and cannot act on the terminal.
 */
export function tableText(header: string[], rows: (string | number)[][]): string {
  const cells = [
    header,
    ...rows.map((r) => r.map((c) => (typeof c === 'number' ? formatNumber(c) : printable(c)))),
  ];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const numeric = header.map((_, i) => rows.every((r) => typeof r[i] === 'number'));
  return (
    cells
      .map((r) =>
        r
          .map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
          .join('  ')
          .trimEnd(),
      )
      .join('\n') + '\n'
  );
}

/** Whole numbers with thousands separators; small numbers to three significant figures. */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return '–';
  if (Math.abs(x) >= 100 || Number.isInteger(x)) return Math.round(x).toLocaleString('en-GB');
  return x.toPrecision(3);
}
