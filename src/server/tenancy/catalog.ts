// Head office's catalogue (src/shared/sync/catalog.ts): written by an admin key in batches, read by registers as the
// changes after the (version, code) they last applied. A write locks the organisation's version row and gives every
// product it really changes the next version, so two writers of one organisation queue behind each other and a
// version is visible only once every lower one is: a register paging by (version, code) never skips a row.
import { and, asc, eq, gt, or, sql } from 'drizzle-orm';
import type { CatalogChange, CatalogPosition, CentralProduct } from '../../shared/sync/catalog';
import { catalogProducts, catalogVersions } from '../db/schema';
import { sqlStateOf } from '../db/sql-error';
import type { TenantDatabase, TenantTx } from '../db/tenant-db';

/** A batch that names one code or one barcode twice (PostgreSQL would refuse the upsert as a whole). */
export class CatalogBatchError extends Error {
  constructor(readonly path: string, message: string) {
    super(message);
  }
}

/** The batch gives a product a barcode another product of the organisation already has. */
export class BarcodeTakenError extends Error {}

export function checkBatch(products: readonly CentralProduct[]): void {
  const codes = new Set<string>();
  const barcodes = new Set<string>();
  products.forEach((p, i) => {
    if (codes.has(p.codigo)) throw new CatalogBatchError(`products.${i}.codigo`, `Product code ${p.codigo} appears twice in the batch`);
    codes.add(p.codigo);
    if (p.barcode === null) return;
    if (barcodes.has(p.barcode)) throw new CatalogBatchError(`products.${i}.barcode`, `Barcode ${p.barcode} appears twice in the batch`);
    barcodes.add(p.barcode);
  });
}

async function lockVersion(tx: TenantTx, orgId: string): Promise<number> {
  await tx.insert(catalogVersions).values({ orgId, version: 0 }).onConflictDoNothing();
  const [row] = await tx.select({ version: catalogVersions.version }).from(catalogVersions).where(eq(catalogVersions.orgId, orgId)).for('update');
  if (!row) throw new Error('catalogue version row missing after insert');
  return row.version;
}

/** What a register compares: a row whose values all equal the stored ones is not a change (no new version). */
const CHANGED = sql`(${catalogProducts.barcode}, ${catalogProducts.descripcion}, ${catalogProducts.unidad}, ${catalogProducts.precio},
  ${catalogProducts.tasaItbms}, ${catalogProducts.codigoCPBS}, ${catalogProducts.unidadMedidaCPBS}, ${catalogProducts.requiereLote},
  ${catalogProducts.active}) is distinct from (excluded.barcode, excluded.descripcion, excluded.unidad, excluded.precio, excluded.tasa_itbms,
  excluded.codigo_cpbs, excluded.unidad_medida_cpbs, excluded.requiere_lote, excluded.active)`;

/** Creates or replaces `products`; returns the catalogue version after the write and how many rows changed. */
export async function writeCatalog(db: TenantDatabase, orgId: string, adminKeyId: string, products: readonly CentralProduct[]):
Promise<{ version: number; changed: number; unchanged: number }> {
  checkBatch(products);
  try {
    return await db.withTenant(orgId, async (tx) => {
      const current = await lockVersion(tx, orgId);
      const next = current + 1;
      const written = await tx.insert(catalogProducts)
        .values(products.map((p) => ({ ...p, orgId, version: next, updatedBy: adminKeyId })))
        .onConflictDoUpdate({
          target: [catalogProducts.orgId, catalogProducts.codigo],
          set: {
            barcode: sql`excluded.barcode`, descripcion: sql`excluded.descripcion`, unidad: sql`excluded.unidad`, precio: sql`excluded.precio`,
            tasaItbms: sql`excluded.tasa_itbms`, codigoCPBS: sql`excluded.codigo_cpbs`, unidadMedidaCPBS: sql`excluded.unidad_medida_cpbs`,
            requiereLote: sql`excluded.requiere_lote`, active: sql`excluded.active`, version: next, updatedAt: sql`now()`, updatedBy: adminKeyId,
          },
          setWhere: CHANGED,
        })
        .returning({ codigo: catalogProducts.codigo });
      if (written.length > 0) await tx.update(catalogVersions).set({ version: next }).where(eq(catalogVersions.orgId, orgId));
      return { version: written.length > 0 ? next : current, changed: written.length, unchanged: products.length - written.length };
    });
  } catch (error) {
    if (sqlStateOf(error) === '23505') throw new BarcodeTakenError('A barcode in the batch belongs to another product of this organisation');
    throw error;
  }
}

const CHANGE_COLUMNS = {
  codigo: catalogProducts.codigo, barcode: catalogProducts.barcode, descripcion: catalogProducts.descripcion, unidad: catalogProducts.unidad,
  precio: catalogProducts.precio, tasaItbms: catalogProducts.tasaItbms, codigoCPBS: catalogProducts.codigoCPBS,
  unidadMedidaCPBS: catalogProducts.unidadMedidaCPBS, requiereLote: catalogProducts.requiereLote, active: catalogProducts.active,
  version: catalogProducts.version,
};

async function currentVersion(tx: TenantTx, orgId: string): Promise<number> {
  const [row] = await tx.select({ version: catalogVersions.version }).from(catalogVersions).where(eq(catalogVersions.orgId, orgId));
  return row?.version ?? 0;
}

/** The changes after `position`, oldest first, and the cursor after the last one. */
export function catalogChanges(db: TenantDatabase, orgId: string, position: CatalogPosition, limit: number):
Promise<{ catalogVersion: number; changes: CatalogChange[]; position: CatalogPosition; more: boolean }> {
  return db.withTenant(orgId, async (tx) => {
    const rows = await tx.select(CHANGE_COLUMNS).from(catalogProducts)
      .where(or(gt(catalogProducts.version, position.since), and(eq(catalogProducts.version, position.since), gt(catalogProducts.codigo, position.after))))
      .orderBy(asc(catalogProducts.version), asc(catalogProducts.codigo))
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
export function listCatalog(db: TenantDatabase, orgId: string, after: string | undefined, limit: number):
Promise<{ catalogVersion: number; items: CatalogChange[]; nextAfter: string | null }> {
  return db.withTenant(orgId, async (tx) => {
    const rows = await tx.select(CHANGE_COLUMNS).from(catalogProducts)
      .where(after === undefined ? undefined : gt(catalogProducts.codigo, after))
      .orderBy(asc(catalogProducts.codigo))
      .limit(limit + 1);
    const items = rows.slice(0, limit) as CatalogChange[];
    return { catalogVersion: await currentVersion(tx, orgId), items, nextAfter: rows.length > limit ? items.at(-1)?.codigo ?? null : null };
  });
}
