// A manager's table, sortable by any column and exportable as CSV (what it shows, in the order shown): the sorted
// rows, the header row and the export button, for a screen to place.
import { useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { saveCsv } from './save-file';
import { SortHeader } from './SortHeader';
import { nextSort, sortRows, tableCsv, type SortColumn, type SortState } from './sortable';

export function useSortedTable<R>(
  rows: readonly R[],
  columns: readonly SortColumn<R>[],
  csv: { fileName: string; testId: string },
): {
  sorted: R[];
  header: JSX.Element;
  exportButton: JSX.Element;
} {
  const { t, i18n } = useTranslation();
  const [sort, setSort] = useState<SortState | null>(null);
  const sorted = sortRows(rows, columns, sort, i18n.language);
  return {
    sorted,
    header: (
      <tr>
        {columns.map((c) => (
          <SortHeader key={c.key} column={c} sort={sort} onSort={(key) => setSort(nextSort(sort, key))} />
        ))}
      </tr>
    ),
    exportButton: (
      <button
        type="button"
        className="button secondary small"
        data-testid={csv.testId}
        disabled={rows.length === 0}
        onClick={() => saveCsv(csv.fileName, tableCsv(columns, sorted))}
      >
        {t('managerLabels.exportCsv')}
      </button>
    ),
  };
}
