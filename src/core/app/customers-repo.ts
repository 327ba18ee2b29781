// Customers the cashier can pick instead of typing a receptor again. The receptor is checked by the fiscal schema
// (RUC and DV included) before anything is written; a customer with the same identification is updated, not
// duplicated.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { receptorSchema, type Receptor } from '../../shared/fiscal/receptor';
import type { Customer } from '../../shared/ipc/schemas';
import { appendAudit } from '../store/audit';
import type { StoreDb } from '../store/open-database';
import { customers } from '../store/schema';
import { AppError, validationFailed } from './app-error';
import { violationsFromZod } from './dispatch';
import { containsPatterns, ensureSearchFunctions } from './text-search';

interface CustomerRow {
  id: string;
  nombre: string;
  identificacion: string | null;
  receptor: string;
}

const SEARCH_LIMIT = 20;

function toCustomer(row: CustomerRow): Customer | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(row.receptor);
  } catch {
    return undefined;
  }
  // A row written under older rules that no longer validate is left out rather than offered for a sale.
  const parsed = receptorSchema.safeParse(raw);
  return parsed.success
    ? { id: row.id, nombre: row.nombre, identificacion: row.identificacion, receptor: parsed.data }
    : undefined;
}

/** Name and identification as the list shows them. */
export function describeReceptor(receptor: Receptor): { nombre: string | undefined; identificacion: string | null } {
  switch (receptor.tipoClienteFE) {
    case '01':
    case '03':
      return { nombre: receptor.razonSocial, identificacion: receptor.numeroRUC };
    case '02':
      return { nombre: receptor.razonSocial, identificacion: receptor.identificacion?.numeroRUC ?? null };
    case '04':
      return { nombre: receptor.razonSocial, identificacion: receptor.nroIdentificacionExtranjero };
  }
}

export function searchCustomers(db: StoreDb, query: string): Customer[] {
  const sqlite = db.$client;
  const text = query.trim();
  let rows: CustomerRow[];
  if (text === '') {
    rows = sqlite
      .prepare('SELECT id, nombre, identificacion, receptor FROM customers ORDER BY updated_at DESC LIMIT ?')
      .all(SEARCH_LIMIT) as CustomerRow[];
  } else {
    ensureSearchFunctions(sqlite);
    const words = containsPatterns(text);
    const byName = words.map(() => "sago_fold(nombre) LIKE ? ESCAPE '\\'").join(' AND ');
    rows = sqlite
      .prepare(
        `SELECT id, nombre, identificacion, receptor FROM customers
      WHERE identificacion LIKE @prefix ESCAPE '\\' OR (${byName}) ORDER BY nombre LIMIT @limit`,
      )
      .all(...words, { prefix: `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`, limit: SEARCH_LIMIT }) as CustomerRow[];
  }
  return rows.map(toCustomer).filter((c): c is Customer => c !== undefined);
}

/**
 * Adds a customer, or updates the one on file (by id, or by the same identification). `authorizeEdit` runs only when a
 * customer on file would change: it returns the approving gerente's id (or undefined) or throws when none approves.
 */
export function saveCustomer(
  db: StoreDb,
  input: { id?: string | undefined; receptor: unknown },
  actor: string,
  authorizeEdit: () => string | undefined,
  at: Date,
): Customer {
  const parsed = receptorSchema.safeParse(input.receptor);
  if (!parsed.success)
    throw validationFailed(
      violationsFromZod(parsed.error.issues.map((i) => ({ ...i, path: ['receptor', ...i.path] }))),
    );
  const receptor = parsed.data;
  const { nombre, identificacion } = describeReceptor(receptor);
  if (nombre === undefined) {
    throw validationFailed([
      { path: 'cliente.razonSocial', rule: 'name_required', message: 'Cliente: indique el nombre para guardarlo' },
    ]);
  }
  const values = {
    tipoClienteFe: receptor.tipoClienteFE,
    identificacion,
    nombre,
    receptor: JSON.stringify(receptor),
    updatedAt: at.toISOString(),
  };
  const id = db.transaction(
    (tx) => {
      const sameIdentity =
        input.id === undefined && identificacion !== null
          ? tx
              .select({ id: customers.id })
              .from(customers)
              .where(
                and(eq(customers.tipoClienteFe, receptor.tipoClienteFE), eq(customers.identificacion, identificacion)),
              )
              .get()
          : undefined;
      const id = input.id ?? sameIdentity?.id ?? randomUUID();
      let approvedBy: string | undefined;
      let before: unknown;
      if (input.id === undefined && sameIdentity === undefined) {
        tx.insert(customers)
          .values({ id, ...values })
          .run();
      } else {
        const stored = tx.select({ receptor: customers.receptor }).from(customers).where(eq(customers.id, id)).get();
        if (!stored) throw new AppError('not_found', 'El cliente no existe');
        before = JSON.parse(stored.receptor);
        approvedBy = authorizeEdit();
        tx.update(customers).set(values).where(eq(customers.id, id)).run();
      }
      appendAudit(
        tx,
        {
          actor,
          approvedBy,
          action: 'customers.saved',
          details: {
            id,
            tipoClienteFE: receptor.tipoClienteFE,
            identificacion,
            nombre,
            ...(before === undefined ? {} : { before, after: receptor }),
          },
        },
        at,
      );
      return id;
    },
    { behavior: 'immediate' },
  );
  return { id, nombre, identificacion, receptor };
}
