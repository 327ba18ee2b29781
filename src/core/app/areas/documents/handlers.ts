// Handlers of the documents area (src/shared/ipc/areas/documents/contract.ts): the list (on the read worker), the
// detail, retry, annul at HKA, the credit note (a return at the till), and sending the queue now.
import type { documentsContract } from '../../../../shared/ipc/areas/documents/contract';
import { IllegalTransitionError } from '../../../../shared/fiscal/lifecycle';
import { draftCreditNote } from '../../../documents/credit-note';
import { retryDocument } from '../../../queue/manual-retry';
import { AppError } from '../../app-error';
import { auditedBy } from '../../caller';
import type { IpcHandlers } from '../../dispatch';
import { getDocumentDetail } from '../../document-detail';
import type { HandlerDeps } from '../../register-context';
import { run } from '../run';

export type DocumentsDeps = Pick<
  HandlerDeps,
  'db' | 'clock' | 'reads' | 'queueEvents' | 'worker' | 'annul' | 'capture' | 'queueChanged' | 'thermal'
>;

export function createDocumentsHandlers(ctx: DocumentsDeps): Pick<IpcHandlers, keyof typeof documentsContract> {
  const { db, clock } = ctx;
  return {
    'documents:list': (req) => ctx.reads.run('documentsList', req),
    'documents:get': (req) => run(() => getDocumentDetail(db, req.id)),
    'documents:retry': (req, caller) =>
      run(() => {
        const before = db.$client.prepare('SELECT status FROM documents WHERE id = ?').get(req.id) as
          { status: string } | undefined;
        if (!before) throw new AppError('not_found', 'El documento no existe');
        try {
          retryDocument(db, req.id, auditedBy(caller.user, caller.manager), clock());
        } catch (error) {
          if (error instanceof IllegalTransitionError) {
            throw new AppError('not_allowed', 'Solo se pueden reintentar documentos rechazados o con envío fallido');
          }
          throw error;
        }
        ctx.queueChanged({ documentId: req.id, from: before.status as 'FAILED' | 'REJECTED', to: 'QUEUED' });
        return { done: true as const };
      }),
    'documents:annul': async (req, caller) => {
      const result = await ctx.annul(req.id, req.motivo, auditedBy(caller.user, caller.manager));
      if (!result.ok) throw new AppError(result.reason === 'not_found' ? 'not_found' : 'not_allowed', result.message);
      ctx.queueEvents.emit('document-status', { documentId: req.id, from: 'AUTHORIZED', to: 'ANNULLED' });
      return getDocumentDetail(db, req.id);
    },
    'documents:creditNote': (req, caller) =>
      run(() => {
        const drafted = draftCreditNote(db, req.id, req.lines, { formaPago: req.refund, motivo: req.motivo });
        if (!drafted.ok) throw new AppError('not_allowed', drafted.message);
        const refund = req.refund ? { refund: req.refund, motivo: req.motivo ?? null } : {};
        const note = ctx.capture(drafted.draft, caller.user, {
          approvedBy: caller.manager.id,
          credit: drafted.credit,
          details: refund,
        });
        // The cash goes out of the drawer: open it (after the commit, in the background); a card refund never does.
        if (req.refund === '02') ctx.thermal.kickInBackground('cash refund');
        return note;
      }),
    'queue:sendNow': async () => {
      await ctx.worker.sendNow();
      return { done: true as const };
    },
  };
}
