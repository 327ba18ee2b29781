// The register's side of the sync outbox: unsent rows in id order (the order they were recorded), turned into the
// wire events of src/shared/sync, and marked sent only once the server has acknowledged them.
import { asc, count, isNull, sql } from 'drizzle-orm';
import type { StoreDb } from '../store/open-database';
import { syncOutbox } from '../store/schema';

export interface OutboxRow {
  id: number;
  eventId: string;
  kind: string;
  payload: string;
}

export function readUnsent(db: StoreDb, limit: number): OutboxRow[] {
  return db
    .select({ id: syncOutbox.id, eventId: syncOutbox.eventId, kind: syncOutbox.kind, payload: syncOutbox.payload })
    .from(syncOutbox)
    .where(isNull(syncOutbox.sentAt))
    .orderBy(asc(syncOutbox.id))
    .limit(limit)
    .all();
}

export function pendingCount(db: StoreDb): number {
  return db.select({ n: count() }).from(syncOutbox).where(isNull(syncOutbox.sentAt)).get()?.n ?? 0;
}

export function markSent(db: Pick<StoreDb, 'run'>, ids: readonly number[], at: Date): void {
  if (ids.length === 0) return;
  db.run(sql`update sync_outbox set sent_at = ${at.toISOString()}
    where sent_at is null and id in (select value from json_each(${JSON.stringify(ids)}))`);
}

/**
 * Deletes events the server acknowledged before `before`: the audit trail itself stays in audit_log, and an
 * acknowledged event is never sent again, so the outbox need not grow with the register's whole life. Unsent rows
 * are never touched, however old.
 */
export function pruneSentBefore(db: Pick<StoreDb, 'run'>, before: Date): number {
  return db.run(sql`delete from sync_outbox where sent_at is not null and sent_at < ${before.toISOString()}`).changes;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text; // sent as is: the server names it as invalid, and the row stops being retried
  }
}

/**
 * The wire event for a row: `seq` is the outbox id; an audit row's `details`, stored as JSON text, travels as the
 * object it encodes.
 */
export function toWireEvent(row: OutboxRow): Record<string, unknown> {
  const payload = parseJson(row.payload);
  if (
    row.kind === 'audit' &&
    typeof payload === 'object' &&
    payload !== null &&
    'details' in payload &&
    typeof payload.details === 'string'
  ) {
    return {
      eventId: row.eventId,
      seq: row.id,
      kind: row.kind,
      payload: { ...payload, details: parseJson(payload.details) },
    };
  }
  return { eventId: row.eventId, seq: row.id, kind: row.kind, payload };
}
