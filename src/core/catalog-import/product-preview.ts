// What a catalogue CSV would do, row by row, before anything is written: a new product, a change to an existing one
// (each changed field, before → after), no change, or an invalid row (its problems in Spanish). The preview's
// digest covers the file and the current state of every product it touches, so a confirmation given on one
// preview cannot apply different changes (the catalogue or the file changed since) — import-products.ts checks it.
import { createHash } from 'node:crypto';
import { money } from '../../shared/fiscal/money';
import type { ImportError } from '../../shared/ipc/areas/reports/contract';
import type { StoreDb } from '../store/open-database';
import type { CsvEncoding } from './decode-csv';
import { readCsvTable, type CsvDelimiter } from './parse-csv';
import {
  checkProductRow,
  detectDecimalSeparator,
  readProductHeader,
  type DecimalSeparator,
  type ProductColumn,
  type ProductInput,
} from './product-row';

export type PreviewKind = 'new' | 'changed' | 'unchanged' | 'invalid';
/** A product field an import can change; `active` when the file brings back a deactivated product. */
export type PreviewField = Exclude<ProductColumn, 'codigo'> | 'active';

export interface FieldChange {
  field: PreviewField;
  before: string;
  after: string;
}

export interface PreviewRow {
  row: number;
  kind: PreviewKind;
  codigo: string;
  descripcion: string;
  /** For a changed row, every field that changes. */
  changes: FieldChange[];
  /** For an invalid row, its problems ("Fila 4: …"). */
  message?: string;
}

export interface CatalogPreview {
  rows: number;
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  decimalSeparator: DecimalSeparator;
  counts: Record<PreviewKind, number>;
  items: PreviewRow[];
  /** Errors of the whole file (header, quotes) and of each invalid row, as the import answers them. */
  errors: ImportError[];
  digest: string;
}

export interface ValidProduct extends ProductInput {
  line: number;
  /** The existing product's id, when the code is already in the catalogue. */
  id: string | undefined;
  kind: 'new' | 'changed' | 'unchanged';
}

interface StoredProduct {
  id: string;
  barcode: string | null;
  descripcion: string;
  unidad: string;
  precio: string;
  tasaItbms: string;
  codigoCPBS: string | null;
  unidadMedidaCPBS: string | null;
  active: number;
}

function changesOf(stored: StoredProduct, product: ProductInput, index: Map<ProductColumn, number>): FieldChange[] {
  const changes: FieldChange[] = [];
  const compare = (field: PreviewField, before: string | null, after: string | null | undefined) => {
    if ((before ?? '') !== (after ?? '')) changes.push({ field, before: before ?? '', after: after ?? '' });
  };
  // The optional columns change a product only when the file has them, so a plain price list wipes no barcode,
  // unit or CPBS code.
  if (index.has('barcode')) compare('barcode', stored.barcode, product.barcode);
  compare('descripcion', stored.descripcion, product.descripcion);
  if (index.has('unidad')) compare('unidad', stored.unidad, product.unidad);
  if (!money(stored.precio).eq(product.precio))
    changes.push({ field: 'precio', before: stored.precio, after: product.precio });
  compare('tasaItbms', stored.tasaItbms, product.tasaItbms);
  if (index.has('codigoCPBS')) compare('codigoCPBS', stored.codigoCPBS, product.codigoCPBS);
  if (index.has('unidadMedidaCPBS')) compare('unidadMedidaCPBS', stored.unidadMedidaCPBS, product.unidadMedidaCPBS);
  if (stored.active !== 1) changes.push({ field: 'active', before: 'no', after: 'sí' });
  return changes;
}

export type PreviewOutcome = { preview: CatalogPreview; valid: ValidProduct[]; index: Map<ProductColumn, number> };

export function previewProductsCsv(db: StoreDb, csv: string, encoding: CsvEncoding = 'utf-8'): PreviewOutcome {
  const table = readCsvTable(csv, readProductHeader);
  const counts: Record<PreviewKind, number> = { new: 0, changed: 0, unchanged: 0, invalid: 0 };
  if (!table.ok) {
    const preview = {
      rows: table.result.rows,
      encoding,
      delimiter: ',' as const,
      decimalSeparator: '.' as const,
      counts,
      items: [],
      errors: table.result.errors,
    };
    return { preview: { ...preview, digest: digestOf(preview) }, valid: [], index: new Map() };
  }
  const { records, index, width, delimiter } = table;
  const priceAt = index.get('precio') ?? 0;
  const decimalSeparator = detectDecimalSeparator(records.map((r) => r.fields[priceAt] ?? ''));

  const sqlite = db.$client;
  const byBarcode = sqlite.prepare('SELECT codigo FROM products WHERE barcode = ?').pluck();
  const byCode =
    sqlite.prepare(`SELECT id, barcode, descripcion, unidad, precio, tasa_itbms AS tasaItbms, codigo_cpbs AS codigoCPBS,
    unidad_medida_cpbs AS unidadMedidaCPBS, active FROM products WHERE codigo = ?`);
  const items: PreviewRow[] = [];
  const errors: ImportError[] = [];
  const valid: ValidProduct[] = [];
  const seenCodes = new Map<string, number>();
  const seenBarcodes = new Map<string, number>();
  for (const record of records) {
    const checked = checkProductRow(record.fields, index, width, decimalSeparator);
    const problems = checked.ok ? [] : checked.problems;
    if (checked.ok) {
      const { codigo, barcode } = checked.product;
      const firstCode = seenCodes.get(codigo);
      if (firstCode !== undefined) problems.push(`el código ${codigo} ya aparece en la fila ${firstCode}`);
      if (barcode) {
        const firstBarcode = seenBarcodes.get(barcode);
        const owner = byBarcode.get(barcode) as string | undefined;
        if (firstBarcode !== undefined)
          problems.push(`el código de barras ${barcode} ya aparece en la fila ${firstBarcode}`);
        else if (owner !== undefined && owner !== codigo)
          problems.push(`el código de barras ${barcode} ya es del producto ${owner}`);
        seenBarcodes.set(barcode, seenBarcodes.get(barcode) ?? record.line);
      }
      seenCodes.set(codigo, firstCode ?? record.line);
    }
    if (!checked.ok || problems.length > 0) {
      const message = `Fila ${record.line}: ${problems.join('; ')}`;
      errors.push({ row: record.line, message });
      const codigoAt = index.get('codigo') ?? 0;
      const descripcionAt = index.get('descripcion') ?? 0;
      items.push({
        row: record.line,
        kind: 'invalid',
        codigo: (record.fields[codigoAt] ?? '').trim(),
        descripcion: (record.fields[descripcionAt] ?? '').trim(),
        changes: [],
        message,
      });
      counts.invalid++;
      continue;
    }
    const product = checked.product;
    const stored = byCode.get(product.codigo) as StoredProduct | undefined;
    const changes = stored ? changesOf(stored, product, index) : [];
    const kind = stored === undefined ? 'new' : changes.length > 0 ? 'changed' : 'unchanged';
    counts[kind]++;
    items.push({ row: record.line, kind, codigo: product.codigo, descripcion: product.descripcion, changes });
    valid.push({ ...product, line: record.line, id: stored?.id, kind });
  }
  const preview = { rows: records.length, encoding, delimiter, decimalSeparator, counts, items, errors };
  return { preview: { ...preview, digest: digestOf(preview) }, valid, index };
}

/** What the manager saw, as a short fingerprint: the rows, their kinds and every before → after. */
function digestOf(preview: Omit<CatalogPreview, 'digest'>): string {
  return createHash('sha256').update(JSON.stringify(preview)).digest('hex').slice(0, 32);
}
