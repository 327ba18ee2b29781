// The CSV writer lives in shared (the renderer exports its sortable tables with the same formula guard).
export { toCsv, type CsvCell } from '../../shared/csv/to-csv';
