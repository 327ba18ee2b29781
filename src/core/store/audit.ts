// The audit trail. Every entry is also queued for the central API in the same transaction (sync outbox), so
// the two can never disagree. Callers must not put secrets in `details` (tests scan for them).
import { randomUUID } from 'node:crypto';
import type { StoreDb } from './open-database';
import { auditLog, syncOutbox } from './schema';

export interface AuditEntry {
  actor: string;
  action: string;
  documentId?: string;
  details?: Record<string, unknown>;
}

type Tx = Pick<StoreDb, 'insert'>;

/** The stored shape of an audit entry (also what is synced). */
export function auditRow(entry: AuditEntry, at: Date) {
  return {
    at: at.toISOString(),
    actor: entry.actor,
    action: entry.action,
    documentId: entry.documentId ?? null,
    details: JSON.stringify(entry.details ?? {}),
  };
}

export function appendAudit(tx: Tx, entry: AuditEntry, at: Date): void {
  const row = auditRow(entry, at);
  tx.insert(auditLog).values(row).run();
  enqueueSync(tx, 'audit', row);
}

/** A change the central API should learn about (audit entry, document status snapshot). */
export function enqueueSync(tx: Tx, kind: 'audit' | 'document_status', payload: Record<string, unknown>): void {
  tx.insert(syncOutbox).values({ eventId: randomUUID(), kind, payload: JSON.stringify(payload) }).run();
}
