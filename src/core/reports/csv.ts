// The register's CSV writer is the shared one (src/shared/reports/csv.ts): head office's console exports with the
// same quoting and the same formula-injection guard.
export { toCsv, type CsvCell } from '../../shared/reports/csv';
