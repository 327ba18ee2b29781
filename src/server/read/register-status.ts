// Head office: each register's live status, from what its pushes carry today (nothing is pushed for the status
// alone): when it was last heard from, its documents HKA has not answered yet (its transmission queue as head office
// sees it) and how many of them are in contingency, its highest folio, and how late its latest event arrived after
// the register wrote it — a delay that is negative means the register's clock is ahead of the server's.
import { sql } from 'drizzle-orm';
import { CONTINGENCY_EMISSION_TYPES } from '../../shared/fiscal/codes';
import { rowsOf, type TenantDatabase } from '../db/tenant-db';

export interface RegisterStatus {
  deviceId: string;
  name: string;
  storeId: string;
  storeCode: string;
  revokedAt: string | null;
  lastSeenAt: string | null;
  documents: number;
  /** QUEUED or PROCESSING: not answered by HKA yet. */
  pending: number;
  /** Of `pending`, issued in contingency (tipoEmision 02/04). */
  contingency: number;
  failed: number;
  /** The highest document number (folio) it has reported, any document type. */
  lastNumero: number | null;
  /** Its latest recorded event: when the register wrote it, and received minus written, in milliseconds. */
  lastEventAt: string | null;
  lastEventDelayMs: number | null;
}

const iso = (column: string) => sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
const contingencyTypes = sql.join(
  CONTINGENCY_EMISSION_TYPES.map((t) => sql`${t}`),
  sql`, `,
);

export async function registerStatuses(db: TenantDatabase, orgId: string): Promise<RegisterStatus[]> {
  const rows = await db.withTenant(orgId, (tx) =>
    rowsOf<{
      device_id: string;
      name: string;
      store_id: string;
      store_code: string;
      revoked_at: string | null;
      last_seen_at: string | null;
      documents: number;
      pending: number;
      contingency: number;
      failed: number;
      last_numero: number | null;
      last_event_at: string | null;
      last_event_delay_ms: number | null;
    }>(
      tx,
      sql`
    select d.id as device_id, d.name, d.store_id, s.code as store_code,
           ${iso('d.revoked_at')} as revoked_at, ${iso('d.last_seen_at')} as last_seen_at,
           coalesce(c.documents, 0) as documents, coalesce(c.pending, 0) as pending,
           coalesce(c.contingency, 0) as contingency, coalesce(c.failed, 0) as failed, c.last_numero,
           ${iso('e.at')} as last_event_at,
           (extract(epoch from (e.received_at - e.at)) * 1000)::float8 as last_event_delay_ms
    from devices d
    join stores s on s.id = d.store_id
    left join lateral (
      select count(*)::int as documents,
             (count(*) filter (where status in ('QUEUED', 'PROCESSING')))::int as pending,
             (count(*) filter (where status in ('QUEUED', 'PROCESSING') and tipo_emision in (${contingencyTypes})))::int as contingency,
             (count(*) filter (where status = 'FAILED'))::int as failed,
             max(numero) as last_numero
      from documents where device_id = d.id
    ) c on true
    left join lateral (
      select at, received_at from audit_entries where device_id = d.id order by seq desc limit 1
    ) e on true
    order by s.code, d.name, d.id`,
    ),
  );
  return rows.map((r) => ({
    deviceId: r.device_id,
    name: r.name,
    storeId: r.store_id,
    storeCode: r.store_code,
    revokedAt: r.revoked_at,
    lastSeenAt: r.last_seen_at,
    documents: r.documents,
    pending: r.pending,
    contingency: r.contingency,
    failed: r.failed,
    lastNumero: r.last_numero === null ? null : Number(r.last_numero),
    lastEventAt: r.last_event_at,
    lastEventDelayMs: r.last_event_delay_ms === null ? null : Math.round(Number(r.last_event_delay_ms)),
  }));
}
