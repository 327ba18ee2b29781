// CSV as RFC 4180 writes it: comma separated, CRLF line ends, fields quoted when they hold a comma, a quote or a line
// break (quotes doubled), a header row first. Amounts keep the decimal point, so a spreadsheet reads them as numbers.
export type CsvCell = string | number | null;

function field(value: CsvCell): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}
