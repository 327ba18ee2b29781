// Cash shifts (turnos): one open at a time, opened with a float, closed by a Z report with the counted cash. The Z
// report is stored as closed so a reprint shows exactly what was signed off, whatever happens to documents later.
import { randomUUID } from 'node:crypto';
import type { Shift, ShiftReport } from '../../shared/ipc/contract-reports';
import { AppError } from '../app/app-error';
import { appendAudit } from '../store/audit';
import type { StoreDb } from '../store/open-database';
import { computeShiftReport } from './shift-report';

interface ShiftRow extends Shift {
  zReport: string | null;
}

const COLUMNS = `id, opened_at AS openedAt, opened_by AS openedBy, opening_cash AS openingCash, closed_at AS closedAt,
  closed_by AS closedBy, counted_cash AS countedCash, z_report AS zReport`;

const toShift = (row: ShiftRow): Shift => ({
  id: row.id, openedAt: row.openedAt, openedBy: row.openedBy, openingCash: row.openingCash,
  closedAt: row.closedAt, closedBy: row.closedBy, countedCash: row.countedCash,
});

export function currentShift(db: StoreDb): Shift | null {
  const row = db.$client.prepare(`SELECT ${COLUMNS} FROM shifts WHERE closed_at IS NULL ORDER BY opened_at DESC LIMIT 1`).get() as ShiftRow | undefined;
  return row ? toShift(row) : null;
}

function requireOpenShift(db: StoreDb): Shift {
  const shift = currentShift(db);
  if (!shift) throw new AppError('not_allowed', 'No hay un turno abierto; abra la caja primero');
  return shift;
}

export function openShift(db: StoreDb, openingCash: string, actor: string, at: Date): Shift {
  const id = randomUUID();
  db.transaction((tx) => {
    if (currentShift(db)) throw new AppError('not_allowed', 'Ya hay un turno abierto; ciérrelo con el reporte Z antes de abrir otro');
    db.$client.prepare('INSERT INTO shifts (id, opened_at, opened_by, opening_cash) VALUES (?, ?, ?, ?)')
      .run(id, at.toISOString(), actor, openingCash);
    appendAudit(tx, { actor, action: 'shift.opened', details: { shiftId: id, openingCash } }, at);
  }, { behavior: 'immediate' });
  return requireOpenShift(db);
}

/**
 * A sale made while no shift is open would belong to no Z report, and the cierre would never match the drawer. So
 * the first sale after a close opens a shift by itself, with no float, from that sale's own time (its created_at),
 * audited as automatic. Never before the sale is saved: a refused sale must write nothing. A cashier who starts
 * with a float opens the shift in Caja first.
 */
export function ensureShiftForDocument(db: StoreDb, documentId: string, actor: string): Shift | null {
  if (currentShift(db)) return null;
  const createdAt = db.$client.prepare('SELECT created_at FROM documents WHERE id = ?').pluck().get(documentId) as string | undefined;
  if (createdAt === undefined) return null;
  const id = randomUUID();
  db.transaction((tx) => {
    if (currentShift(db)) return;
    db.$client.prepare('INSERT INTO shifts (id, opened_at, opened_by, opening_cash) VALUES (?, ?, ?, ?)').run(id, createdAt, actor, '0.00');
    appendAudit(tx, { actor, action: 'shift.opened', details: { shiftId: id, openingCash: '0.00', automatic: true, firstDocumentId: documentId } }, new Date(createdAt));
  }, { behavior: 'immediate' });
  return currentShift(db);
}

/** X report: the running shift's numbers; nothing is closed or stored. */
export function xReport(db: StoreDb, at: Date): ShiftReport {
  return computeShiftReport(db, requireOpenShift(db), 'X', at);
}

export type CloseShiftResult =
  | { closed: true; report: ShiftReport }
  | { closed: false; reason: 'needs_manager'; unauthorised: number; message: string };

export interface CloseShiftInput {
  countedCash: string;
  /** The manager approved closing with documents not yet authorised (the caller checks the manager's token). */
  managerApproved?: boolean | undefined;
}

/** Z report: closes the open shift with the counted cash, stores the report and audits the close. */
export function closeShift(db: StoreDb, input: CloseShiftInput, actor: string, at: Date): CloseShiftResult {
  return db.transaction((tx): CloseShiftResult => {
    const open = requireOpenShift(db);
    const closedAt = at.toISOString();
    const shift: Shift = { ...open, closedAt, closedBy: actor, countedCash: input.countedCash };
    const report = computeShiftReport(db, shift, 'Z', at);
    if (report.unauthorised > 0 && input.managerApproved !== true) {
      const n = report.unauthorised;
      return {
        closed: false, reason: 'needs_manager', unauthorised: n,
        message: `Hay ${n} ${n === 1 ? 'documento' : 'documentos'} sin autorizar por la DGI; cerrar la caja requiere la aprobación del gerente`,
      };
    }
    db.$client.prepare('UPDATE shifts SET closed_at = ?, closed_by = ?, counted_cash = ?, z_report = ? WHERE id = ?')
      .run(closedAt, actor, input.countedCash, JSON.stringify(report), open.id);
    appendAudit(tx, {
      actor, action: 'shift.closed',
      details: {
        shiftId: open.id, countedCash: input.countedCash, expectedCash: report.cash.expected, difference: report.cash.difference,
        unauthorised: report.unauthorised, managerApproved: input.managerApproved === true,
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
  return JSON.parse(row.zReport) as ShiftReport;
}
