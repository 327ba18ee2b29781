// Bulk, idempotent writes of one batch: each kind is one statement whatever the batch size (rows travel as one JSON
// parameter, unpacked by jsonb_to_recordset), and `on conflict do nothing` on (org, event id) makes a replay free.
// Organisation, register and store come from the device token, never from the payload. Times are kept to the
// millisecond (what registers send), so their ISO text is an exact pagination key.
import { sql } from 'drizzle-orm';
import type { AuditEvent, DocumentStatusEvent } from '../../shared/sync/events';
import { rowsOf, type TenantTx } from '../db/tenant-db';

export interface DeviceRef {
  orgId: string;
  deviceId: string;
  storeId: string;
}

/** JSON rows as a text parameter (cast to jsonb in SQL, so no driver re-encodes it). */
const jsonParam = (rows: unknown[]) => sql`${JSON.stringify(rows)}::text::jsonb`;

/** Stores the audit entries not stored yet; returns the ones that were new (a replay stores nothing twice). */
export async function storeAuditEvents(
  tx: TenantTx,
  who: DeviceRef,
  events: readonly AuditEvent[],
): Promise<AuditEvent[]> {
  if (events.length === 0) return [];
  const rows = events.map((e) => ({
    event_id: e.eventId,
    seq: e.seq,
    at: e.payload.at,
    actor: e.payload.actor,
    actor_name: e.payload.actorName,
    approved_by: e.payload.approvedBy,
    approved_by_name: e.payload.approvedByName,
    action: e.payload.action,
    document_id: e.payload.documentId,
    details: e.payload.details,
    chain_seq: e.payload.auditId,
    prev_hash: e.payload.prevHash,
    hash: e.payload.hash,
  }));
  const stored = await rowsOf<{ event_id: string }>(
    tx,
    sql`
    insert into audit_entries (org_id, event_id, device_id, store_id, seq, at, actor, actor_name, approved_by, approved_by_name,
                               action, document_id, details, chain_seq, prev_hash, hash)
    select ${who.orgId}::uuid, r.event_id, ${who.deviceId}::uuid, ${who.storeId}::uuid, r.seq,
           date_trunc('milliseconds', r.at), r.actor, r.actor_name, r.approved_by, r.approved_by_name, r.action, r.document_id,
           r.details, r.chain_seq, r.prev_hash, r.hash
    from jsonb_to_recordset(${jsonParam(rows)}) as r(event_id uuid, seq bigint, at timestamptz, actor text, actor_name text,
         approved_by text, approved_by_name text, action text, document_id text, details jsonb, chain_seq bigint,
         prev_hash text, hash text)
    on conflict (org_id, event_id) do nothing
    returning event_id`,
  );
  const fresh = new Set(stored.map((r) => r.event_id));
  return events.filter((e) => fresh.has(e.eventId));
}

/**
 * Stores the status snapshots not stored yet and folds the new ones into `documents`: the snapshot with the highest
 * seq of the owning register gives the status (so a late or replayed older snapshot never rolls a document back),
 * the capture snapshot gives the fiscal summary, the earliest timestamp is the issue date. The caller has already
 * refused snapshots of documents another register owns (document-ownership.ts).
 */
export async function storeDocumentStatusEvents(
  tx: TenantTx,
  who: DeviceRef,
  events: readonly DocumentStatusEvent[],
): Promise<number> {
  if (events.length === 0) return 0;
  const rows = events.map((e) => ({
    event_id: e.eventId,
    seq: e.seq,
    document_id: e.payload.documentId,
    status: e.payload.status,
    from_status: e.payload.from ?? null,
    at: e.payload.at,
    tipo_documento: e.payload.tipoDocumento ?? null,
    numero: e.payload.numero ?? null,
    tipo_emision: e.payload.tipoEmision ?? null,
    total: e.payload.total ?? null,
  }));
  const [result] = await rowsOf<{ stored: number }>(
    tx,
    sql`
    with ins as (
      insert into document_events (org_id, event_id, device_id, store_id, seq, document_id, status, from_status, at,
                                   tipo_documento, numero, tipo_emision, total)
      select ${who.orgId}::uuid, r.event_id, ${who.deviceId}::uuid, ${who.storeId}::uuid, r.seq, r.document_id, r.status,
             r.from_status, date_trunc('milliseconds', r.at), r.tipo_documento, r.numero, r.tipo_emision, r.total
      from jsonb_to_recordset(${jsonParam(rows)}) as r(event_id uuid, seq bigint, document_id text, status text,
           from_status text, at timestamptz, tipo_documento text, numero integer, tipo_emision text, total numeric)
      on conflict (org_id, event_id) do nothing
      returning seq, document_id, status, at, tipo_documento, numero, tipo_emision, total
    ), latest as (
      select document_id,
             (array_agg(status order by seq desc))[1] as status,
             (array_agg(at order by seq desc))[1] as status_at,
             max(seq) as status_seq,
             min(at) as issued_at,
             (array_agg(tipo_documento order by seq) filter (where tipo_documento is not null))[1] as tipo_documento,
             (array_agg(numero order by seq) filter (where numero is not null))[1] as numero,
             (array_agg(tipo_emision order by seq) filter (where tipo_emision is not null))[1] as tipo_emision,
             (array_agg(total order by seq) filter (where total is not null))[1] as total
      from ins group by document_id
    ), folded as (
      insert into documents as d (org_id, document_id, device_id, store_id, status, status_at, status_seq,
                                  tipo_documento, numero, tipo_emision, total, issued_at)
      select ${who.orgId}::uuid, document_id, ${who.deviceId}::uuid, ${who.storeId}::uuid, status, status_at, status_seq,
             tipo_documento, numero, tipo_emision, total, issued_at
      from latest
      on conflict (org_id, document_id) do update set
        status = case when excluded.status_seq > d.status_seq then excluded.status else d.status end,
        status_at = case when excluded.status_seq > d.status_seq then excluded.status_at else d.status_at end,
        status_seq = greatest(d.status_seq, excluded.status_seq),
        tipo_documento = coalesce(d.tipo_documento, excluded.tipo_documento),
        numero = coalesce(d.numero, excluded.numero),
        tipo_emision = coalesce(d.tipo_emision, excluded.tipo_emision),
        total = coalesce(d.total, excluded.total),
        issued_at = least(d.issued_at, excluded.issued_at),
        updated_at = now()
      -- Only the owning register (first seen) moves a document; see document-ownership.ts.
      where d.device_id = excluded.device_id
      returning 1
    )
    select count(*)::int as stored from ins`,
  );
  return result?.stored ?? 0;
}

export async function touchDevice(tx: TenantTx, who: DeviceRef): Promise<void> {
  await tx.execute(sql`update devices set last_seen_at = now() where id = ${who.deviceId}::uuid`);
}
