// CSV as RFC 4180 writes it: comma separated, CRLF line ends, fields quoted when they hold a comma, a quote or a line
// break (quotes doubled), a header row first. Amounts keep the decimal point, so a spreadsheet reads them as numbers.
// Text a spreadsheet would run as a formula (a product, customer or reason typed as "=HYPERLINK(…)", "+1…", "@…")
// is written with a leading apostrophe, which Excel and LibreOffice show as plain text (OWASP "CSV injection");
// a plain number, negative amounts included, is left as it is.
export type CsvCell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[-+]?\d+(\.\d+)?$/;

function neutralised(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

function field(value: CsvCell): string {
  const text = value === null ? '' : neutralised(String(value));
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}
