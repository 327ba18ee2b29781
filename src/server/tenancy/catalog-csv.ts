// Head office's catalogue from a CSV price list, in the register's own import format (header row: codigo, barcode,
// descripcion, unidad, precio, tasaItbms, codigoCPBS, unidadMedidaCPBS; any order, the last four optional), so a
// list made for one register imports centrally unchanged. All or nothing: any bad row refuses the file with every
// problem named by line (in English, as the API speaks); nothing is written. Imported products are active; a file
// without the CPBS columns leaves existing products' CPBS fields alone, and none touches "requires a lot".
import { parseCsv } from './parse-csv';
import { centralProductSchema, type CentralProduct } from '../../shared/sync/catalog';
import type { KeptColumn } from './catalog';

const COLUMNS = [
  'codigo',
  'barcode',
  'descripcion',
  'unidad',
  'precio',
  'tasaItbms',
  'codigoCPBS',
  'unidadMedidaCPBS',
] as const;
type Column = (typeof COLUMNS)[number];
const REQUIRED: readonly Column[] = ['codigo', 'descripcion', 'precio', 'tasaItbms'];
/** Rows per file: a chain's whole catalogue, still one transaction of modest size. */
export const CATALOG_CSV_MAX_ROWS = 20_000;

export interface CsvIssue {
  path: string;
  message: string;
}

export type CatalogCsv =
  { ok: true; products: CentralProduct[]; keep: KeptColumn[] } | { ok: false; issues: CsvIssue[] };

const MAX_ISSUES = 20;

export function readCatalogCsv(csv: string): CatalogCsv {
  const parsed = parseCsv(csv);
  if (!parsed.ok)
    return { ok: false, issues: [{ path: `line ${parsed.line}`, message: 'a quoted field is not closed' }] };
  const [head, ...records] = parsed.records;
  if (!head) return { ok: false, issues: [{ path: 'line 1', message: 'the file is empty' }] };
  const index = new Map<Column, number>();
  head.fields.forEach((name, i) => {
    const column = COLUMNS.find((c) => c.toLowerCase() === name.trim().toLowerCase());
    if (column && !index.has(column)) index.set(column, i);
  });
  const missing = REQUIRED.filter((c) => !index.has(c));
  if (missing.length > 0)
    return {
      ok: false,
      issues: [{ path: 'line 1', message: `missing columns: ${missing.join(', ')} (expected ${COLUMNS.join(', ')})` }],
    };
  if (records.length === 0) return { ok: false, issues: [{ path: 'line 2', message: 'the file has no product rows' }] };
  if (records.length > CATALOG_CSV_MAX_ROWS)
    return { ok: false, issues: [{ path: 'file', message: `more than ${CATALOG_CSV_MAX_ROWS} rows` }] };

  const issues: CsvIssue[] = [];
  const products: CentralProduct[] = [];
  const seenCodes = new Map<string, number>();
  const seenBarcodes = new Map<string, number>();
  for (const record of records) {
    if (issues.length >= MAX_ISSUES) break;
    const path = `line ${record.line}`;
    if (record.fields.length !== head.fields.length) {
      issues.push({ path, message: `has ${record.fields.length} fields, the header ${head.fields.length}` });
      continue;
    }
    const cell = (c: Column) => {
      const i = index.get(c);
      return i === undefined ? '' : (record.fields[i] ?? '').trim();
    };
    const row = centralProductSchema.safeParse({
      codigo: cell('codigo'),
      barcode: cell('barcode') || null,
      descripcion: cell('descripcion'),
      unidad: cell('unidad') || 'und',
      precio: cell('precio'),
      tasaItbms: cell('tasaItbms'),
      codigoCPBS: cell('codigoCPBS') || null,
      unidadMedidaCPBS: cell('unidadMedidaCPBS') || null,
    });
    if (!row.success) {
      issues.push({
        path,
        message: `invalid ${[...new Set(row.error.issues.map((i) => String(i.path[0])))].join(', ')}`,
      });
      continue;
    }
    const { codigo, barcode } = row.data;
    const codeLine = seenCodes.get(codigo);
    const barcodeLine = barcode === null ? undefined : seenBarcodes.get(barcode);
    const again = [
      ...(codeLine === undefined ? [] : [`code ${codigo} is already on line ${codeLine}`]),
      ...(barcodeLine === undefined ? [] : [`barcode ${barcode ?? ''} is already on line ${barcodeLine}`]),
    ];
    if (again.length > 0) issues.push({ path, message: again.join('; ') });
    seenCodes.set(codigo, seenCodes.get(codigo) ?? record.line);
    if (barcode !== null) seenBarcodes.set(barcode, seenBarcodes.get(barcode) ?? record.line);
    products.push(row.data);
  }
  if (issues.length > 0) return { ok: false, issues };
  const keep: KeptColumn[] = ['requiereLote'];
  if (!index.has('codigoCPBS')) keep.push('codigoCPBS');
  if (!index.has('unidadMedidaCPBS')) keep.push('unidadMedidaCPBS');
  return { ok: true, products, keep };
}
