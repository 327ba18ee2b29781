// CSV exports of what a screen shows, written by the shared CSV writer (RFC 4180 and the formula-injection guard of
// src/shared/reports/csv.ts), with a BOM so spreadsheets read the accents as UTF-8.
import { toCsv, type CsvCell } from '../../../shared/csv/to-csv';

export function downloadCsv(fileName: string, header: readonly string[], rows: readonly (readonly CsvCell[])[]): void {
  const blob = new Blob(['\uFEFF', toCsv(header, rows)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
