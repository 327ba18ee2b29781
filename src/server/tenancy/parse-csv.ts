// The central server's reader of head office's CSV price lists (pure, no dependency). The register reads CSV with csv-parse
// (src/core/catalog-import/parse-csv.ts: separator and encoding detection); unifying them is a follow-up (issue 18).
// RFC 4180 reader: comma separated, fields optionally in double quotes (quotes doubled inside), CRLF or LF line ends,
// line breaks allowed inside quoted fields. Each record keeps the file line it starts on, so errors can name it.
export interface CsvRecord {
  /** 1-based line of the file where the record starts. */
  line: number;
  fields: string[];
}

export type CsvParse = { ok: true; records: CsvRecord[] } | { ok: false; line: number; message: string };

export function parseCsv(text: string): CsvParse {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text; // Excel's UTF-8 byte order mark
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    // Blank lines are skipped, not read as a record with one empty field.
    if (fields.length > 1 || fields[0] !== '') records.push({ line: start, fields });
    fields = [];
    field = '';
  };
  while (i < source.length) {
    const c = source[i] as string;
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') {
        quoted = false;
        const next = source[i + 1];
        if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') {
          return { ok: false, line, message: `Fila ${line}: hay texto después de unas comillas de cierre` };
        }
      } else {
        if (c === '\n') line++;
        field += c;
      }
      i++;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else field += c;
    i++;
  }
  if (quoted) return { ok: false, line: start, message: `Fila ${start}: faltan las comillas de cierre` };
  if (field !== '' || fields.length > 0) endRecord();
  return { ok: true, records };
}
