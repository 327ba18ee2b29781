// Receipt prints of a document, counted from the audit trail (action receipt.printed, indexed by document): the first
// is the original, the rest are reprints. Beyond the store's free reprints a gerente must approve (loss prevention: a
// second "original" is how a receipt gets used twice). Each print is audited with its copy number.
import { appendAudit, type AuditActor } from '../store/audit';
import type { StoreDb } from '../store/open-database';
import { AppError } from '../app/app-error';

export const REPRINT_NEEDS_MANAGER = 'Esta factura ya se reimprimió; otra copia necesita la autorización de un gerente';

/**
 * Prints so far of the document (0: none yet, so the next one is the original): prints counted, less those the printer
 * refused before anything was sent (out of paper, cover open, offline), so the receipt printed once paper is loaded is
 * still the original, not a COPIA. A print that failed while sending stays counted: paper may have come out.
 */
export function printsOf(db: StoreDb, documentId: string): number {
  return db.$client
    .prepare(
      `SELECT count(*) FILTER (WHERE action = 'receipt.printed') - count(*) FILTER (WHERE action = 'receipt.notPrinted')
       FROM audit_log WHERE document_id = ? AND action IN ('receipt.printed', 'receipt.notPrinted')`,
    )
    .pluck()
    .get(documentId) as number;
}

/**
 * Records that the print counted as copy `copy` never reached paper: the printer refused it before anything was sent.
 * The audit trail is append-only, so the count is corrected by a second entry rather than by removing the first.
 */
export function recordPrintNotDone(
  db: StoreDb,
  documentId: string,
  copy: number,
  by: AuditActor,
  reason: string,
  at: Date,
): void {
  appendAudit(db, { ...by, action: 'receipt.notPrinted', documentId, details: { copy, reason } }, at);
}

/**
 * Records one print of the document and returns its copy number (0 = original). `approve` is called only for a reprint
 * beyond the free ones: it returns the approving gerente's id or throws.
 */
export function recordPrint(
  db: StoreDb,
  documentId: string,
  freeReprints: number,
  by: AuditActor,
  approve: () => string,
  at: Date,
): number {
  const exists = db.$client.prepare('SELECT 1 FROM documents WHERE id = ?').get(documentId);
  if (!exists) throw new AppError('not_found', 'El documento no existe');
  const copy = printsOf(db, documentId);
  const approvedBy = copy > freeReprints ? approve() : undefined;
  appendAudit(
    db,
    {
      ...by,
      ...(approvedBy && approvedBy !== by.actor ? { approvedBy } : {}),
      action: 'receipt.printed',
      documentId,
      details: { copy },
    },
    at,
  );
  return copy;
}
