// Annulment of an authorised document (HKA AnulacionDocumento): only for a transaction that did not take place,
// within 7 calendar days of authorisation (REFERENCE.md §1.6.3); after that the DGI wants a credit note instead.
// The local checks run first so a cashier gets a clear Spanish answer without a network round trip.
import { eq } from 'drizzle-orm';
import type { FiscalDocument } from '../../shared/fiscal/document';
import { STATUS_LABELS, transition, type DocumentStatus } from '../../shared/fiscal/lifecycle';
import { toPanamaDate } from '../../shared/fiscal/panama-time';
import { REASON_MAX, REASON_MIN, reasonWithinBounds } from '../../shared/fiscal/reason-bounds';
import type { HkaClient } from '../hka/client/hka-client';
import { datosDocumentoOf, type HkaCredentialSource } from '../queue/transmit-job';
import { appendAudit, enqueueSync, type AuditActor } from '../store/audit';
import type { StoreDb } from '../store/open-database';
import { documents } from '../store/schema';
import { outstandingCreditNotes } from './credit-ledger';

export const ANNULMENT_WINDOW_DAYS = 7;

export interface AnnulDeps {
  db: StoreDb;
  client: HkaClient;
  credentials: HkaCredentialSource;
  clock: () => Date;
}

export type AnnulResult =
  | { ok: true }
  | {
      ok: false;
      reason: 'not_found' | 'not_allowed' | 'too_late' | 'hka_rejected' | 'hka_unreachable';
      message: string;
    };

/**
 * The last Panamá calendar day (YYYY-MM-DD) on which a document authorised on `authorisedAt` (HKA's reception
 * date, or the emission date; both start with the Panamá date) may be annulled. The one source of the window.
 */
export function lastAnnulmentDay(authorisedAt: string): string {
  const day = Date.parse(`${authorisedAt.slice(0, 10)}T00:00:00Z`) + ANNULMENT_WINDOW_DAYS * 86_400_000;
  return new Date(day).toISOString().slice(0, 10);
}

export async function annulDocument(
  deps: AnnulDeps,
  documentId: string,
  motivo: string,
  by: AuditActor,
): Promise<AnnulResult> {
  const reason = motivo.trim();
  if (!reasonWithinBounds(reason)) {
    return {
      ok: false,
      reason: 'not_allowed',
      message: `Indique el motivo de la anulación (${REASON_MIN} a ${REASON_MAX} caracteres)`,
    };
  }
  const row = deps.db
    .select({
      status: documents.status,
      body: documents.body,
      fechaRecepcionDgi: documents.fechaRecepcionDgi,
      fechaEmision: documents.fechaEmision,
    })
    .from(documents)
    .where(eq(documents.id, documentId))
    .get();
  if (!row) return { ok: false, reason: 'not_found', message: 'El documento no existe' };
  if (row.status !== 'AUTHORIZED') {
    return { ok: false, reason: 'not_allowed', message: 'Solo se anulan documentos autorizados por la DGI' };
  }
  const notes = outstandingCreditNotes(deps.db.$client, documentId);
  if (notes.length > 0) {
    // Annulling says the sale never happened: its credit notes would then refund a sale that does not exist.
    const list = notes
      .map((n) => `Nº ${n.numero} (${STATUS_LABELS[n.status as DocumentStatus].toLowerCase()})`)
      .join(', ');
    return {
      ok: false,
      reason: 'not_allowed',
      message: `La factura tiene notas de crédito: ${list}. No se puede anular mientras existan; anule o descarte primero las notas`,
    };
  }
  if (toPanamaDate(deps.clock()) > lastAnnulmentDay(row.fechaRecepcionDgi ?? row.fechaEmision)) {
    return {
      ok: false,
      reason: 'too_late',
      message: `Pasaron más de ${ANNULMENT_WINDOW_DAYS} días desde la autorización: emita una nota de crédito`,
    };
  }
  const doc = JSON.parse(row.body) as FiscalDocument;
  const outcome = await deps.credentials.withCredentials((c) =>
    deps.client.anulacionDocumento(c, datosDocumentoOf(doc), reason),
  );
  if (outcome.kind === 'transient') {
    return {
      ok: false,
      reason: 'hka_unreachable',
      message: 'No se pudo contactar a HKA; el documento sigue autorizado. Intente de nuevo más tarde',
    };
  }
  if (outcome.kind === 'rejected') {
    return {
      ok: false,
      reason: 'hka_rejected',
      message: `HKA no anuló el documento: ${outcome.messages.join('; ') || outcome.mensaje}`,
    };
  }
  const at = deps.clock();
  deps.db.transaction((tx) => {
    const to: DocumentStatus = transition('AUTHORIZED', 'ANNULLED');
    tx.update(documents).set({ status: to, updatedAt: at.toISOString() }).where(eq(documents.id, documentId)).run();
    appendAudit(tx, { ...by, action: 'document.annulled', documentId, details: { motivo: reason } }, at);
    enqueueSync(tx, 'document_status', { documentId, status: to, from: 'AUTHORIZED', at: at.toISOString() });
  });
  return { ok: true };
}
