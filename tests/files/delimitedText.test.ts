import { describe, expect, it } from 'vitest';
import { readDelimited } from '../../src/files/delimitedText.ts';

describe('readDelimited', () => {
  it('reads tab-separated rows as a spreadsheet copies them', () => {
    expect(readDelimited('Unit\tRole\r\nMPS\tFI\r\n')).toEqual([
      { line: 1, cells: ['Unit', 'Role'] },
      { line: 2, cells: ['MPS', 'FI'] },
    ]);
  });

  it('reads CSV with quotes, commas and line breaks inside cells, and skips blank lines', () => {
    const rows = readDelimited('Unit,Role\n\n"Kent, Essex","A ""B""\nC"\nX,Y');
    expect(rows).toEqual([
      { line: 1, cells: ['Unit', 'Role'] },
      { line: 3, cells: ['Kent, Essex', 'A "B"\nC'] },
      { line: 5, cells: ['X', 'Y'] },
    ]);
  });

  it('drops the apostrophe a CSV export puts before text that looks like a formula', () => {
    expect(readDelimited("a,'=b")[0]!.cells).toEqual(['a', '=b']);
  });
});
