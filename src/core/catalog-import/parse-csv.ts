// CSV reading through csv-parse (RFC 4180: fields optionally quoted, quotes doubled inside, CRLF or LF, line breaks
// inside quoted fields). The separator is the one Excel used: a Spanish Excel writes ";" (the comma is its decimal
// mark), others ",", and "Text (tab delimited)" a tab. It is read from the header row, whose column names never hold
// a separator: the most frequent of the three there wins. Each record keeps the file line it starts on, so errors
// can name it.
import { CsvError, parse } from 'csv-parse/sync';

export type CsvDelimiter = ',' | ';' | '\t';

export interface CsvRecord {
  /** 1-based line of the file where the record starts. */
  line: number;
  fields: string[];
}

export type CsvParse =
  { ok: true; records: CsvRecord[]; delimiter: CsvDelimiter } | { ok: false; line: number; message: string };

const DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t'];
// Any line end, mixed in one file too (csv-parse would otherwise keep the first one it meets).
const LINE_ENDS = ['\r\n', '\n', '\r'];

/** The separator of the first non-blank line (a comma when it has none: a one-column file). */
export function detectDelimiter(text: string): CsvDelimiter {
  const header = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const count = (d: string) => header.split(d).length - 1;
  return DELIMITERS.reduce((best, d) => (count(d) > count(best) ? d : best), ',');
}

/** The errors a file (not our options) can cause, in Spanish; any other is named by its code. */
const MESSAGES: Partial<Record<CsvError['code'], string>> = {
  CSV_QUOTE_NOT_CLOSED: 'faltan las comillas de cierre',
  CSV_INVALID_CLOSING_QUOTE: 'hay texto después de unas comillas de cierre',
  INVALID_OPENING_QUOTE: 'hay unas comillas en medio de un campo sin comillas',
};

/** One record with csv-parse's `info` (its typings give `parse` with `info: true` the plain record type). */
interface RecordWithInfo {
  record: string[];
  info: { lines: number; empty_lines: number };
}

export function parseCsv(text: string, delimiter: CsvDelimiter = detectDelimiter(text)): CsvParse {
  let rows: RecordWithInfo[];
  try {
    const options = {
      bom: true,
      delimiter,
      record_delimiter: LINE_ENDS,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    };
    rows = parse(text, options) as unknown as RecordWithInfo[];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    // csv-parse names the line where it gave up; for an unclosed quote that is the file's end, so the record's
    // start is told apart by the caller only when it matters: the line of the last good record plus one.
    const line = error.code === 'CSV_QUOTE_NOT_CLOSED' ? lastRecordEnd(text, delimiter) + 1 : Number(error.lines ?? 1);
    const message = MESSAGES[error.code] ?? `el archivo no se puede leer como CSV (${error.code})`;
    return { ok: false, line, message: `Fila ${line}: ${message}` };
  }
  const records: CsvRecord[] = [];
  let previousEnd = 0;
  let previousEmpty = 0;
  for (const { record, info } of rows) {
    // info.lines is the line the record ends on; blank lines skipped before it are counted in info.empty_lines.
    const line = previousEnd + 1 + (info.empty_lines - previousEmpty);
    records.push({ line, fields: record });
    previousEnd = info.lines;
    previousEmpty = info.empty_lines;
  }
  return { ok: true, records, delimiter };
}

/** The line the last complete record ends on, read record by record until the parser stops. */
function lastRecordEnd(text: string, delimiter: CsvDelimiter): number {
  let end = 0;
  try {
    parse(text, {
      bom: true,
      delimiter,
      record_delimiter: LINE_ENDS,
      relax_column_count: true,
      skip_empty_lines: true,
      on_record: (record: string[], context: { lines: number }) => {
        end = context.lines;
        return record;
      },
    });
  } catch {
    /* the error is the one already reported; only the lines read before it matter here */
  }
  return end;
}

/** A CSV file read as a header (its columns found by `readHeader`) and data records, or the result to answer. */
export type CsvTable<C> =
  | {
      ok: true;
      index: Map<C, number>;
      records: CsvRecord[];
      /** Fields in the header row. */ width: number;
      delimiter: CsvDelimiter;
    }
  | { ok: false; result: { rows: number; imported: 0; errors: { row: number; message: string }[] } };

export function readCsvTable<C>(
  csv: string,
  readHeader: (fields: readonly string[]) => { ok: true; index: Map<C, number> } | { ok: false; message: string },
): CsvTable<C> {
  const parsed = parseCsv(csv);
  if (!parsed.ok)
    return { ok: false, result: { rows: 0, imported: 0, errors: [{ row: parsed.line, message: parsed.message }] } };
  const [head, ...records] = parsed.records;
  if (!head)
    return { ok: false, result: { rows: 0, imported: 0, errors: [{ row: 1, message: 'El archivo está vacío' }] } };
  const header = readHeader(head.fields);
  if (!header.ok)
    return { ok: false, result: { rows: records.length, imported: 0, errors: [{ row: 1, message: header.message }] } };
  return { ok: true, index: header.index, records, width: head.fields.length, delimiter: parsed.delimiter };
}
