import { describe, expect, it } from 'vitest';
import { moveSelection, needsNextPage, scrollToShow, visibleRange } from './virtual-range';

describe('virtual list range', () => {
  it('renders only the rows in view plus the overscan', () => {
    const range = visibleRange({ scrollTop: 0, viewportHeight: 440, rowHeight: 44, count: 100_000, overscan: 5 });
    expect(range).toEqual({ start: 0, end: 16, totalHeight: 4_400_000 });
  });

  it('follows the scroll position deep into a long list', () => {
    const range = visibleRange({
      scrollTop: 44 * 50_000 + 10,
      viewportHeight: 440,
      rowHeight: 44,
      count: 100_000,
      overscan: 5,
    });
    expect(range.start).toBe(49_995);
    expect(range.end).toBe(50_016);
    expect(range.end - range.start).toBeLessThan(30);
  });

  it('clamps at the end and for empty lists', () => {
    expect(visibleRange({ scrollTop: 999_999, viewportHeight: 440, rowHeight: 44, count: 10 })).toMatchObject({
      start: 9,
      end: 10,
    });
    expect(visibleRange({ scrollTop: 0, viewportHeight: 440, rowHeight: 44, count: 0 })).toEqual({
      start: 0,
      end: 0,
      totalHeight: 0,
    });
  });

  it('asks for the next page before the reader reaches the end of what is loaded', () => {
    expect(needsNextPage({ start: 0, end: 16, totalHeight: 0 }, 100, 100)).toBe(false);
    expect(needsNextPage({ start: 40, end: 60, totalHeight: 0 }, 100, 100)).toBe(true);
  });
});

describe('keyboard selection', () => {
  it('moves by one or by ten, to either end, and never past the loaded rows', () => {
    expect(moveSelection(0, 'ArrowDown', 50)).toBe(1);
    expect(moveSelection(0, 'ArrowUp', 50)).toBe(0);
    expect(moveSelection(45, 'PageDown', 50)).toBe(49);
    expect(moveSelection(5, 'PageUp', 50)).toBe(0);
    expect(moveSelection(20, 'Home', 50)).toBe(0);
    expect(moveSelection(0, 'End', 50)).toBe(49);
    expect(moveSelection(0, 'End', 0)).toBe(0);
    expect(moveSelection(3, 'a', 50)).toBeNull();
  });

  it('scrolls only when the row is out of view, just enough to show it', () => {
    expect(scrollToShow(5, 50, 0, 400)).toBeUndefined(); // rows 0..7 in view
    expect(scrollToShow(8, 50, 0, 400)).toBe(50);
    expect(scrollToShow(2, 50, 300, 400)).toBe(100);
  });
});
