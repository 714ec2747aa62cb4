import { describe, expect, it } from 'vitest';
import { pageAt, rowPages } from '../../src/state/rowPages.ts';

describe('rowPages', () => {
  it('splits rows into pages of the given size, the last one shorter', () => {
    expect(rowPages(95, 40)).toEqual([
      { index: 0, start: 0, end: 40 },
      { index: 1, start: 40, end: 80 },
      { index: 2, start: 80, end: 95 },
    ]);
  });

  it('covers every row exactly once at the largest table a file may hold', () => {
    const pages = rowPages(2000, 40);
    expect(pages).toHaveLength(50);
    expect(pages.reduce((sum, p) => sum + (p.end - p.start), 0)).toBe(2000);
    pages.slice(1).forEach((p, i) => expect(p.start).toBe(pages[i]!.end));
  });

  it('gives one empty page for no rows, so there is always a page to show', () => {
    expect(rowPages(0, 40)).toEqual([{ index: 0, start: 0, end: 0 }]);
  });

  it('clamps a page number to the pages there are, as after rows were removed', () => {
    const pages = rowPages(50, 40);
    expect(pageAt(pages, 7)).toEqual({ index: 1, start: 40, end: 50 });
    expect(pageAt(pages, -1).index).toBe(0);
  });
});
