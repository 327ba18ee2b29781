// Discarding ("descartar") a document the DGI never accepted: a REJECTED one, or a FAILED one once HKA confirms
// (EstadoDocumento) that it does not have it. The document becomes CANCELLED, final: its job is closed so the queue
// never sends it again, and the sale must be captured anew. If HKA turns out to have it authorised, that fact is
// recorded instead (the document becomes AUTHORIZED) and the discard is refused.
import { and, eq } from 'drizzle-orm';
import type { FiscalDocument } from '../../shared/fiscal/document';
import { transition, type DocumentStatus } from '../../shared/fiscal/lifecycle';
import { REASON_MAX, REASON_MIN, reasonWithinBounds } from '../../shared/fiscal/reason-bounds';
import type { HkaClient } from '../hka/client/hka-client';
import { qrOfAuthorizedXml } from '../hka/xml/authorized-qr';
import { applyOutcome, type StatusChange } from '../queue/apply-outcome';
import { recordedHkaCall } from '../queue/hka-metrics';
import { datosDocumentoOf, type HkaCredentialSource } from '../queue/transmit-job';
import { appendAudit, enqueueSync, type AuditActor } from '../store/audit';
import type { StoreDb } from '../store/open-database';
import { documents, outboxJobs } from '../store/schema';

export interface CancelDeps {
  db: StoreDb;
  client: HkaClient;
  credentials: HkaCredentialSource;
  clock: () => Date;
}

export type CancelResult =
  | { ok: true; change: StatusChange }
  /** `authorized`: HKA had it; the change records the authorisation. */
  | {
      ok: false;
      reason: 'not_found' | 'not_allowed' | 'hka_unreachable' | 'authorized';
      message: string;
      change?: StatusChange;
    };

/** HKA's EstadoDocumento statuses of a document it has (§1.6.2). */
const HKA_HAS_IT = /^(Autorizada|Anulada)$/i;

export async function cancelDocument(
  deps: CancelDeps,
  id: string,
  motivo: string,
  by: AuditActor,
): Promise<CancelResult> {
  const reason = motivo.trim();
  if (!reasonWithinBounds(reason)) {
    return {
      ok: false,
      reason: 'not_allowed',
      message: `Indique el motivo del descarte (${REASON_MIN} a ${REASON_MAX} caracteres)`,
    };
  }
  const row = deps.db
    .select({ status: documents.status, body: documents.body })
    .from(documents)
    .where(eq(documents.id, id))
    .get();
  if (!row) return { ok: false, reason: 'not_found', message: 'El documento no existe' };
  const from = row.status as DocumentStatus;
  if (from !== 'REJECTED' && from !== 'FAILED') {
    return {
      ok: false,
      reason: 'not_allowed',
      message: 'Solo se descartan documentos rechazados o con envío fallido que la DGI nunca aceptó',
    };
  }
  if (from === 'FAILED') {
    const checked = await confirmHkaLacksIt(deps, id, JSON.parse(row.body) as FiscalDocument);
    if (checked) return checked;
  }
  const at = deps.clock();
  const stamp = at.toISOString();
  const changed = deps.db.transaction(
    (tx) => {
      // Conditional on the status read above: a retry or an authorisation in between wins over the discard.
      const moved = tx
        .update(documents)
        .set({ status: transition(from, 'CANCELLED'), updatedAt: stamp })
        .where(and(eq(documents.id, id), eq(documents.status, from)))
        .run().changes;
      if (moved === 0) return false;
      tx.update(outboxJobs)
        .set({ state: 'cancelled', leaseOwner: null, leaseExpiresAt: null, updatedAt: stamp })
        .where(eq(outboxJobs.documentId, id))
        .run();
      appendAudit(tx, { ...by, action: 'document.cancelled', documentId: id, details: { motivo: reason, from } }, at);
      enqueueSync(tx, 'document_status', { documentId: id, status: 'CANCELLED', from, at: stamp });
      return true;
    },
    { behavior: 'immediate' },
  );
  if (!changed)
    return {
      ok: false,
      reason: 'not_allowed',
      message: 'El documento cambió de estado mientras se descartaba; revíselo de nuevo',
    };
  return { ok: true, change: { documentId: id, from, to: 'CANCELLED' } };
}

/** undefined when HKA confirms it does not have the document; otherwise why the discard cannot go on. */
async function confirmHkaLacksIt(deps: CancelDeps, id: string, doc: FiscalDocument): Promise<CancelResult | undefined> {
  const datos = datosDocumentoOf(doc);
  return deps.credentials.withCredentials(async (c) => {
    const estado = await recordedHkaCall(deps.db, deps.clock, 'EstadoDocumento', id, () =>
      deps.client.estadoDocumento(c, datos),
    );
    if (estado.kind === 'transient') {
      return {
        ok: false,
        reason: 'hka_unreachable',
        message: 'No se pudo confirmar con HKA que no recibió el documento; intente de nuevo cuando haya conexión',
      } as const;
    }
    // Only an answer that says HKA has no such document proves it never got it. Any other refusal (bad token, a
    // code we do not know) proves nothing, and discarding a document HKA may hold could lose a fiscal record.
    if (estado.kind === 'rejected') {
      if (saysDocumentMissing(estado.codigo, estado.mensaje)) return undefined;
      return {
        ok: false,
        reason: 'not_allowed',
        message: `HKA no confirmó que no tiene el documento (${estado.codigo}: ${estado.mensaje}); no se puede descartar`,
      } as const;
    }
    if (!estado.data.cufe || !HKA_HAS_IT.test(estado.data.estatusDocumento ?? '')) {
      return {
        ok: false,
        reason: 'not_allowed',
        message: `HKA informa el documento en estado «${estado.data.estatusDocumento ?? 'desconocido'}»; no se puede descartar`,
      } as const;
    }
    const xml = await recordedHkaCall(deps.db, deps.clock, 'DescargaXML', id, () => deps.client.descargaXml(c, datos));
    const job = deps.db.select({ id: outboxJobs.id }).from(outboxJobs).where(eq(outboxJobs.documentId, id)).get();
    const change = applyOutcome(
      deps.db,
      { jobId: job?.id ?? -1, documentId: id, claimToken: '' },
      {
        kind: 'authorized',
        authorization: {
          cufe: estado.data.cufe,
          qr: xml.kind === 'ok' ? qrOfAuthorizedXml(xml.data.xml) : undefined,
          nroProtocoloAutorizacion: undefined,
          fechaRecepcionDGI: estado.data.fechaRecepcionDocumento,
          codigo: estado.codigo,
          alreadyAuthorized: true,
        },
      },
      deps.clock(),
    );
    return {
      ok: false,
      reason: 'authorized',
      ...(change ? { change } : {}),
      message: 'HKA ya autorizó este documento: quedó registrado como autorizado y no se descarta',
    } as const;
  });
}

/**
 * HKA's catalogue of EstadoDocumento codes is not public (REFERENCE.md §7): the simulator's 105 and a message that
 * says the document does not exist are taken as "not found"; nothing else is.
 */
export function saysDocumentMissing(codigo: string, mensaje: string): boolean {
  return codigo === '105' || /no\s+existe|no\s+(fue\s+)?encontrad/i.test(mensaje);
}
