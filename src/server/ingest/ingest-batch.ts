// One push from a register: every event is checked on its own (shared zod schema, credential scan, storable text; the
// usual event by a quicker equivalent check first, fast-event-check.ts),
// the good ones are stored in one statement (store-events.ts), the bad ones are named with their reason, and a status
// for a document another register owns is refused alone. Valid events already stored count as duplicates and are
// acknowledged like new ones, so a register replaying a batch after a lost reply is harmless. One bad event never
// fails the batch: should the database still refuse a value the checks let through, the batch is stored again event
// by event (each in its own savepoint) and only the events the database refuses are named, as `unstorable_value`.
import type { SyncBatchResponse, RejectedEvent } from '../../shared/sync/batch';
import { checkSyncEvent, type EventVerdict } from '../../shared/sync/check-event';
import { containsCredential } from '../../shared/sync/credentials';
import type { AuditEvent, DocumentStatusEvent, SyncEvent } from '../../shared/sync/events';
import { findUnstorableText } from '../../shared/sync/storable';
import { isDataError, sqlStateOf } from '../db/sql-error';
import type { TenantDatabase, TenantTx } from '../db/tenant-db';
import { auditChainBreaks, recordChainBreaks } from './audit-chain-verify';
import { fastSyncEvent } from './fast-event-check';
import type { RowEncoding } from './ingest-rows';
import { storeEvents, type DeviceRef, type StoredBatch, type StoreMode } from './store-events';

interface Indexed<E extends SyncEvent> {
  index: number;
  event: E;
}

function storeIndexed(
  tx: TenantTx,
  who: DeviceRef,
  events: readonly Indexed<SyncEvent>[],
  mode: StoreMode,
  rows: RowEncoding,
): Promise<StoredBatch> {
  const audit: AuditEvent[] = [];
  const statuses: DocumentStatusEvent[] = [];
  for (const { event } of events) {
    if (event.kind === 'audit') audit.push(event);
    else statuses.push(event);
  }
  return storeEvents(tx, who, audit, statuses, mode, rows);
}

/** Records, in the transaction that stored `stored`, the chain breaks its new audit entries reveal. */
async function storeAndJudge(tx: TenantTx, who: DeviceRef, stored: StoredBatch): Promise<StoredBatch> {
  await recordChainBreaks(tx, who, auditChainBreaks(stored.fresh, stored.neighbours));
  return stored;
}

/** The slow path: each event in its own savepoint; the ones the database refuses are rejected alone. */
async function storeOneByOne(
  tx: TenantTx,
  who: DeviceRef,
  events: readonly Indexed<SyncEvent>[],
  rejected: RejectedEvent[],
  rows: RowEncoding,
): Promise<StoredBatch> {
  const total: StoredBatch = { fresh: [], statuses: 0, foreign: new Set(), neighbours: [] };
  for (const one of events) {
    try {
      const stored = await tx.transaction((sp) => storeIndexed(sp, who, [one], 'replay-safe', rows));
      total.fresh.push(...stored.fresh);
      total.statuses += stored.statuses;
      for (const documentId of stored.foreign) total.foreign.add(documentId);
      total.neighbours.push(...stored.neighbours);
    } catch (error) {
      if (!isDataError(error)) throw error;
      rejected.push({
        index: one.index,
        eventId: one.event.eventId,
        reason: 'unstorable_value',
        issues: [
          { path: 'payload', message: `the database refused a value (SQLSTATE ${sqlStateOf(error) ?? 'unknown'})` },
        ],
      });
    }
  }
  return total;
}

/** Refuses, alone, each status of a document another register owns (the statement did not store them). */
function refuseForeign(valid: readonly Indexed<SyncEvent>[], foreign: Set<string>, rejected: RejectedEvent[]): number {
  let refused = 0;
  for (const { index, event } of valid) {
    if (event.kind !== 'document_status' || !foreign.has(event.payload.documentId)) continue;
    refused += 1;
    rejected.push({
      index,
      eventId: event.eventId,
      reason: 'foreign_document',
      issues: [
        { path: 'payload.documentId', message: 'the document belongs to another register of this organisation' },
      ],
    });
  }
  return refused;
}

/**
 * The usual event's verdict without zod (fast-event-check.ts), the credential and storable-text checks included; undefined
 * when anything is unusual, and checkSyncEvent judges and names it.
 */
function quickVerdict(raw: unknown): EventVerdict | undefined {
  const event = fastSyncEvent(raw);
  if (!event || containsCredential(event.payload) || findUnstorableText(event) !== null) return undefined;
  return { ok: true, event };
}

/** unique_violation: a first-time statement met an event id already stored or repeated in the batch. */
const UNIQUE_VIOLATION = '23505';

/**
 * The fast path is one statement in a plain transaction (no savepoint to pay for), first as if every event were new;
 * should an event id be stored already (a replay), the transaction is rolled back and the batch stored again skipping
 * stored ids; should the database refuse a value, the batch is stored again event by event in a new transaction.
 */
async function storeValid(
  db: TenantDatabase,
  who: DeviceRef,
  valid: readonly Indexed<SyncEvent>[],
  rejected: RejectedEvent[],
  rows: RowEncoding,
): Promise<StoredBatch> {
  const whole = (mode: StoreMode) =>
    db.withTenant(who.orgId, async (tx) => storeAndJudge(tx, who, await storeIndexed(tx, who, valid, mode, rows)));
  try {
    return await whole('first-time').catch((error: unknown) => {
      if (sqlStateOf(error) !== UNIQUE_VIOLATION) throw error;
      return whole('replay-safe');
    });
  } catch (error) {
    if (!isDataError(error)) throw error;
    return db.withTenant(who.orgId, async (tx) =>
      storeAndJudge(tx, who, await storeOneByOne(tx, who, valid, rejected, rows)),
    );
  }
}

/** `rows`: how the rows travel to PostgreSQL (ingest-rows.ts); `columns` only for the same-run A/B bench (0042). */
export async function ingestBatch(
  db: TenantDatabase,
  who: DeviceRef,
  events: readonly unknown[],
  rows: RowEncoding = 'json',
): Promise<SyncBatchResponse> {
  const valid: Indexed<SyncEvent>[] = [];
  const rejected: RejectedEvent[] = [];
  events.forEach((raw, index) => {
    const verdict = quickVerdict(raw) ?? checkSyncEvent(raw);
    if (verdict.ok) valid.push({ index, event: verdict.event });
    else rejected.push({ index, eventId: verdict.eventId, reason: verdict.reason, issues: verdict.issues });
  });
  const stored = await storeValid(db, who, valid, rejected, rows);
  const foreign = refuseForeign(valid, stored.foreign, rejected);
  rejected.sort((a, b) => a.index - b.index);
  const count = stored.fresh.length + stored.statuses;
  const acknowledged = valid.length - foreign - rejected.filter((r) => r.reason === 'unstorable_value').length;
  return { received: events.length, stored: count, duplicates: acknowledged - count, rejected };
}
