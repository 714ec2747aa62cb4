import writeXlsxFile, { type Row, type Sheet } from 'write-excel-file/universal';
import type { Briefing, BriefingCell, BriefingSheet } from './content.ts';

/** Excel refuses a sheet name longer than this. */
const SHEET_NAME_LIMIT = 31;
/** Columns wide enough for a heading to be read without widening by hand. */
const NUMBER_WIDTH = 16;
const TEXT_WIDTH = 40;

/**
 * A cell as written: text is always written as text, so a scenario's name that starts with "="
 * is shown, never run as a formula; numbers are written as numbers so they can be added up.
 */
function cell(value: BriefingCell) {
  if (value === null) return null;
  if (typeof value === 'number')
    return Number.isFinite(value) ? { value, type: Number } : { value: '', type: String };
  return { value, type: String };
}

function sheetOf(content: BriefingSheet): Sheet<Blob> {
  const preamble: Row[] = content.preamble.map((line, i) => [
    { value: line, type: String, fontWeight: i === 0 ? ('bold' as const) : undefined },
  ]);
  const header: Row = content.columns.map((text) => ({
    value: text,
    type: String,
    fontWeight: 'bold' as const,
    wrap: true,
  }));
  const textColumn = content.columns.map((_, c) =>
    content.rows.some((r) => typeof r[c] === 'string'),
  );
  return {
    sheet: content.name.slice(0, SHEET_NAME_LIMIT),
    data: [...preamble, [], header, ...content.rows.map((r) => r.map(cell))],
    columns: textColumn.map((text) => ({ width: text ? TEXT_WIDTH : NUMBER_WIDTH })),
    stickyRowsCount: preamble.length + 2,
  };
}

/** The row of a sheet's column headings, counted from 1 as Excel does. */
export function headerRowNumber(content: BriefingSheet): number {
  return content.preamble.length + 2;
}

/** The briefing's sheets as an Excel workbook. */
export async function briefingXlsx(briefing: Briefing): Promise<Blob> {
  return writeXlsxFile(briefing.sheets.map(sheetOf)).toBlob();
}
