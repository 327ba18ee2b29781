// The audit chain's append and the sync outbox's insert with statements prepared once per connection: the paths
// that write an entry for every document (capture, and the queue applying HKA's answer) use these; other callers go
// through audit.ts's drizzle version. Both seal the row with audit.ts's sealAuditRow, so the chain is one chain.
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { AUDIT_CHAIN_GENESIS } from '../../shared/audit/audit-chain';
import { actorNamesBy, sealAuditRow, type AuditEntry, type AuditRow } from './audit';
import { cachedStatement } from './statement-cache';

const INSERT_AUDIT = `INSERT INTO audit_log (at, actor, actor_name, approved_by, approved_by_name, action, document_id,
  details, prev_hash, hash) VALUES (@at, @actor, @actorName, @approvedBy, @approvedByName, @action, @documentId, @details,
  @prevHash, @hash)`;
const LAST_HASH = 'SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1';
const USER_NAME = 'SELECT display_name FROM users WHERE id = ?';
const INSERT_SYNC = 'INSERT INTO sync_outbox (event_id, kind, payload, created_at) VALUES (?, ?, ?, ?)';

/** Queues a change for the central API (created at `at`). Call inside the transaction that made the change. */
export function enqueueSyncOn(
  sqlite: Database.Database,
  kind: 'audit' | 'document_status',
  payload: Record<string, unknown>,
  at: Date,
): void {
  cachedStatement(sqlite, INSERT_SYNC).run(randomUUID(), kind, JSON.stringify(payload), at.toISOString());
}

/**
 * Appends an entry at the chain's end and queues it for the central API. Call inside a transaction. Returns the row as
 * stored (the capture answers the cashier from it instead of reading it back).
 */
export function appendAuditOn(sqlite: Database.Database, entry: AuditEntry, at: Date): AuditRow {
  const userName = cachedStatement(sqlite, USER_NAME).pluck();
  const names = actorNamesBy((id) => userName.get(id) as string | undefined, entry);
  const prevHash = (cachedStatement(sqlite, LAST_HASH).pluck().get() as string | undefined) ?? AUDIT_CHAIN_GENESIS;
  const row = sealAuditRow(entry, names, at, prevHash);
  const auditId = cachedStatement(sqlite, INSERT_AUDIT).run(row).lastInsertRowid;
  enqueueSyncOn(sqlite, 'audit', { ...row, auditId: Number(auditId) }, at);
  return row;
}
