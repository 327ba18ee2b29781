import { describe, expect, it } from 'vitest';
import { needsNextPage, visibleRange } from './virtual-range';

describe('virtual list range', () => {
  it('renders only the rows in view plus the overscan', () => {
    const range = visibleRange({ scrollTop: 0, viewportHeight: 440, rowHeight: 44, count: 100_000, overscan: 5 });
    expect(range).toEqual({ start: 0, end: 16, totalHeight: 4_400_000 });
  });

  it('follows the scroll position deep into a long list', () => {
    const range = visibleRange({ scrollTop: 44 * 50_000 + 10, viewportHeight: 440, rowHeight: 44, count: 100_000, overscan: 5 });
    expect(range.start).toBe(49_995);
    expect(range.end).toBe(50_016);
    expect(range.end - range.start).toBeLessThan(30);
  });

  it('clamps at the end and for empty lists', () => {
    expect(visibleRange({ scrollTop: 999_999, viewportHeight: 440, rowHeight: 44, count: 10 })).toMatchObject({ start: 9, end: 10 });
    expect(visibleRange({ scrollTop: 0, viewportHeight: 440, rowHeight: 44, count: 0 })).toEqual({ start: 0, end: 0, totalHeight: 0 });
  });

  it('asks for the next page before the reader reaches the end of what is loaded', () => {
    expect(needsNextPage({ start: 0, end: 16, totalHeight: 0 }, 100, 100)).toBe(false);
    expect(needsNextPage({ start: 40, end: 60, totalHeight: 0 }, 100, 100)).toBe(true);
  });
});
