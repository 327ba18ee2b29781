// Sorting and exporting a table a manager reads: each column says how to read its value for sorting and for the
// CSV (amounts as plain decimal strings, so a spreadsheet reads numbers). Pure, so it is unit-tested.
import { toCsv, type CsvCell } from '../../../shared/csv/to-csv';

export interface SortColumn<R> {
  key: string;
  label: string;
  value: (row: R) => string | null;
  /** Compared as numbers (amounts, counts); otherwise as text in the UI's language. */
  numeric?: boolean;
}

export interface SortState {
  key: string;
  direction: 'asc' | 'desc';
}

export function sortRows<R>(
  rows: readonly R[],
  columns: readonly SortColumn<R>[],
  sort: SortState | null,
  language: string,
): R[] {
  const column = sort ? columns.find((c) => c.key === sort.key) : undefined;
  if (!sort || !column) return [...rows];
  const collator = new Intl.Collator(language, { numeric: true, sensitivity: 'base' });
  const sign = sort.direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = column.value(a);
    const y = column.value(b);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1; // empty cells last either way
    // Amounts are decimal strings ("4.25"): Number() is exact enough to order them, never to add them.
    return sign * (column.numeric ? Number(x) - Number(y) : collator.compare(x, y));
  });
}

/** The next sort after a click on a column's header: ascending, then descending, on the same column. */
export function nextSort(current: SortState | null, key: string): SortState {
  return current?.key === key && current.direction === 'asc' ? { key, direction: 'desc' } : { key, direction: 'asc' };
}

export function tableCsv<R>(columns: readonly SortColumn<R>[], rows: readonly R[]): string {
  return toCsv(
    columns.map((c) => c.label),
    rows.map((r) => columns.map((c): CsvCell => c.value(r))),
  );
}
