// Catalogue import from CSV (header row: codigo, barcode, descripcion, unidad, precio, tasaItbms, codigoCPBS,
// unidadMedidaCPBS; barcode, unidad and the two CPBS columns optional). Every row is checked first and every bad row reported with its line number, in Spanish. With any bad
// row nothing is imported unless the manager chose to import the valid rows; the import is one transaction
// (all of it or none) and one audit entry. Products are matched by code: an existing code is updated; its CPBS fields
// only when the file has those columns (an empty cell clears them), so an older price list does not wipe them. A row
// that would change an existing product's price is listed and nothing is imported until the manager confirms those
// changes (loss prevention: a price list must not move prices silently).
import { randomUUID } from 'node:crypto';
import { CPBS_UNIT_MAX_LENGTH } from '../../shared/fiscal/cpbs';
import { productSchema } from '../../shared/ipc/schemas';
import type { ImportError } from '../../shared/ipc/contract-reports';
import { money } from '../../shared/fiscal/money';
import { appendAudit } from '../store/audit';
import type { StoreDb } from '../store/open-database';
import { readCsvTable } from '../../shared/csv/parse-csv';

export interface PriceChange {
  row: number;
  codigo: string;
  before: string;
  after: string;
}

export interface ImportResult {
  /** Data rows read (header excluded). */
  rows: number;
  imported: number;
  errors: ImportError[];
  /** Existing products whose price the file changes; nothing is imported while they are not confirmed. */
  priceChanges?: PriceChange[];
}

const COLUMNS = ['codigo', 'barcode', 'descripcion', 'unidad', 'precio', 'tasaItbms', 'codigoCPBS', 'unidadMedidaCPBS'] as const;
type Column = (typeof COLUMNS)[number];
const REQUIRED: readonly Column[] = ['codigo', 'descripcion', 'precio', 'tasaItbms'];
const productInput = productSchema.omit({ id: true });
type ProductInput = ReturnType<typeof productInput.parse>;

const FIELD_MESSAGES: Record<Column, (value: string) => string> = {
  codigo: () => 'el código es obligatorio y admite hasta 20 caracteres',
  barcode: () => 'el código de barras admite hasta 14 caracteres',
  descripcion: () => 'la descripción debe tener entre 2 y 500 caracteres',
  unidad: () => 'la unidad admite hasta 20 caracteres',
  precio: (v) => `el precio "${v}" no es válido (use punto decimal y hasta 6 decimales, p. ej. 4.25)`,
  tasaItbms: (v) => `la tasa de ITBMS "${v}" no es válida (00 exento, 01 7 %, 02 10 %, 03 15 %)`,
  codigoCPBS: (v) => `el código CPBS "${v}" no es válido (4 dígitos del catálogo de la DGI, p. ej. 5020)`,
  unidadMedidaCPBS: () => `la unidad CPBS admite hasta ${CPBS_UNIT_MAX_LENGTH} caracteres`,
};

/** Column positions from the header (names compared ignoring case and surrounding spaces; any order). */
function readHeader(fields: readonly string[]): { ok: true; index: Map<Column, number> } | { ok: false; message: string } {
  const index = new Map<Column, number>();
  fields.forEach((name, i) => {
    const column = COLUMNS.find((c) => c.toLowerCase() === name.trim().toLowerCase());
    if (column) index.set(column, i);
  });
  const missing = REQUIRED.filter((c) => !index.has(c));
  if (missing.length > 0) return { ok: false, message: `Fila 1: faltan las columnas ${missing.join(', ')} en el encabezado (se esperan ${COLUMNS.join(', ')})` };
  return { ok: true, index };
}

function checkRow(fields: readonly string[], index: Map<Column, number>, width: number): { ok: true; product: ProductInput } | { ok: false; problems: string[] } {
  if (fields.length !== width) return { ok: false, problems: [`tiene ${fields.length} columnas y el encabezado ${width}`] };
  const cell = (c: Column) => {
    const i = index.get(c);
    return i === undefined ? '' : (fields[i] ?? '').trim();
  };
  const candidate = {
    codigo: cell('codigo'), barcode: cell('barcode') || null, descripcion: cell('descripcion'),
    unidad: cell('unidad') || 'und', precio: cell('precio'), tasaItbms: cell('tasaItbms'),
    codigoCPBS: cell('codigoCPBS') || null, unidadMedidaCPBS: cell('unidadMedidaCPBS') || null,
  };
  const parsed = productInput.safeParse(candidate);
  if (parsed.success) return { ok: true, product: parsed.data };
  const bad = new Set(parsed.error.issues.map((issue) => issue.path[0] as Column));
  return { ok: false, problems: COLUMNS.filter((c) => bad.has(c)).map((c) => FIELD_MESSAGES[c](cell(c))) };
}

