// Receipt prints of a document, counted from the audit trail (action receipt.printed, indexed by document): the first
// is the original, the rest are reprints. Beyond the store's free reprints a gerente must approve (loss prevention: a
// second "original" is how a receipt gets used twice). Each print is audited with its copy number.
import { appendAudit, type AuditActor } from '../store/audit';
import type { StoreDb } from '../store/open-database';
import { AppError } from '../app/app-error';

export const REPRINT_NEEDS_MANAGER = 'Esta factura ya se reimprimió; otra copia necesita la autorización de un gerente';

/** Prints so far of the document (0: none yet, so the next one is the original). */
export function printsOf(db: StoreDb, documentId: string): number {
  return db.$client
    .prepare("SELECT COUNT(*) FROM audit_log WHERE document_id = ? AND action = 'receipt.printed'")
    .pluck()
    .get(documentId) as number;
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
