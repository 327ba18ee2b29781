// Cash shifts (turnos): one open at a time, opened with a float, closed by a Z report with the counted cash. The Z
// report is stored as closed so a reprint shows exactly what was signed off, whatever happens to documents later.
import { randomUUID } from 'node:crypto';
import type { Shift, ShiftReport } from '../../shared/ipc/areas/reports/contract';
import { AppError } from '../app/app-error';
import { formatBalboas, money } from '../../shared/fiscal/money';
import { actorNames, appendAudit, type AuditActor } from '../store/audit';
import type { StoreDb } from '../store/open-database';
import { computeShiftReport } from './shift-report';

interface ShiftRow {
  id: string;
  openedAt: string;
  openedBy: string;
  openingCash: string;
  closedAt: string | null;
  closedBy: string | null;
  countedCash: string | null;
  differenceReason: string | null;
  closeApprovedBy: string | null;
  zReport: string | null;
}

const COLUMNS = `id, opened_at AS openedAt, opened_by AS openedBy, opening_cash AS openingCash, closed_at AS closedAt,
  closed_by AS closedBy, counted_cash AS countedCash, difference_reason AS differenceReason,
  close_approved_by AS closeApprovedBy, z_report AS zReport`;

function toShift(db: StoreDb, row: ShiftRow): Shift {
  const name = (id: string | null) => (id === null ? null : actorNames(db, { actor: id }).actorName);
  return {
    id: row.id, openedAt: row.openedAt, openedBy: row.openedBy, openedByName: name(row.openedBy) ?? '', openingCash: row.openingCash,
    closedAt: row.closedAt, closedBy: row.closedBy, closedByName: name(row.closedBy), countedCash: row.countedCash,
    differenceReason: row.differenceReason, closeApprovedByName: name(row.closeApprovedBy),
  };
}

export function currentShift(db: StoreDb): Shift | null {
  const row = db.$client.prepare(`SELECT ${COLUMNS} FROM shifts WHERE closed_at IS NULL ORDER BY opened_at DESC LIMIT 1`).get() as ShiftRow | undefined;
  return row ? toShift(db, row) : null;
}

function requireOpenShift(db: StoreDb): Shift {
  const shift = currentShift(db);
  if (!shift) throw new AppError('not_allowed', 'No hay un turno abierto; abra la caja primero');
  return shift;
}

export function openShift(db: StoreDb, openingCash: string, by: AuditActor, at: Date): Shift {
  const id = randomUUID();
  db.transaction((tx) => {
    if (currentShift(db)) throw new AppError('not_allowed', 'Ya hay un turno abierto; ciérrelo con el reporte Z antes de abrir otro');
    db.$client.prepare('INSERT INTO shifts (id, opened_at, opened_by, opening_cash) VALUES (?, ?, ?, ?)')
      .run(id, at.toISOString(), by.actor, openingCash);
    appendAudit(tx, { ...by, action: 'shift.opened', details: { shiftId: id, openingCash } }, at);
  }, { behavior: 'immediate' });
  return requireOpenShift(db);
}

// A sale made while no shift is open opens one by itself (decision 0006): that happens inside the sale's capture
// transaction (store/capture-writer.ts), so a refused sale writes nothing, not even a shift.

/** X report: the running shift's numbers; nothing is closed or stored. */
export function xReport(db: StoreDb, at: Date): ShiftReport {
  return computeShiftReport(db, requireOpenShift(db), 'X', at);
}

export type CloseShiftResult =
  | { closed: true; report: ShiftReport }
  | {
    closed: false; reason: 'needs_reason' | 'needs_manager'; unauthorised: number; expected: string; difference: string; message: string;
  };

export interface CloseShiftInput {
  /** What the cashier counted in the drawer (blind: before being told what the register expects). */
  countedCash: string;
  /** Why the count differs from the expected; required when it does. */
  reason?: string | undefined;
  /** Beyond this difference (either way) a gerente must approve the close (loss prevention). */
  differenceLimit: string;
  /** The gerente (user id) who approved the close — signed in or by a one-shot approval — if any. */
  approvedBy?: string | undefined;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Z report: closes the open shift with the counted cash, stores the report and audits the close. Refused as data,
 * writing nothing, while the count differs without a reason, or while a gerente must approve and has not: documents
 * not yet authorised by the DGI, or a difference beyond the store's limit.
 */
export function closeShift(db: StoreDb, input: CloseShiftInput, by: AuditActor, at: Date): CloseShiftResult {
  return db.transaction((tx): CloseShiftResult => {
    const open = requireOpenShift(db);
    const closedAt = at.toISOString();
    const approverName = input.approvedBy === undefined ? null : actorNames(db, { actor: input.approvedBy }).actorName;
    const shift: Shift = {
      ...open, closedAt, closedBy: by.actor, closedByName: actorNames(db, by).actorName, countedCash: input.countedCash,
      differenceReason: input.reason ?? null, closeApprovedByName: approverName,
    };
    const report = computeShiftReport(db, shift, 'Z', at);
    const expected = report.cash.expected;
    const difference = report.cash.difference ?? '0.00';
    const refuse = (reason: 'needs_reason' | 'needs_manager', message: string): CloseShiftResult =>
      ({ closed: false, reason, unauthorised: report.unauthorised, expected, difference, message });
    if (!money(difference).isZero() && input.reason === undefined) {
      return refuse('needs_reason', `El efectivo contado difiere del esperado en ${formatBalboas(difference)}; indique el motivo para cerrar`);
    }
    const approved = input.approvedBy !== undefined;
    if (report.unauthorised > 0 && !approved) {
      const n = report.unauthorised;
      return refuse('needs_manager', `Hay ${plural(n, 'documento', 'documentos')} sin autorizar por la DGI; cerrar la caja requiere la aprobación del gerente`);
    }
    if (money(difference).abs().gt(input.differenceLimit) && !approved) {
      return refuse('needs_manager', `La diferencia de ${formatBalboas(difference)} supera el límite de ${formatBalboas(input.differenceLimit)}; cerrar la caja requiere la aprobación del gerente`);
    }
    db.$client.prepare(`UPDATE shifts SET closed_at = ?, closed_by = ?, counted_cash = ?, difference_reason = ?, close_approved_by = ?,
      z_report = ? WHERE id = ?`)
      .run(closedAt, by.actor, input.countedCash, input.reason ?? null, input.approvedBy ?? null, JSON.stringify(report), open.id);
    appendAudit(tx, {
      ...by, approvedBy: input.approvedBy !== by.actor ? input.approvedBy : undefined, action: 'shift.closed',
      details: {
        shiftId: open.id, countedCash: input.countedCash, expectedCash: expected, difference, reason: input.reason ?? null,
        unauthorised: report.unauthorised, managerApproved: approved, parkedSales: report.parkedSales ?? 0,
      },
    }, at);
    return { closed: true, report };
  }, { behavior: 'immediate' });
}

/** A closed shift's Z report as stored at the close. */
export function storedZReport(db: StoreDb, shiftId: string): ShiftReport {
  const row = db.$client.prepare(`SELECT ${COLUMNS} FROM shifts WHERE id = ?`).get(shiftId) as ShiftRow | undefined;
  if (!row) throw new AppError('not_found', 'El turno no existe');
  if (row.zReport === null) throw new AppError('not_allowed', 'El turno sigue abierto; use el reporte X');
  const stored = JSON.parse(row.zReport) as ShiftReport;
  // A Z closed before shifts named people (and reasons) is shown with what the shift row says now.
  return { ...stored, shift: { ...toShift(db, row), ...stored.shift } };
}
