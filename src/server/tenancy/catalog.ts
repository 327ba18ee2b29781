// Head office's catalogue (src/shared/sync/catalog.ts): written by an admin key in batches, read by registers as the
// changes after the (version, code) they last applied. A write locks the organisation's version row and gives every
// product it really changes the next version, so two writers of one organisation queue behind each other and a
// version is visible only once every lower one is: a register paging by (version, code) never skips a row.
import { and, asc, eq, gt, or, sql, type SQL } from 'drizzle-orm';
import type { CatalogChange, CatalogPosition, CentralProduct } from '../../shared/sync/catalog';
import { catalogProducts, catalogVersions } from '../db/head-office-schema';
import { sqlStateOf } from '../db/sql-error';
import type { TenantDatabase, TenantTx } from '../db/tenant-db';

/** A batch that names one code or one barcode twice (PostgreSQL would refuse the upsert as a whole). */
export class CatalogBatchError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

/** The batch gives a product a barcode another product of the organisation already has. */
export class BarcodeTakenError extends Error {}

export function checkBatch(products: readonly CentralProduct[]): void {
  const codes = new Set<string>();
  const barcodes = new Set<string>();
  products.forEach((p, i) => {
    if (codes.has(p.codigo))
      throw new CatalogBatchError(`products.${i}.codigo`, `Product code ${p.codigo} appears twice in the batch`);
    codes.add(p.codigo);
    if (p.barcode === null) return;
    if (barcodes.has(p.barcode))
      throw new CatalogBatchError(`products.${i}.barcode`, `Barcode ${p.barcode} appears twice in the batch`);
    barcodes.add(p.barcode);
  });
}

async function lockVersion(tx: TenantTx, orgId: string): Promise<number> {
  await tx.insert(catalogVersions).values({ orgId, version: 0 }).onConflictDoNothing();
  const [row] = await tx
    .select({ version: catalogVersions.version })
    .from(catalogVersions)
    .where(eq(catalogVersions.orgId, orgId))
    .for('update');
  if (!row) throw new Error('catalogue version row missing after insert');
  return row.version;
}

/** Columns a CSV without them leaves as they are on existing products (a price list must not wipe them). */
export type KeptColumn = 'codigoCPBS' | 'unidadMedidaCPBS' | 'requiereLote' | 'active';

const VALUE_COLUMNS = {
  barcode: 'barcode',
  descripcion: 'descripcion',
  unidad: 'unidad',
  precio: 'precio',
  tasaItbms: 'tasa_itbms',
  codigoCPBS: 'codigo_cpbs',
  unidadMedidaCPBS: 'unidad_medida_cpbs',
  requiereLote: 'requiere_lote',
  active: 'active',
} as const;

/** The value a conflicting row ends with: the written one, or the stored one for a kept column. */
function incoming(column: keyof typeof VALUE_COLUMNS, keep: readonly KeptColumn[]): SQL {
  const name = VALUE_COLUMNS[column];
  return sql.raw(keep.includes(column as KeptColumn) ? `"catalog_products"."${name}"` : `excluded."${name}"`);
}

/** Rows per INSERT: well under PostgreSQL's 65 535 bind parameters. */
const ROWS_PER_STATEMENT = 500;

/**
 * Creates or replaces `products` (any number, in one transaction); returns the catalogue version after the write and
 * how many rows changed. A row whose resulting values all equal the stored ones is no change (no new version).
 */
