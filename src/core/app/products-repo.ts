// The register's product catalogue: search as the cashier types (code, barcode or words of the description), exact
// lookup for a scanner, and saving (created offline like everything else). Prices are unit prices before ITBMS,
// as a document line carries them.
import { randomUUID } from 'node:crypto';
import { and, eq, ne, or } from 'drizzle-orm';
import type { Product } from '../../shared/ipc/schemas';
import { appendAudit, type AuditActor } from '../store/audit';
import type { StoreDb } from '../store/open-database';
import { products } from '../store/schema';
import { AppError, validationFailed } from './app-error';
import { containsPatterns, ensureSearchFunctions } from './text-search';

export type ProductInput = Omit<Product, 'id'> & { id?: string | undefined };

interface ProductRow {
  id: string;
  codigo: string;
  barcode: string | null;
  descripcion: string;
  unidad: string;
  precio: string;
  tasaItbms: string;
  codigoCPBS: string | null;
  unidadMedidaCPBS: string | null;
  requiereLote: number;
}

const COLUMNS = `id, codigo, barcode, descripcion, unidad, precio, tasa_itbms AS tasaItbms, codigo_cpbs AS codigoCPBS,
  unidad_medida_cpbs AS unidadMedidaCPBS, requiere_lote AS requiereLote`;

function toProduct(row: ProductRow): Product {
  return { ...row, tasaItbms: row.tasaItbms as Product['tasaItbms'], requiereLote: row.requiereLote === 1 };
}

export function searchProducts(db: StoreDb, query: string, limit: number): Product[] {
  const sqlite = db.$client;
  const text = query.trim();
  if (text === '') {
    return (
      sqlite
        .prepare(`SELECT ${COLUMNS} FROM products WHERE active = 1 ORDER BY descripcion LIMIT ?`)
        .all(limit) as ProductRow[]
    ).map(toProduct);
  }
  ensureSearchFunctions(sqlite);
  const words = containsPatterns(text);
  const wordClause = words.map(() => "sago_fold(descripcion) LIKE ? ESCAPE '\\'").join(' AND ');
  const prefix = `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  // Exact code/barcode first (what a scanner or a memorised code gives), then code prefixes, then descriptions.
  const rows = sqlite
    .prepare(
      `SELECT ${COLUMNS} FROM products
    WHERE active = 1 AND (codigo = @text OR barcode = @text OR codigo LIKE @prefix ESCAPE '\\' OR (${wordClause}))
    ORDER BY CASE WHEN codigo = @text OR barcode = @text THEN 0 WHEN codigo LIKE @prefix ESCAPE '\\' THEN 1 ELSE 2 END,
      CASE WHEN codigo LIKE @prefix ESCAPE '\\' THEN codigo END, descripcion
    LIMIT @limit`,
    )
    .all(...words, { text, prefix, limit }) as ProductRow[];
  return rows.map(toProduct);
}

/** Exact match on code or barcode (a scanner types the barcode and Enter); the code wins if both match. */
export function lookupProduct(db: StoreDb, code: string): Product | null {
  const text = code.trim();
  const row = db.$client
    .prepare(
      `SELECT ${COLUMNS} FROM products WHERE active = 1 AND (codigo = @text OR barcode = @text)
    ORDER BY codigo = @text DESC LIMIT 1`,
    )
    .get({ text }) as ProductRow | undefined;
  return row ? toProduct(row) : null;
}

/** The catalogue price of a product code (active or not: a sale may still carry a product retired since), for loss-prevention checks. */
export function catalogPrice(db: StoreDb): (codigo: string) => string | undefined {
  const byCode = db.$client.prepare('SELECT precio FROM products WHERE codigo = ?').pluck();
  return (codigo) => byCode.get(codigo) as string | undefined;
}

export function getProduct(db: StoreDb, id: string): Product | null {
  const row = db.$client.prepare(`SELECT ${COLUMNS} FROM products WHERE id = ?`).get(id) as ProductRow | undefined;
  return row ? toProduct(row) : null;
}

/** An optional text field: undefined leaves the stored value alone (callers that predate the field), '' clears it. */
function optionalText(value: string | null | undefined): string | null | undefined {
  return value === undefined ? undefined : value?.trim() || null;
}

/**
 * Creates (no id) or updates a product; codes and barcodes stay unique among products. Audited with the values before
 * and after. The CPBS fields are optional: left out, an update keeps the stored ones; null clears them.
 */
export function saveProduct(db: StoreDb, input: ProductInput, by: AuditActor, at: Date): Product {
  const barcode = input.barcode?.trim() || null;
  const codigoCPBS = optionalText(input.codigoCPBS);
  const unidadMedidaCPBS = optionalText(input.unidadMedidaCPBS);
  const values = {
    codigo: input.codigo.trim(),
    barcode,
    descripcion: input.descripcion.trim(),
    unidad: input.unidad.trim(),
    precio: input.precio,
    tasaItbms: input.tasaItbms,
    ...(codigoCPBS === undefined ? {} : { codigoCPBS }),
    ...(unidadMedidaCPBS === undefined ? {} : { unidadMedidaCPBS }),
    ...(input.requiereLote === undefined ? {} : { requiereLote: input.requiereLote ? 1 : 0 }),
  };
  const id = db.transaction(
    (tx) => {
      const id = input.id ?? randomUUID();
      const clash = tx
        .select({ codigo: products.codigo, barcode: products.barcode })
        .from(products)
        .where(
          and(
            ne(products.id, id),
            or(eq(products.codigo, values.codigo), ...(barcode ? [eq(products.barcode, barcode)] : [])),
          ),
        )
        .get();
      if (clash) {
        throw validationFailed([
          clash.codigo === values.codigo
            ? {
                path: 'codigo',
                rule: 'duplicate_code',
                message: `Ya existe otro producto con el código ${values.codigo}`,
              }
            : {
                path: 'barcode',
                rule: 'duplicate_barcode',
                message: `Ya existe otro producto con el código de barras ${barcode ?? ''}`,
              },
        ]);
      }
      const before = input.id === undefined ? null : getProduct(db, id);
      if (input.id === undefined) {
        tx.insert(products)
          .values({ id, ...values, updatedAt: at.toISOString() })
          .run();
      } else if (
        tx
          .update(products)
          .set({ ...values, updatedAt: at.toISOString() })
          .where(eq(products.id, id))
          .run().changes === 0
      ) {
        throw new AppError('not_found', 'El producto no existe');
      }
      appendAudit(
        tx,
        {
          ...by,
          action: 'catalog.product_saved',
          details: { id, created: input.id === undefined, ...values, ...(before ? { before } : {}) },
        },
        at,
      );
      return id;
    },
    { behavior: 'immediate' },
  );
  const saved = getProduct(db, id);
  if (!saved) throw new Error(`Product ${id} vanished after saving`);
  return saved;
}
