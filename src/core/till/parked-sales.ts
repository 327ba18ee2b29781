// Sales on hold at the till and the basket in progress (issue 14). A parked sale is the basket as the till had it,
// stored in SQLite (it survives a restart), listed with time, cashier and total, taken back by "recall" (the row goes:
// a sale is never in the till and on hold at once) and counted in the Z. The total is computed here from the lines
// with the fiscal core's arithmetic: the till's own figure is not trusted for what the list and the Z show.
import { randomUUID } from 'node:crypto';
import { computeItemAmounts } from '../../shared/fiscal/totals';
import { money, sum, toAmount2 } from '../../shared/fiscal/money';
import type { Item } from '../../shared/fiscal/item';
import { basketSchema, type Basket, type ParkedSale } from '../../shared/ipc/areas/till/contract';
import { ticketDiscountAmount, ticketDiscountProblem } from '../../shared/till/ticket-discount';
import { AppError } from '../app/app-error';
import type { ActingUser } from '../app/caller';
import { appendAudit } from '../store/audit';
import type { StoreDb } from '../store/open-database';

export type ParkReason = ParkedSale['reason'];

interface ParkedRow {
  id: string;
  label: string;
  basket: string;
  total: string;
  lineCount: number;
  parkedBy: string;
  parkedByName: string;
  reason: ParkReason;
  parkedAt: string;
}

const COLUMNS = `id, label, basket, total, line_count AS lineCount, parked_by AS parkedBy, parked_by_name AS parkedByName,
  reason, parked_at AS parkedAt`;

const toView = (row: ParkedRow): ParkedSale => ({
  id: row.id,
  label: row.label,
  total: row.total,
  lineCount: row.lineCount,
  parkedByName: row.parkedByName,
  reason: row.reason,
  parkedAt: row.parkedAt,
});

/** The basket's total, ITBMS included, line by line as the sale would compute it, less its ticket discount. */
export function basketTotal(basket: Basket): string {
  const items: Item[] = basket.lines.map((l) => ({
    codigo: l.codigo,
    descripcion: l.descripcion,
    cantidad: l.cantidad,
    precioUnitario: l.precioUnitario,
    tasaItbms: l.tasaItbms,
    ...(money(l.descuentoUnitario).gt(0) ? { precioUnitarioDescuento: l.descuentoUnitario } : {}),
  }));
  const itemsTotal = toAmount2(sum(items.map((item) => money(computeItemAmounts(item).valorTotal))));
  const ticket = basket.ticketDiscount;
  // A discount the basket no longer supports (it shrank) is not subtracted: the till refuses it before "Cobrar" too.
  if (!ticket || ticketDiscountProblem(ticket, itemsTotal) !== null) return itemsTotal;
  return toAmount2(money(itemsTotal).minus(ticketDiscountAmount(ticket, itemsTotal)));
}

/** "Venta 3": the next free number among today's unnamed parked sales. */
function numberedLabel(db: StoreDb): string {
  const labels = db.$client.prepare('SELECT label FROM parked_sales').pluck().all() as string[];
  let n = 1;
  while (labels.includes(`Venta ${n}`)) n += 1;
  return `Venta ${n}`;
}

export interface ParkInput {
  basket: Basket;
  label?: string | undefined;
  reason: ParkReason;
  /** Whose sale it is (the caller, or the user whose basket is parked for them). */
  owner: { id: string; name: string };
  /** Who did it (audit actor). */
  by: ActingUser;
}

export function parkSale(db: StoreDb, input: ParkInput, at: Date): ParkedSale {
  if (input.basket.lines.length === 0)
    throw new AppError('not_allowed', 'La venta no tiene productos: no hay nada que poner en espera');
  const id = randomUUID();
  const total = basketTotal(input.basket);
  const row = db.transaction(
    (tx) => {
      const label = input.label !== undefined && input.label !== '' ? input.label : numberedLabel(db);
      const parked: ParkedRow = {
        id,
        label,
        basket: JSON.stringify(input.basket),
        total,
        lineCount: input.basket.lines.length,
        parkedBy: input.owner.id,
        parkedByName: input.owner.name,
        reason: input.reason,
        parkedAt: at.toISOString(),
      };
      db.$client
        .prepare(
          `INSERT INTO parked_sales (id, label, basket, total, line_count, parked_by, parked_by_name, reason, parked_at)
      VALUES (@id, @label, @basket, @total, @lineCount, @parkedBy, @parkedByName, @reason, @parkedAt)`,
        )
        .run(parked);
      // The basket is now on hold, no longer in progress: a restart must not bring it back twice.
      db.$client.prepare('DELETE FROM till_draft WHERE user_id = ?').run(input.owner.id);
      appendAudit(
        tx,
        {
          actor: input.by.id,
          action: 'till.parked',
          details: { parkedId: id, label, total, lines: parked.lineCount, reason: input.reason, owner: input.owner.id },
        },
        at,
      );
      return parked;
    },
    { behavior: 'immediate' },
  );
  return toView(row);
}

export function listParked(db: StoreDb): ParkedSale[] {
  const rows = db.$client.prepare(`SELECT ${COLUMNS} FROM parked_sales ORDER BY parked_at, rowid`).all() as ParkedRow[];
  return rows.map(toView);
}

/** Takes a parked sale back: returned and deleted in one transaction, so two tills never recall the same sale. */
export function recallSale(db: StoreDb, id: string, by: ActingUser, at: Date): { basket: Basket; parked: ParkedSale } {
  return db.transaction(
    (tx) => {
      const row = db.$client.prepare(`SELECT ${COLUMNS} FROM parked_sales WHERE id = ?`).get(id) as
        ParkedRow | undefined;
      if (!row) throw new AppError('not_found', 'Esa venta en espera ya no existe (¿ya se recuperó?)');
      const basket = basketSchema.parse(JSON.parse(row.basket));
      db.$client.prepare('DELETE FROM parked_sales WHERE id = ?').run(id);
      appendAudit(
        tx,
        {
          actor: by.id,
          action: 'till.recalled',
          details: { parkedId: id, label: row.label, total: row.total, owner: row.parkedBy },
        },
        at,
      );
      return { basket, parked: toView(row) };
    },
    { behavior: 'immediate' },
  );
}
