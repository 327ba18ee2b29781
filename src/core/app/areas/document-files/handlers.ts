// Handlers of the document page's extra actions (src/shared/ipc/areas/document-files/contract.ts): the PDF/XML files
// kept locally, e-mail through HKA, discarding a document the DGI never accepted, and the generic credit note (06).
// Monitoring is in areas/monitor/handlers.ts. Rules live in src/core/documents; here: who may act, and Spanish errors.
import { cancelDocument } from '../../../documents/cancel-document';
import { downloadFiles, keptFiles, MIME_TYPES } from '../../../documents/document-files';
import { emailTrace, sendDocumentEmail } from '../../../documents/document-email';
import { draftGenericCreditNote } from '../../../documents/generic-credit-note';
import { queueCounts } from '../../../queue/outbox-repo';
import { AppError } from '../../app-error';
import type { IpcHandlers } from '../../dispatch';
import { getDocumentDetail } from '../../document-detail';
import { auditedBy } from '../../caller';
import type { HandlerDeps } from '../../register-context';
import { explainingVaultErrors } from '../../vault-errors';

export type DocumentExtraChannel =
  | 'documents:files'
  | 'documents:downloadFiles'
  | 'documents:openFile'
  | 'documents:sendEmail'
  | 'documents:emailTrace'
  | 'documents:cancel'
  | 'documents:genericCreditNote';

type Failure = { ok: false; reason: string; message: string };

/** A use case's refusal as the AppError the renderer shows. */
function refuse(failure: Failure): never {
  throw new AppError(failure.reason === 'not_found' ? 'not_found' : 'not_allowed', failure.message);
}

export type DocumentFilesDeps = Pick<
  HandlerDeps,
  'db' | 'clock' | 'dataDir' | 'hkaClient' | 'hkaCredentials' | 'fileOpener' | 'queueEvents' | 'capture'
>;

export function createDocumentExtraHandlers(ctx: DocumentFilesDeps): Pick<IpcHandlers, DocumentExtraChannel> {
  const { db, clock, dataDir } = ctx;
  const hka = { db, client: ctx.hkaClient, credentials: ctx.hkaCredentials, clock };

  const kept = (id: string) => {
    const result = keptFiles(db, dataDir, id);
    return result.ok ? result.files : refuse(result);
  };

  return {
    'documents:files': (req) => Promise.resolve().then(() => kept(req.id)),
    'documents:downloadFiles': async (req) => {
      const result = await explainingVaultErrors(() => downloadFiles({ ...hka, dataDir }, req.id));
      return result.ok ? result.files : refuse(result);
    },
    'documents:openFile': async (req) => {
      const file = kept(req.id)[req.kind];
      if (!file)
        throw new AppError(
          'not_found',
          `El ${req.kind.toUpperCase()} de este documento aún no se ha descargado de HKA`,
        );
      return ctx.fileOpener.open({ path: file.path, fileName: file.fileName, mimeType: MIME_TYPES[req.kind] });
    },
    'documents:sendEmail': async (req, caller) => {
      // Any signed-in user may send the CAFE (a cashier does it at the counter); the audit names who did.
      const result = await explainingVaultErrors(() =>
        sendDocumentEmail(hka, req.id, req.correo, auditedBy(caller.user)),
      );
      return result.ok ? { done: true as const } : refuse(result);
    },
    'documents:emailTrace': async (req) => {
      const result = await explainingVaultErrors(() => emailTrace(hka, req.id));
      return result.ok ? { entregas: result.entregas } : refuse(result);
    },
    'documents:cancel': async (req, caller) => {
      const result = await explainingVaultErrors(() =>
        cancelDocument(hka, req.id, req.motivo, auditedBy(caller.user, caller.manager)),
      );
      if (result.change) {
        ctx.queueEvents.emit('document-status', result.change);
        ctx.queueEvents.emit('queue-counts', queueCounts(db));
      }
      return result.ok ? getDocumentDetail(db, req.id) : refuse(result);
    },
    'documents:genericCreditNote': (req, caller) =>
      Promise.resolve().then(() =>
        ctx.capture(draftGenericCreditNote(req.draft, req.motivo), caller.user, { approvedBy: caller.manager.id }),
      ),
  };
}
