// One push from a register: every event is checked on its own (shared zod schema + credential scan), the good ones
// are stored in one transaction, the bad ones are named with their reason. Valid events already stored count as
// duplicates and are acknowledged like new ones, so a register replaying a batch after a lost reply is harmless.
import type { SyncBatchResponse, RejectedEvent } from '../../shared/sync/batch';
import { checkSyncEvent } from '../../shared/sync/check-event';
import type { AuditEvent, DocumentStatusEvent } from '../../shared/sync/events';
import type { TenantDatabase } from '../db/tenant-db';
import { recordChainBreaks, verifyAuditChain } from './audit-chain-verify';
import { storeAuditEvents, storeDocumentStatusEvents, touchDevice, type DeviceRef } from './store-events';

export async function ingestBatch(db: TenantDatabase, who: DeviceRef, events: readonly unknown[]): Promise<SyncBatchResponse> {
  const audit: AuditEvent[] = [];
  const statuses: DocumentStatusEvent[] = [];
  const rejected: RejectedEvent[] = [];
  events.forEach((raw, index) => {
    const verdict = checkSyncEvent(raw);
    if (!verdict.ok) {
      rejected.push({ index, eventId: verdict.eventId, reason: verdict.reason, issues: verdict.issues });
    } else if (verdict.event.kind === 'audit') {
      audit.push(verdict.event);
    } else {
      statuses.push(verdict.event);
    }
  });
  const stored = await db.withTenant(who.orgId, async (tx) => {
    const freshAudit = await storeAuditEvents(tx, who, audit);
    await recordChainBreaks(tx, who, await verifyAuditChain(tx, who, freshAudit));
    const n = freshAudit.length + (await storeDocumentStatusEvents(tx, who, statuses));
    await touchDevice(tx, who);
    return n;
  });
  const valid = audit.length + statuses.length;
  return { received: events.length, stored, duplicates: valid - stored, rejected };
}
