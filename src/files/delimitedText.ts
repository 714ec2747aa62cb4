/**
 * Rows of cells from text pasted out of a spreadsheet: tab-separated when the first line holds
 * a tab (what a spreadsheet copies), otherwise comma-separated with quotes as CSV writes them.
 * Blank lines are dropped; each row keeps its line number for messages.
 */
export function readDelimited(text: string): { line: number; cells: string[] }[] {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const tab = firstLine.includes('\t');
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const endRow = () => {
    cells.push(cell);
    if (cells.some((c) => c.trim() !== '')) rows.push({ line: rowLine, cells: cells.map(clean) });
    cells = [];
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === (tab ? '\t' : ',')) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else cell += ch;
  }
  endRow();
  return rows;
}

/** A cell as typed, without surrounding space or the apostrophe a CSV export adds to text. */
function clean(cell: string): string {
  const trimmed = cell.trim();
  return /^'[=+\-@]/.test(trimmed) ? trimmed.slice(1) : trimmed;
}
