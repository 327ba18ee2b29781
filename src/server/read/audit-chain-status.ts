// Head office: each register's audit chain as received — how many entries, up to which one, and every break found
// on ingest (ingest/audit-chain-verify.ts). A register with breaks has had its trail edited, removed from or
// reordered after it was written; the entries around chainSeq say where.
import { sql } from 'drizzle-orm';
import type { TenantDatabase } from '../db/tenant-db';
import { rowsOf } from '../db/tenant-db';

export interface AuditChainStatus {
  deviceId: string;
  storeId: string;
  entries: number;
  lastChainSeq: number | null;
  breaks: { chainSeq: number; reason: string; detectedAt: string }[];
}

export async function auditChainStatus(db: TenantDatabase, orgId: string): Promise<AuditChainStatus[]> {
  return db.withTenant(orgId, async (tx) => {
    const devices = await rowsOf<{ device_id: string; store_id: string; entries: number; last_seq: number | null }>(
      tx,
      sql`
      select d.id as device_id, d.store_id, count(a.event_id)::int as entries, max(a.chain_seq)::float8 as last_seq
      from devices d left join audit_entries a on a.org_id = d.org_id and a.device_id = d.id
      group by d.id, d.store_id order by d.id`,
    );
    const breaks = await rowsOf<{ device_id: string; chain_seq: number; reason: string; detected_at: string }>(
      tx,
      sql`
      select device_id, chain_seq::float8 as chain_seq, reason,
             to_char(detected_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as detected_at
      from audit_chain_breaks order by device_id, chain_seq, reason`,
    );
    return devices.map((d) => ({
      deviceId: d.device_id,
      storeId: d.store_id,
      entries: d.entries,
      lastChainSeq: d.last_seq === null ? null : Number(d.last_seq),
      breaks: breaks
        .filter((b) => b.device_id === d.device_id)
        .map((b) => ({ chainSeq: Number(b.chain_seq), reason: b.reason, detectedAt: b.detected_at })),
    }));
  });
}
