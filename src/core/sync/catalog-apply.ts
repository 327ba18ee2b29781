// Applies head office's catalogue changes to the register's products, all of one pull in ONE SQLite transaction
// (decision 0018). Never while a sale is in progress (a basket is in till_draft: its lines carry the prices they were
// rung up at, and the sale must be charged and checked against the catalogue it started with), and never in the
// training data set. What arrives is evidence, not truth: each row is checked alone with the contract's schema and a
// bad one is refused and audited while the others apply. Head office wins over a local edit of the same product
// code; the local values it replaces are audited as overwritten. Every applied change is audited (catalog-audit.ts).
import { randomUUID } from 'node:crypto';
import { catalogChangeSchema, type CatalogChange, type CatalogPosition } from '../../shared/sync/catalog';
import { isStorableText } from '../../shared/sync/storable';
import { money } from '../../shared/fiscal/money';
import { readHkaSettings } from '../hka/hka-connection';
import { appendAudit } from '../store/audit';
import type { StoreDb } from '../store/open-database';
import { describeChange, PackedCatalogAudit } from './catalog-audit';
import { readCatalogState, writeCatalogState, type CatalogRefusal } from './catalog-state';

export const CATALOG_ACTOR = 'sistema:catalogo';

export type ApplyResult =
  | { kind: 'training' }
  | { kind: 'sale_in_progress' }
  | { kind: 'applied'; applied: number; unchanged: number; overwroteLocal: number; refused: CatalogRefusal[] };

interface LocalRow {
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
  active: number;
  updatedAt: string;
  centralVersion: number | null;
  centralAppliedAt: string | null;
}

const LOCAL_COLUMNS = `id, codigo, barcode, descripcion, unidad, precio, tasa_itbms AS tasaItbms, codigo_cpbs AS codigoCPBS,
  unidad_medida_cpbs AS unidadMedidaCPBS, requiere_lote AS requiereLote, active, updated_at AS updatedAt,
  central_version AS centralVersion, central_applied_at AS centralAppliedAt`;

/** The product fields as the audit trail shows them (before and after). */
function valuesOf(row: LocalRow) {
  return {
    barcode: row.barcode,
    descripcion: row.descripcion,
    unidad: row.unidad,
    precio: row.precio,
    tasaItbms: row.tasaItbms,
    codigoCPBS: row.codigoCPBS,
    unidadMedidaCPBS: row.unidadMedidaCPBS,
    requiereLote: row.requiereLote === 1,
    active: row.active === 1,
  };
}

function incomingValues(change: CatalogChange) {
  const { codigo, version, ...values } = change;
  void codigo; // the key, not a value
  void version;
  return values;
}

function sameValues(local: LocalRow, change: CatalogChange): boolean {
  const a = valuesOf(local);
  const b = incomingValues(change);
  return (
    money(a.precio).eq(b.precio) &&
    a.barcode === b.barcode &&
    a.descripcion === b.descripcion &&
    a.unidad === b.unidad &&
    a.tasaItbms === b.tasaItbms &&
    a.codigoCPBS === b.codigoCPBS &&
    a.unidadMedidaCPBS === b.unidadMedidaCPBS &&
    a.requiereLote === b.requiereLote &&
    a.active === b.active
  );
}

/** A basket is open at the till (saved as the cashier works, removed once the sale is completed or emptied). */
export function saleInProgress(db: StoreDb): boolean {
  return db.$client.prepare('SELECT 1 FROM till_draft LIMIT 1').get() !== undefined;
}

/** A code as the refusal names it: only text the audit trail and head office can hold, and short. */
function shownCode(raw: unknown): string | null {
  const codigo = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)['codigo'] : undefined;
  return typeof codigo === 'string' && isStorableText(codigo) ? codigo.slice(0, 40) : null;
}

function shownVersion(raw: unknown): number | null {
  const version = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)['version'] : undefined;
  return typeof version === 'number' && Number.isSafeInteger(version) ? version : null;
}

/**
 * Applies `changes` (as received, unchecked) and records `place` as the register's place in head office's
 * catalogue (organisation and position), or writes nothing at all when a sale is in progress or the data set is training.
 */
