// A column header that sorts its table on click (ascending, then descending), saying so to screen readers.
import type { JSX } from 'react';
import type { SortState } from './sortable';

export function SortHeader(props: {
  column: { key: string; label: string; numeric?: boolean };
  sort: SortState | null;
  onSort: (key: string) => void;
}): JSX.Element {
  const { column, sort } = props;
  const active = sort?.key === column.key;
  const direction = active ? sort.direction : null;
  return (
    <th
      className={column.numeric ? 'num' : undefined}
      aria-sort={direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none'}
    >
      <button
        type="button"
        className="sort-header"
        data-testid={`sort-${column.key}`}
        onClick={() => props.onSort(column.key)}
      >
        {column.label}
        {direction === 'asc' ? ' ▲' : direction === 'desc' ? ' ▼' : ''}
      </button>
    </th>
  );
}
