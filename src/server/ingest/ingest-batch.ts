// One push from a register: every event is checked on its own (shared zod schema, credential scan, storable text),
// a status for a document another register owns is refused, the good ones are stored in one transaction, the bad
// ones are named with their reason. Valid events already stored count as duplicates and are acknowledged like new
// ones, so a register replaying a batch after a lost reply is harmless. One bad event never fails the batch: should
// the database still refuse a value the checks let through, the batch is stored again event by event (each in its
// own savepoint) and only the events the database refuses are named, as `unstorable_value`.
import type { SyncBatchResponse, RejectedEvent } from '../../shared/sync/batch';
import { checkSyncEvent } from '../../shared/sync/check-event';
import type { AuditEvent, DocumentStatusEvent, SyncEvent } from '../../shared/sync/events';
import { isDataError, sqlStateOf } from '../db/sql-error';
import type { TenantDatabase, TenantTx } from '../db/tenant-db';
import { recordChainBreaks, verifyAuditChain } from './audit-chain-verify';
import { documentsOwnedByOthers } from './document-ownership';
import { storeAuditEvents, storeDocumentStatusEvents, touchDevice, type DeviceRef } from './store-events';

interface Indexed<E extends SyncEvent> {
  index: number;
  event: E;
}

interface StoreResult {
  fresh: AuditEvent[];
  statuses: number;
}

async function storeAll(
  tx: TenantTx,
  who: DeviceRef,
  audit: readonly AuditEvent[],
  statuses: readonly DocumentStatusEvent[],
): Promise<StoreResult> {
  return {
    fresh: await storeAuditEvents(tx, who, audit),
    statuses: await storeDocumentStatusEvents(tx, who, statuses),
  };
}

/** The slow path: each event in its own savepoint; the ones the database refuses are rejected alone. */
async function storeOneByOne(
  tx: TenantTx,
  who: DeviceRef,
  events: readonly Indexed<SyncEvent>[],
  rejected: RejectedEvent[],
): Promise<StoreResult> {
  const total: StoreResult = { fresh: [], statuses: 0 };
  for (const { index, event } of events) {
    try {
      const one = await tx.transaction((sp) =>
        storeAll(sp, who, event.kind === 'audit' ? [event] : [], event.kind === 'audit' ? [] : [event]),
      );
      total.fresh.push(...one.fresh);
      total.statuses += one.statuses;
    } catch (error) {
      if (!isDataError(error)) throw error;
      rejected.push({
        index,
        eventId: event.eventId,
        reason: 'unstorable_value',
        issues: [
          { path: 'payload', message: `the database refused a value (SQLSTATE ${sqlStateOf(error) ?? 'unknown'})` },
        ],
      });
    }
  }
  return total;
}

export async function ingestBatch(
  db: TenantDatabase,
  who: DeviceRef,
  events: readonly unknown[],
): Promise<SyncBatchResponse> {
  const valid: Indexed<SyncEvent>[] = [];
  const rejected: RejectedEvent[] = [];
  events.forEach((raw, index) => {
    const verdict = checkSyncEvent(raw);
    if (verdict.ok) valid.push({ index, event: verdict.event });
    else rejected.push({ index, eventId: verdict.eventId, reason: verdict.reason, issues: verdict.issues });
  });
  const stored = await db.withTenant(who.orgId, async (tx) => {
    const foreign = await documentsOwnedByOthers(
      tx,
      who,
      valid.flatMap(({ event }) => (event.kind === 'document_status' ? [event.payload.documentId] : [])),
    );
    const accepted = valid.filter(({ index, event }) => {
      if (event.kind !== 'document_status' || !foreign.has(event.payload.documentId)) return true;
      rejected.push({
        index,
        eventId: event.eventId,
        reason: 'foreign_document',
        issues: [
          { path: 'payload.documentId', message: 'the document belongs to another register of this organisation' },
        ],
      });
      return false;
    });
    const audit = accepted.flatMap(({ event }) => (event.kind === 'audit' ? [event] : []));
    const statuses = accepted.flatMap(({ event }) => (event.kind === 'document_status' ? [event] : []));
    let result: StoreResult;
    try {
      result = await tx.transaction((sp) => storeAll(sp, who, audit, statuses));
    } catch (error) {
      if (!isDataError(error)) throw error;
      result = await storeOneByOne(tx, who, accepted, rejected);
    }
    await recordChainBreaks(tx, who, await verifyAuditChain(tx, who, result.fresh));
    await touchDevice(tx, who);
    return { count: result.fresh.length + result.statuses, valid: accepted.length };
  });
  rejected.sort((a, b) => a.index - b.index);
  const acknowledged = stored.valid - rejected.filter((r) => r.reason === 'unstorable_value').length;
  return { received: events.length, stored: stored.count, duplicates: acknowledged - stored.count, rejected };
}
