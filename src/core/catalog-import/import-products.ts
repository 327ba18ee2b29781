// Catalogue import from CSV (columns in product-row.ts; separator, decimal mark and encoding as Excel wrote them).
// Every row is checked first (product-preview.ts) and every bad row reported with its line number, in Spanish. With
// any bad row nothing is imported unless the manager chose to import the valid rows. A file that changes existing
// products (price, description, tax rate, …) imports nothing until the manager confirms exactly the preview they
// saw, by its digest (loss prevention: a price list must not move prices silently, nor differently from what was
// shown). The import is one transaction (all of it or none) and one audit entry.
import { randomUUID } from 'node:crypto';
import type { ImportError } from '../../shared/ipc/areas/reports/contract';
import { appendAudit } from '../store/audit';
import type { StoreDb } from '../store/open-database';
import type { CsvEncoding } from './decode-csv';
import { previewProductsCsv, type CatalogPreview } from './product-preview';

export interface ImportResult {
  /** Data rows read (header excluded). */
  rows: number;
  imported: number;
  errors: ImportError[];
}

export interface ProductImportResult extends ImportResult {
  preview: CatalogPreview;
  /**
   * Nothing was imported because the file changes existing products and `confirmChanges` was not this preview's
   * digest: "unconfirmed" (no confirmation given) or "stale" (a confirmation of another preview).
   */
  confirmation?: 'unconfirmed' | 'stale';
}

export interface ProductImportOptions {
  importValidRows?: boolean | undefined;
  /** The digest of the preview whose changes to existing products the manager accepted. */
  confirmChanges?: string | undefined;
  encoding?: CsvEncoding | undefined;
  actor: string;
  at: Date;
}

export function importProductsCsv(db: StoreDb, csv: string, options: ProductImportOptions): ProductImportResult {
  const { preview, valid, index } = previewProductsCsv(db, csv, options.encoding);
  const { rows, errors } = preview;
  const nothing = { rows, imported: 0, errors, preview };
  if (valid.length === 0 && errors.length > 0) return nothing;
  if (errors.length > 0 && options.importValidRows !== true) return nothing;
  if (preview.counts.changed > 0 && options.confirmChanges !== preview.digest) {
    return { ...nothing, confirmation: options.confirmChanges === undefined ? 'unconfirmed' : 'stale' };
  }

  const sqlite = db.$client;
  const insert =
    sqlite.prepare(`INSERT INTO products (id, codigo, barcode, descripcion, unidad, precio, tasa_itbms, codigo_cpbs,
    unidad_medida_cpbs, active, updated_at)
    VALUES (@id, @codigo, @barcode, @descripcion, @unidad, @precio, @tasaItbms, @codigoCPBS, @unidadMedidaCPBS, 1, @at)`);
  // The optional columns a file lacks keep their stored values (as the preview says: product-preview.ts).
  const update =
    sqlite.prepare(`UPDATE products SET barcode = IIF(@setBarcode, @barcode, barcode), descripcion = @descripcion,
    unidad = IIF(@setUnidad, @unidad, unidad), precio = @precio,
    tasa_itbms = @tasaItbms, codigo_cpbs = IIF(@setCodigoCPBS, @codigoCPBS, codigo_cpbs),
    unidad_medida_cpbs = IIF(@setUnidadCPBS, @unidadMedidaCPBS, unidad_medida_cpbs), active = 1, updated_at = @at WHERE id = @id`);
  const at = options.at.toISOString();
  // better-sqlite3 binds numbers, not booleans.
  const setBarcode = index.has('barcode') ? 1 : 0;
  const setUnidad = index.has('unidad') ? 1 : 0;
  const setCodigoCPBS = index.has('codigoCPBS') ? 1 : 0;
  const setUnidadCPBS = index.has('unidadMedidaCPBS') ? 1 : 0;
  const written = valid.filter((p) => p.kind !== 'unchanged');
  const changes = preview.items.flatMap((item) => item.changes.map((c) => ({ codigo: item.codigo, ...c })));
  db.transaction(
    (tx) => {
      for (const { line, kind, id, ...product } of written) {
        void line; // the row number is for the report, not the table
        const row = { codigoCPBS: null, unidadMedidaCPBS: null, ...product, id: id ?? randomUUID(), at };
        if (kind === 'new') insert.run(row);
        else update.run({ ...row, setBarcode, setUnidad, setCodigoCPBS, setUnidadCPBS });
      }
      appendAudit(
        tx,
        {
          actor: options.actor,
          action: 'catalog.imported',
          details: {
            rows,
            created: preview.counts.new,
            updated: preview.counts.changed,
            unchanged: preview.counts.unchanged,
            skippedRows: errors.map((e) => e.row),
            // The first 50 field changes by value (the audit entry stays small), and how many there were.
            ...(changes.length > 0 ? { changes: changes.slice(0, 50), changeCount: changes.length } : {}),
          },
        },
        options.at,
      );
    },
    { behavior: 'immediate' },
  );
  return { rows, imported: valid.length, errors, preview };
}