export function applyCatalogChanges(
  db: StoreDb,
  changes: readonly unknown[],
  place: { orgId: string; position: CatalogPosition },
  at: Date,
): ApplyResult {
  // Training practises on a copy of the real catalogue (decision 0012); head office never writes into it.
  if (readHkaSettings(db).environment === 'simulador') return { kind: 'training' };
  const sqlite = db.$client;
  const byCode = sqlite.prepare(`SELECT ${LOCAL_COLUMNS} FROM products WHERE codigo = ?`);
  const barcodeHolder = sqlite.prepare('SELECT codigo FROM products WHERE barcode = ? AND codigo <> ?').pluck();
  const insert =
    sqlite.prepare(`INSERT INTO products (id, codigo, barcode, descripcion, unidad, precio, tasa_itbms, codigo_cpbs,
    unidad_medida_cpbs, requiere_lote, active, updated_at, central_version, central_applied_at)
    VALUES (@id, @codigo, @barcode, @descripcion, @unidad, @precio, @tasaItbms, @codigoCPBS, @unidadMedidaCPBS, @requiereLote, @active, @at, @version, @at)`);
  const update =
    sqlite.prepare(`UPDATE products SET barcode = @barcode, descripcion = @descripcion, unidad = @unidad, precio = @precio,
    tasa_itbms = @tasaItbms, codigo_cpbs = @codigoCPBS, unidad_medida_cpbs = @unidadMedidaCPBS, requiere_lote = @requiereLote,
    active = @active, updated_at = @at, central_version = @version, central_applied_at = @at WHERE id = @id`);
  const markSeen = sqlite.prepare(
    'UPDATE products SET central_version = ?, central_applied_at = updated_at WHERE id = ?',
  );
  const iso = at.toISOString();

  return db.transaction(
    (tx): ApplyResult => {
      // Inside the write transaction: the till cannot start saving a basket between this check and the commit.
      if (saleInProgress(db)) return { kind: 'sale_in_progress' };
      // The last word of this pull on each code's barcode: a barcode moving between two products in one pull is no clash.
      const finalBarcode = new Map<string, string | null>();
      const checked = changes.map((raw) => ({ raw, parsed: catalogChangeSchema.safeParse(raw) }));
      for (const { parsed } of checked) if (parsed.success) finalBarcode.set(parsed.data.codigo, parsed.data.barcode);

      const audit = new PackedCatalogAudit(tx, CATALOG_ACTOR, at);
      let applied = 0;
      let unchanged = 0;
      let overwroteLocal = 0;
      const refused: CatalogRefusal[] = [];
      const refuse = (refusal: Omit<CatalogRefusal, 'at'>) => {
        refused.push({ ...refusal, at: iso });
        appendAudit(tx, { actor: CATALOG_ACTOR, action: 'catalog.central_refused', details: refusal }, at);
      };
      for (const { raw, parsed } of checked) {
        if (!parsed.success) {
          const fields = [...new Set(parsed.error.issues.map((i) => i.path.map(String).join('.') || '(row)'))].slice(
            0,
            5,
          );
          refuse({
            codigo: shownCode(raw),
            version: shownVersion(raw),
            reason: 'invalid',
            detail: `invalid fields: ${fields.join(', ')}`,
          });
          continue;
        }
        const change = parsed.data;
        if (change.barcode !== null) {
          const holder = barcodeHolder.get(change.barcode, change.codigo) as string | undefined;
          if (holder !== undefined && !(finalBarcode.has(holder) && finalBarcode.get(holder) !== change.barcode)) {
            refuse({
              codigo: change.codigo,
              version: change.version,
              reason: 'barcode_taken',
              detail: `barcode ${change.barcode} belongs to product ${holder}`,
            });
            continue;
          }
        }
        const local = byCode.get(change.codigo) as LocalRow | undefined;
        if (local && sameValues(local, change)) {
          markSeen.run(change.version, local.id);
          unchanged++;
          continue;
        }
        const values = incomingValues(change);
        const row = {
          ...values,
          codigo: change.codigo,
          requiereLote: values.requiereLote ? 1 : 0,
          active: values.active ? 1 : 0,
          version: change.version,
          at: iso,
        };
        // A local edit since head office last set this code (or a product head office never set): replaced, and said so.
        const localEdit =
          local !== undefined && (local.centralVersion === null || local.updatedAt !== local.centralAppliedAt);
        if (local) update.run({ ...row, id: local.id });
        else insert.run({ ...row, id: randomUUID() });
        applied++;
        if (localEdit) {
          overwroteLocal++;
          appendAudit(
            tx,
            {
              actor: CATALOG_ACTOR,
              action: 'catalog.central_overwrote_local',
              details: { codigo: change.codigo, version: change.version, after: values, before: valuesOf(local) },
            },
            at,
          );
        } else {
          audit.add(describeChange(change.codigo, change.version, local && valuesOf(local), values));
        }
      }
      audit.flush();
      const state = readCatalogState(db);
      writeCatalogState(tx, {
        ...state,
        orgId: place.orgId,
        position: place.position,
        lastAppliedAt: iso,
        waitingForSaleSince: null,
        appliedTotal: state.appliedTotal + applied,
        refusedTotal: state.refusedTotal + refused.length,
        recentRefusals: [...state.recentRefusals, ...refused],
      });
      return { kind: 'applied', applied, unchanged, overwroteLocal, refused };
    },
    { behavior: 'immediate' },
  );
}