export async function writeCatalog(
  db: TenantDatabase,
  orgId: string,
  adminKeyId: string,
  products: readonly CentralProduct[],
  keep: readonly KeptColumn[] = [],
): Promise<{ version: number; changed: number; unchanged: number }> {
  checkBatch(products);
  const columns = Object.keys(VALUE_COLUMNS) as (keyof typeof VALUE_COLUMNS)[];
  const stored = sql.join(
    columns.map((c) => sql.raw(`"catalog_products"."${VALUE_COLUMNS[c]}"`)),
    sql`, `,
  );
  const changed = sql`(${stored}) is distinct from (${sql.join(
    columns.map((c) => incoming(c, keep)),
    sql`, `,
  )})`;
  try {
    return await db.withTenant(orgId, async (tx) => {
      const current = await lockVersion(tx, orgId);
      const next = current + 1;
      let written = 0;
      for (let i = 0; i < products.length; i += ROWS_PER_STATEMENT) {
        const rows = await tx
          .insert(catalogProducts)
          .values(
            products
              .slice(i, i + ROWS_PER_STATEMENT)
              .map((p) => ({ ...p, orgId, version: next, updatedBy: adminKeyId })),
          )
          .onConflictDoUpdate({
            target: [catalogProducts.orgId, catalogProducts.codigo],
            set: {
              ...Object.fromEntries(columns.map((c) => [c, incoming(c, keep)])),
              version: next,
              updatedAt: sql`now()`,
              updatedBy: adminKeyId,
            },
            setWhere: changed,
          })
          .returning({ codigo: catalogProducts.codigo });
        written += rows.length;
      }
      if (written > 0) await tx.update(catalogVersions).set({ version: next }).where(eq(catalogVersions.orgId, orgId));
      return { version: written > 0 ? next : current, changed: written, unchanged: products.length - written };
    });
  } catch (error) {
    if (sqlStateOf(error) === '23505')
      throw new BarcodeTakenError('A barcode in the batch belongs to another product of this organisation');
    throw error;
  }
}

/**
 * Codes compared and sorted by their bytes, whatever the database's collation: the register checks that the cursor
 * moves forward with the same order (JavaScript's, the same for the codes' usual ASCII), and a locale's order
 * ('a' < 'B') would look like a cursor going back.
 */
const BYTE_ORDER = sql`${catalogProducts.codigo} collate "C"`;

const CHANGE_COLUMNS = {
  codigo: catalogProducts.codigo,
  barcode: catalogProducts.barcode,
  descripcion: catalogProducts.descripcion,
  unidad: catalogProducts.unidad,
  precio: catalogProducts.precio,
  tasaItbms: catalogProducts.tasaItbms,
  codigoCPBS: catalogProducts.codigoCPBS,
  unidadMedidaCPBS: catalogProducts.unidadMedidaCPBS,
  requiereLote: catalogProducts.requiereLote,
  active: catalogProducts.active,
  version: catalogProducts.version,
};

async function currentVersion(tx: TenantTx, orgId: string): Promise<number> {
  const [row] = await tx
    .select({ version: catalogVersions.version })
    .from(catalogVersions)
    .where(eq(catalogVersions.orgId, orgId));
  return row?.version ?? 0;
}

/** The changes after `position`, oldest first, and the cursor after the last one. */
export function catalogChanges(
  db: TenantDatabase,
  orgId: string,
  position: CatalogPosition,
  limit: number,
): Promise<{ catalogVersion: number; changes: CatalogChange[]; position: CatalogPosition; more: boolean }> {
  return db.withTenant(orgId, async (tx) => {
    const rows = await tx
      .select(CHANGE_COLUMNS)
      .from(catalogProducts)
      .where(
        or(
          gt(catalogProducts.version, position.since),
          and(eq(catalogProducts.version, position.since), sql`${BYTE_ORDER} > ${position.after}`),
        ),
      )
      .orderBy(asc(catalogProducts.version), asc(BYTE_ORDER))
      .limit(limit + 1);
    const changes = rows.slice(0, limit) as CatalogChange[];
    const last = changes.at(-1);
    return {
      catalogVersion: await currentVersion(tx, orgId),
      changes,
      position: last ? { since: last.version, after: last.codigo } : position,
      more: rows.length > limit,
    };
  });
}

/** Head office's view: products by code, a page after `after`. */
export function listCatalog(
  db: TenantDatabase,
  orgId: string,
  after: string | undefined,
  limit: number,
): Promise<{ catalogVersion: number; items: CatalogChange[]; nextAfter: string | null }> {
  return db.withTenant(orgId, async (tx) => {
    const rows = await tx
      .select(CHANGE_COLUMNS)
      .from(catalogProducts)
      .where(after === undefined ? undefined : sql`${BYTE_ORDER} > ${after}`)
      .orderBy(asc(BYTE_ORDER))
      .limit(limit + 1);
    const items = rows.slice(0, limit) as CatalogChange[];
    return {
      catalogVersion: await currentVersion(tx, orgId),
      items,
      nextAfter: rows.length > limit ? (items.at(-1)?.codigo ?? null) : null,
    };
  });
}
