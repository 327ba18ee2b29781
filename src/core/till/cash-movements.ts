// Pay-ins and pay-outs: cash put into the drawer (change fund) or taken out of it (petty cash, a withdrawal to the
// safe) without a sale, each with its reason, in the open shift, audited, and counted in the X/Z (shift-report.ts:
// expected = opening + cash sales − change − refunds + pay-ins − pay-outs). A pay-out above the store's limit
// (loss prevention payOutLimit) needs a gerente, through the same approval mechanism as every till exception.
import { randomUUID } from 'node:crypto';
import { formatBalboas, money } from '../../shared/fiscal/money';
import type { CashMovement } from '../../shared/ipc/areas/till/contract';
import { AppError } from '../app/app-error';
import { auditedBy, type SignedInCaller } from '../app/caller';
import { readLossPrevention } from '../loss-prevention/rules-settings';
import { currentShift } from '../reports/shifts';
import { actorNames, appendAudit } from '../store/audit';
import type { StoreDb } from '../store/open-database';

export interface CashMovementInput {
  kind: CashMovement['kind'];
  amount: string;
  reason: CashMovement['reason'];
  note?: string | undefined;
  approval?: string | undefined;
}

interface MovementRow {
  id: string;
  kind: CashMovement['kind'];
  amount: string;
  reason: CashMovement['reason'];
  note: string | null;
  createdBy: string;
  approvedBy: string | null;
  createdAt: string;
}

function toView(db: StoreDb, row: MovementRow): CashMovement {
  const names = actorNames(db, { actor: row.createdBy, approvedBy: row.approvedBy ?? undefined });
  return {
    id: row.id,
    kind: row.kind,
    amount: row.amount,
    reason: row.reason,
    note: row.note,
    byName: names.actorName,
    approvedByName: names.approvedByName,
    at: row.createdAt,
  };
}

export function recordCashMovement(
  db: StoreDb,
  input: CashMovementInput,
  caller: SignedInCaller,
  at: Date,
): CashMovement {
  const amount = money(input.amount);
  if (!amount.gt(0)) throw new AppError('validation_failed', 'El monto debe ser mayor que cero');
  const shift = currentShift(db);
  if (!shift) throw new AppError('not_allowed', 'No hay un turno abierto; abra la caja primero');
  const limit = readLossPrevention(db).payOutLimit;
  const approver =
    input.kind === 'out' && amount.gt(limit)
      ? caller.authorize(
          'till.payOut',
          input.approval,
          `Un retiro de caja de más de ${formatBalboas(limit)} necesita la autorización de un gerente`,
        )
      : undefined;
  const by = auditedBy(caller.user, approver);
  const row: MovementRow = {
    id: randomUUID(),
    kind: input.kind,
    amount: amount.toFixed(2),
    reason: input.reason,
    note: input.note ?? null,
    createdBy: caller.user.id,
    approvedBy: by.approvedBy ?? null,
    createdAt: at.toISOString(),
  };
  db.transaction(
    (tx) => {
      db.$client
        .prepare(
          `INSERT INTO cash_movements (id, shift_id, kind, amount, reason, note, created_by, approved_by, created_at)
      VALUES (@id, @shiftId, @kind, @amount, @reason, @note, @createdBy, @approvedBy, @createdAt)`,
        )
        .run({ ...row, shiftId: shift.id });
      appendAudit(
        tx,
        {
          ...by,
          action: input.kind === 'in' ? 'cash.payIn' : 'cash.payOut',
          details: { movementId: row.id, shiftId: shift.id, amount: row.amount, reason: row.reason, note: row.note },
        },
        at,
      );
    },
    { behavior: 'immediate' },
  );
  return toView(db, row);
}

const COLUMNS = `id, kind, amount, reason, note, created_by AS createdBy, approved_by AS approvedBy, created_at AS createdAt`;

export function listCashMovements(db: StoreDb): CashMovement[] {
  const shift = currentShift(db);
  if (!shift) return [];
  const rows = db.$client
    .prepare(`SELECT ${COLUMNS} FROM cash_movements WHERE shift_id = ? ORDER BY created_at, rowid`)
    .all(shift.id) as MovementRow[];
  return rows.map((row) => toView(db, row));
}
