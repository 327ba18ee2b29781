// Which rows of a long list to render: only those in view plus a small margin, so 100 000 documents cost as much
// as forty. Fixed row height keeps the arithmetic exact and scrolling smooth.

export interface RangeInput {
  scrollTop: number;
  viewportHeight: number;
  rowHeight: number;
  count: number;
  /** Rows rendered above and below the viewport, to hide blank flashes while scrolling fast. */
  overscan?: number;
}

export interface VisibleRange {
  /** First row rendered (inclusive). */
  start: number;
  /** Last row rendered (exclusive). */
  end: number;
  /** Height of the whole list, for the scrollbar. */
  totalHeight: number;
}

export function visibleRange({ scrollTop, viewportHeight, rowHeight, count, overscan = 6 }: RangeInput): VisibleRange {
  const totalHeight = count * rowHeight;
  if (count === 0 || rowHeight <= 0) return { start: 0, end: 0, totalHeight };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const inView = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1;
  const start = Math.max(0, Math.min(count - 1, first - overscan));
  const end = Math.min(count, first + inView + overscan);
  return { start, end, totalHeight };
}

/** True when the rows in view come close enough to the end of what is loaded to ask for the next page. */
export function needsNextPage(range: VisibleRange, loaded: number, pageSize: number): boolean {
  return range.end >= loaded - Math.ceil(pageSize / 2);
}

/** The keys that move the highlighted row of a list from the search field, and how far. */
const MOVES: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 };

/** The highlighted row after a key (null: the key does not move it); stays within the loaded rows. */
export function moveSelection(current: number, key: string, count: number): number | null {
  if (key === 'Home') return 0;
  if (key === 'End') return Math.max(0, count - 1);
  const step = MOVES[key];
  if (step === undefined) return null;
  return Math.max(0, Math.min(count - 1, current + step));
}

/** The scrollTop that brings a row into view, or undefined when it is already in view. */
export function scrollToShow(
  index: number,
  rowHeight: number,
  scrollTop: number,
  viewportHeight: number,
): number | undefined {
  const top = index * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + viewportHeight) return top + rowHeight - viewportHeight;
  return undefined;
}
