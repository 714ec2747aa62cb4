/** One page of a long list: rows `start` (inclusive) to `end` (exclusive). */
export interface RowPage {
  index: number;
  start: number;
  end: number;
}

/**
 * The pages of `total` rows, `size` to a page. A list that was shortened keeps its last page
 * within reach, so a page number is clamped rather than left pointing past the end.
 */
export function rowPages(total: number, size: number): RowPage[] {
  const count = Math.max(1, Math.ceil(total / size));
  return Array.from({ length: count }, (_, index) => ({
    index,
    start: index * size,
    end: Math.min(total, (index + 1) * size),
  }));
}

/** The page at `index`, or the nearest one that exists. */
export function pageAt(pages: readonly RowPage[], index: number): RowPage {
  return pages[Math.min(Math.max(0, Math.trunc(index)), pages.length - 1)]!;
}
