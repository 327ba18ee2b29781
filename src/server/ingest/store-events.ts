// One batch of a register stored in ONE statement (one round trip to PostgreSQL, decision 0026): the audit entries and
// the status snapshots each travel as one JSON parameter (unpacked by json_to_recordset, a set of rows whatever the
// batch size; ingest-rows.ts), and data-modifying CTEs do the rest in order:
// - ownership: a status for a document another register of the organisation owns is not stored, and its document id
//   comes back so the caller refuses that event alone (`foreign_document`). The first register that reports a document
//   owns its status; its own `seq` orders the snapshots (seqs of two registers mean nothing to each other);
// - an event id already stored (a replay) or repeated within the batch fails the `first-time` statement; the caller
//   runs it again `replay-safe`, where `on conflict do nothing` on (org, event id) skips it (StoreMode, decision 0035);
// - the new snapshots are folded into `documents`: the highest seq of the owning register gives the status (a late
//   or replayed older snapshot never rolls a document back), the capture snapshot the fiscal summary, the earliest
//   timestamp the issue date; the upsert also ignores a foreign writer, should two first reports race;
// - the stored neighbours (chain_seq ± 1) of the new audit entries come back for the chain check
//   (audit-chain-verify.ts); the statement's own new rows are not visible to it, the caller has them, so only the
//   chain_seqs outside the batch are looked up;
// - both lookups (ownership, neighbours) are LATERAL subqueries kept apart by `offset 0`, so each is an index probe
//   per row of the batch: planned as joins they read every document of the organisation and every entry of the
//   register, per batch, a cost growing with the history (decision 0032, ingest-history.test.ts);
// - the register's last_seen_at is touched (the `silent` alert reads it).
// Organisation, register and store come from the device token, never from the payload. Times are kept to the
// millisecond (what registers send), so their ISO text is an exact pagination key.
import { sql, type SQL } from 'drizzle-orm';
import type { AuditEvent, DocumentStatusEvent } from '../../shared/sync/events';
import { preparedRowsOf, type TenantTx } from '../db/tenant-db';
import type { ChainLink } from './audit-chain-verify';
import { auditRowsSource, statusRowsSource, type RowEncoding } from './ingest-rows';

export interface DeviceRef {
  orgId: string;
  deviceId: string;
  storeId: string;
}

export interface StoredBatch {
  /** The audit entries stored by this statement (a replayed or repeated event id is not among them). */
  fresh: AuditEvent[];
  /** Status snapshots stored by this statement. */
  statuses: number;
  /** Documents of the batch's snapshots that another register owns; their snapshots were not stored. */
  foreign: Set<string>;
  /** Entries already stored next to the fresh ones in the register's chain (chain_seq − 1 and + 1). */
  neighbours: ChainLink[];
}

/** The statement's answer, one row per fresh entry, foreign document and stored neighbour, plus the status count. */
type ResultRow = {
  kind: 'fresh' | 'foreign' | 'link' | 'statuses';
  id: string | null;
  n: number | null;
  prev_hash: string | null;
  hash: string | null;
};

/**
 * `first-time`: the batch's event ids are expected to be new, and a stored one fails the statement (unique violation,
 * 23505) instead of being skipped: PostgreSQL then spares the `on conflict` probe of each row's key before its insert
 * (~14 % of its CPU per batch, decision 0035). `replay-safe`: stored event ids are skipped, each counted as a duplicate;
 * the caller runs the batch again this way when a first-time statement meets one (a replay after a lost reply).
 */
export type StoreMode = 'first-time' | 'replay-safe';

/** Each statement's name on a connection (prepared once per connection, decision 0035): one per mode and encoding. */
const statementName = (mode: StoreMode, rows: RowEncoding) =>
  `sago_ingest_batch_${mode === 'first-time' ? 'first_time' : 'replay_safe'}${rows === 'columns' ? '_columns' : ''}`;

