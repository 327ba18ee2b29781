// A list that renders only the rows in view (virtual-range.ts), with fixed-height rows, and asks for the next page
// before the reader reaches the end of what is loaded. Written here rather than pulled in as a package.
import { useEffect, useRef, useState, type JSX, type ReactNode } from 'react';
import { needsNextPage, scrollToShow, visibleRange } from './virtual-range';

export function VirtualList<T>(props: {
  items: readonly T[];
  rowHeight: number;
  /** True while more rows exist beyond the loaded ones: a loading row is shown at the end. */
  hasMore: boolean;
  pageSize: number;
  onNeedMore: () => void;
  renderRow: (item: T, index: number) => ReactNode;
  loadingRow: ReactNode;
  label: string;
  /** The row chosen from the keyboard: highlighted and scrolled into view. */
  activeIndex?: number | undefined;
}): JSX.Element {
  const { items, rowHeight, hasMore, pageSize, onNeedMore } = props;
  const box = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setHeight(element.clientHeight));
    observer.observe(element);
    setHeight(element.clientHeight);
    return () => observer.disconnect();
  }, []);

  const { activeIndex } = props;
  useEffect(() => {
    const element = box.current;
    if (!element || activeIndex === undefined) return;
    const target = scrollToShow(activeIndex, rowHeight, element.scrollTop, element.clientHeight);
    if (target !== undefined) element.scrollTop = target;
  }, [activeIndex, rowHeight]);

  const count = items.length + (hasMore ? 1 : 0);
  const range = visibleRange({ scrollTop, viewportHeight: height, rowHeight, count });
  const wantMore = hasMore && needsNextPage(range, items.length, pageSize);
  useEffect(() => {
    if (wantMore) onNeedMore();
  }, [wantMore, items.length, onNeedMore]);

  const rows: ReactNode[] = [];
  for (let i = range.start; i < range.end; i++) {
    const item = items[i];
    rows.push(
      <div
        key={i}
        className={i === activeIndex ? 'vrow active' : 'vrow'}
        role="row"
        aria-selected={i === activeIndex}
        style={{ top: i * rowHeight, height: rowHeight }}
      >
        {item === undefined ? props.loadingRow : props.renderRow(item, i)}
      </div>,
    );
  }
  return (
    <div
      ref={box}
      className="vlist"
      role="table"
      aria-label={props.label}
      aria-rowcount={count}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
    >
      <div className="vlist-spacer" style={{ height: range.totalHeight }}>
        {rows}
      </div>
    </div>
  );
}
