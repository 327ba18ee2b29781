// A document's status belongs to the register that issued it: the first device seen reporting it owns it in head
// office's view, and its own sequence orders the snapshots (`seq` is each register's private counter, so seqs of two
// registers mean nothing to each other). A status from any other register of the organisation is refused alone
// (`foreign_document`); the projection's upsert also ignores a foreign writer, should two first reports race.
import { sql } from 'drizzle-orm';
import { rowsOf, type TenantTx } from '../db/tenant-db';
import type { DeviceRef } from './store-events';

/** The ids among `documentIds` already owned by another register of the organisation. */
export async function documentsOwnedByOthers(
  tx: TenantTx,
  who: DeviceRef,
  documentIds: readonly string[],
): Promise<Set<string>> {
  if (documentIds.length === 0) return new Set();
  const unique = [...new Set(documentIds)];
  const rows = await rowsOf<{ document_id: string }>(
    tx,
    sql`
    select d.document_id from documents d
    where d.document_id in (select jsonb_array_elements_text(${JSON.stringify(unique)}::text::jsonb))
      and d.device_id <> ${who.deviceId}::uuid`,
  );
  return new Set(rows.map((r) => r.document_id));
}