/** The one statement that stores a batch (its text is the same for every batch; only the parameters differ). */
export function ingestStatement(
  who: DeviceRef,
  audit: readonly AuditEvent[],
  statuses: readonly DocumentStatusEvent[],
  mode: StoreMode,
  rows: RowEncoding = 'json',
): SQL {
  const skipStored = mode === 'replay-safe' ? sql`on conflict (org_id, event_id) do nothing` : sql``;
  // First time, every audit entry of the batch is fresh (or the statement fails): no need to name them back.
  const freshRows =
    mode === 'replay-safe' ? sql`union all select 'fresh', event_id::text, null, null, null from audit_ins` : sql``;
  const org = sql`${who.orgId}::uuid`;
  const device = sql`${who.deviceId}::uuid`;
  const store = sql`${who.storeId}::uuid`;
  return sql`
    with a as (
      ${auditRowsSource(audit, rows)}
    ), s as (
      ${statusRowsSource(statuses, rows)}
    ), foreign_documents as (
      select distinct s.document_id from s cross join lateral (
        select 1 from documents d where d.org_id = ${org} and d.document_id = s.document_id and d.device_id <> ${device}
        offset 0
      ) owned
    ), audit_ins as (
      insert into audit_entries (org_id, event_id, device_id, store_id, seq, at, actor, actor_name, approved_by,
                                 approved_by_name, action, document_id, details, chain_seq, prev_hash, hash)
      select ${org}, event_id, ${device}, ${store}, seq, date_trunc('milliseconds', at), actor, actor_name,
             approved_by, approved_by_name, action, document_id, details, chain_seq, prev_hash, hash
      from a
      ${skipStored}
      returning event_id, chain_seq
    ), status_ins as (
      insert into document_events (org_id, event_id, device_id, store_id, seq, document_id, status, from_status, at,
                                   tipo_documento, numero, tipo_emision, total)
      select ${org}, event_id, ${device}, ${store}, seq, document_id, status, from_status,
             date_trunc('milliseconds', at), tipo_documento, numero, tipo_emision, total
      from s where document_id not in (select document_id from foreign_documents)
      ${skipStored}
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
      from status_ins group by document_id
    ), folded as (
      insert into documents as d (org_id, document_id, device_id, store_id, status, status_at, status_seq,
                                  tipo_documento, numero, tipo_emision, total, issued_at)
      select ${org}, document_id, ${device}, ${store}, status, status_at, status_seq,
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
      where d.device_id = excluded.device_id
      returning 1
    ), touched as (
      update devices set last_seen_at = now() where id = ${device} returning 1
    )
    select 'foreign' as kind, document_id as id, null::float8 as n, null as prev_hash, null as hash
    from foreign_documents
    union all
    select 'link', null, e.chain_seq::float8, e.prev_hash, e.hash
    from (select chain_seq - 1 as chain_seq from audit_ins union select chain_seq + 1 from audit_ins
          except select chain_seq from audit_ins) n
    cross join lateral (
      select chain_seq, prev_hash, hash from audit_entries e
      where e.org_id = ${org} and e.device_id = ${device} and e.chain_seq = n.chain_seq and e.hash is not null
      offset 0
    ) e
    union all
    select 'statuses', null, count(*)::float8, null, null from status_ins
    ${freshRows}`;
}

export async function storeEvents(
  tx: TenantTx,
  who: DeviceRef,
  audit: readonly AuditEvent[],
  statuses: readonly DocumentStatusEvent[],
  mode: StoreMode = 'replay-safe',
  rows: RowEncoding = 'json',
): Promise<StoredBatch> {
  const statement = ingestStatement(who, audit, statuses, mode, rows);
  const answer = await preparedRowsOf<ResultRow>(tx, statementName(mode, rows), statement);
  return collect(answer, audit, mode);
}

function collect(rows: readonly ResultRow[], audit: readonly AuditEvent[], mode: StoreMode): StoredBatch {
  // First time, every entry of the batch was inserted (a stored or repeated event id fails the statement).
  const freshIds = mode === 'replay-safe' ? new Set<string>() : undefined;
  const result: StoredBatch = { fresh: [], statuses: 0, foreign: new Set(), neighbours: [] };
  for (const row of rows) {
    if (row.kind === 'fresh') freshIds?.add(row.id!);
    else if (row.kind === 'foreign') result.foreign.add(row.id!);
    else if (row.kind === 'statuses') result.statuses = Number(row.n);
    else result.neighbours.push({ chainSeq: Number(row.n), prevHash: row.prev_hash!, hash: row.hash! });
  }
  // An event id repeated within the batch was stored once: the first occurrence is the one inserted.
  result.fresh = freshIds ? audit.filter((event) => freshIds.delete(event.eventId)) : [...audit];
  return result;
}