export function importProductsCsv(
  db: StoreDb, csv: string, options: { importValidRows?: boolean | undefined; confirmPriceChanges?: boolean | undefined; actor: string; at: Date },
): ImportResult {
  const table = readCsvTable(csv, readHeader);
  if (!table.ok) return table.result;
  const { records, index } = table;

  const sqlite = db.$client;
  const byBarcode = sqlite.prepare('SELECT codigo FROM products WHERE barcode = ?').pluck();
  const errors: ImportError[] = [];
  const valid: (ProductInput & { line: number })[] = [];
  const seenCodes = new Map<string, number>();
  const seenBarcodes = new Map<string, number>();
  for (const record of records) {
    const checked = checkRow(record.fields, index, table.width);
    const problems = checked.ok ? [] : checked.problems;
    if (checked.ok) {
      const { codigo, barcode } = checked.product;
      const firstCode = seenCodes.get(codigo);
      if (firstCode !== undefined) problems.push(`el código ${codigo} ya aparece en la fila ${firstCode}`);
      if (barcode) {
        const firstBarcode = seenBarcodes.get(barcode);
        const owner = byBarcode.get(barcode) as string | undefined;
        if (firstBarcode !== undefined) problems.push(`el código de barras ${barcode} ya aparece en la fila ${firstBarcode}`);
        else if (owner !== undefined && owner !== codigo) problems.push(`el código de barras ${barcode} ya es del producto ${owner}`);
        seenBarcodes.set(barcode, seenBarcodes.get(barcode) ?? record.line);
      }
      seenCodes.set(codigo, firstCode ?? record.line);
      if (problems.length === 0) valid.push({ ...checked.product, line: record.line });
    }
    if (problems.length > 0) errors.push({ row: record.line, message: `Fila ${record.line}: ${problems.join('; ')}` });
  }
  if (errors.length > 0 && options.importValidRows !== true) return { rows: records.length, imported: 0, errors };
  const priceOf = sqlite.prepare('SELECT precio FROM products WHERE codigo = ?').pluck();
  const priceChanges = valid.flatMap((p): PriceChange[] => {
    const before = priceOf.get(p.codigo) as string | undefined;
    return before !== undefined && !money(before).eq(p.precio) ? [{ row: p.line, codigo: p.codigo, before, after: p.precio }] : [];
  });
  if (priceChanges.length > 0 && options.confirmPriceChanges !== true) return { rows: records.length, imported: 0, errors, priceChanges };

  const existing = sqlite.prepare('SELECT id FROM products WHERE codigo = ?').pluck();
  const insert = sqlite.prepare(`INSERT INTO products (id, codigo, barcode, descripcion, unidad, precio, tasa_itbms, codigo_cpbs,
    unidad_medida_cpbs, active, updated_at)
    VALUES (@id, @codigo, @barcode, @descripcion, @unidad, @precio, @tasaItbms, @codigoCPBS, @unidadMedidaCPBS, 1, @at)`);
  const update = sqlite.prepare(`UPDATE products SET barcode = @barcode, descripcion = @descripcion, unidad = @unidad, precio = @precio,
    tasa_itbms = @tasaItbms, codigo_cpbs = IIF(@setCodigoCPBS, @codigoCPBS, codigo_cpbs),
    unidad_medida_cpbs = IIF(@setUnidadCPBS, @unidadMedidaCPBS, unidad_medida_cpbs), active = 1, updated_at = @at WHERE id = @id`);
  const at = options.at.toISOString();
  // better-sqlite3 binds numbers, not booleans.
  const setCodigoCPBS = index.has('codigoCPBS') ? 1 : 0;
  const setUnidadCPBS = index.has('unidadMedidaCPBS') ? 1 : 0;
  db.transaction((tx) => {
    let created = 0;
    for (const { line, ...product } of valid) {
      void line; // the row number is for the report, not the table
      const id = existing.get(product.codigo) as string | undefined;
      if (id === undefined) created++;
      const row = { codigoCPBS: null, unidadMedidaCPBS: null, ...product, id: id ?? randomUUID(), at };
      if (id === undefined) insert.run(row);
      else update.run({ ...row, setCodigoCPBS, setUnidadCPBS });
    }
    appendAudit(tx, {
      actor: options.actor, action: 'catalog.imported',
      details: {
        rows: records.length, created, updated: valid.length - created, skippedRows: errors.map((e) => e.row),
        // The first 50 price changes by value (the audit entry stays small), and how many there were.
        ...(priceChanges.length > 0 ? {
          priceChanges: priceChanges.slice(0, 50).map(({ codigo, before, after }) => ({ codigo, before, after })), priceChangeCount: priceChanges.length,
        } : {}),
      },
    }, options.at);
  }, { behavior: 'immediate' });
  return { rows: records.length, imported: valid.length, errors, ...(priceChanges.length > 0 ? { priceChanges } : {}) };
}
