// The CAFE by e-mail through HKA (EnvioCorreo) and HKA's delivery trace (RastreoCorreo), for authorised documents.
// Sending is audited with the address (not a secret; the customer gave it for this purpose).
import { eq } from 'drizzle-orm';
import type { FiscalDocument } from '../../shared/fiscal/document';
import type { HkaClient } from '../hka/client/hka-client';
import type { EntregaCorreo } from '../hka/client/outcomes';
import { recordedHkaCall } from '../queue/hka-metrics';
import { datosDocumentoOf, type HkaCredentialSource } from '../queue/transmit-job';
import { appendAudit, type AuditActor } from '../store/audit';
import type { StoreDb } from '../store/open-database';
import { documents } from '../store/schema';

export interface EmailDeps {
  db: StoreDb;
  client: HkaClient;
  credentials: HkaCredentialSource;
  clock: () => Date;
}

export type EmailFailure = {
  ok: false;
  reason: 'not_found' | 'not_allowed' | 'hka_rejected' | 'hka_unreachable';
  message: string;
};

const WITH_CAFE: readonly string[] = ['AUTHORIZED', 'ANNULLED'];
const UNREACHABLE = 'No se pudo contactar a HKA; intente de nuevo más tarde';

function authorisedDocument(
  db: StoreDb,
  id: string,
): { ok: true; document: FiscalDocument; cufe: string } | EmailFailure {
  const row = db
    .select({ status: documents.status, body: documents.body, cufe: documents.cufe })
    .from(documents)
    .where(eq(documents.id, id))
    .get();
  if (!row) return { ok: false, reason: 'not_found', message: 'El documento no existe' };
  if (!WITH_CAFE.includes(row.status) || !row.cufe) {
    return { ok: false, reason: 'not_allowed', message: 'Solo se envían por correo documentos autorizados por la DGI' };
  }
  return { ok: true, document: JSON.parse(row.body) as FiscalDocument, cufe: row.cufe };
}

export async function sendDocumentEmail(
  deps: EmailDeps,
  id: string,
  correo: string,
  by: AuditActor,
): Promise<{ ok: true } | EmailFailure> {
  const doc = authorisedDocument(deps.db, id);
  if (!doc.ok) return doc;
  const outcome = await deps.credentials.withCredentials((c) =>
    recordedHkaCall(deps.db, deps.clock, 'EnvioCorreo', id, () =>
      deps.client.envioCorreo(c, datosDocumentoOf(doc.document), correo),
    ),
  );
  if (outcome.kind === 'transient')
    return { ok: false, reason: 'hka_unreachable', message: `${UNREACHABLE}; el correo no se envió` };
  if (outcome.kind === 'rejected') {
    return {
      ok: false,
      reason: 'hka_rejected',
      message: `HKA no envió el correo: ${outcome.messages.join('; ') || outcome.mensaje}`,
    };
  }
  appendAudit(deps.db, { ...by, action: 'document.emailed', documentId: id, details: { correo } }, deps.clock());
  return { ok: true };
}

export async function emailTrace(
  deps: EmailDeps,
  id: string,
): Promise<{ ok: true; entregas: EntregaCorreo[] } | EmailFailure> {
  const doc = authorisedDocument(deps.db, id);
  if (!doc.ok) return doc;
  const outcome = await deps.credentials.withCredentials((c) =>
    recordedHkaCall(deps.db, deps.clock, 'RastreoCorreo', id, () => deps.client.rastreoCorreo(c, doc.cufe)),
  );
  if (outcome.kind === 'transient') return { ok: false, reason: 'hka_unreachable', message: UNREACHABLE };
  if (outcome.kind === 'rejected') {
    return {
      ok: false,
      reason: 'hka_rejected',
      message: `HKA no entregó el rastreo del correo: ${outcome.messages.join('; ') || outcome.mensaje}`,
    };
  }
  return { ok: true, entregas: outcome.data.entregas };
}
