// A manager's retry of a FAILED or REJECTED document (after fixing what HKA complained about): back to QUEUED with
// fresh attempts. The job keeps its maybe-sent mark, so a document that may already be at HKA is checked first.
import { eq } from 'drizzle-orm';
import { IllegalTransitionError, transition, type DocumentStatus } from '../../shared/fiscal/lifecycle';
import { appendAudit, enqueueSync, type AuditActor } from '../store/audit';
import type { StoreDb } from '../store/open-database';
import { documents, outboxJobs } from '../store/schema';

export function retryDocument(db: StoreDb, documentId: string, by: AuditActor, at: Date): void {
  db.transaction(
    (tx) => {
      const doc = tx.select({ status: documents.status }).from(documents).where(eq(documents.id, documentId)).get();
      if (!doc) throw new Error(`Unknown document ${documentId}`);
      const from = doc.status as DocumentStatus;
      // A number collision is resolved by renumbering (resolve-collision.ts), never by sending the same number again.
      if (from === 'NUMBER_COLLISION') throw new IllegalTransitionError(from, 'QUEUED');
      const to = transition(from, 'QUEUED'); // throws IllegalTransitionError unless FAILED/REJECTED
      const stamp = at.toISOString();
      tx.update(documents).set({ status: to, updatedAt: stamp }).where(eq(documents.id, documentId)).run();
      tx.update(outboxJobs)
        .set({
          state: 'pending',
          attempts: 0,
          nextAttemptAt: at.getTime(),
          leaseOwner: null,
          leaseExpiresAt: null,
          updatedAt: stamp,
        })
        .where(eq(outboxJobs.documentId, documentId))
        .run();
      appendAudit(tx, { ...by, action: 'document.retry', documentId, details: { from } }, at);
      enqueueSync(tx, 'document_status', { documentId, status: to, from, at: stamp });
    },
    { behavior: 'immediate' },
  );
}
