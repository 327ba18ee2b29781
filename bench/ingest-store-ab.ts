// Same-run A/B of the ingest statement's PostgreSQL cost (decision 0035): `npm run bench -- --ingest-ab [--batches N]`.
// Five ways of storing the same kind of batch, called directly (no HTTP), interleaved batch by batch in one process so
// the machine's load weighs on all alike:
//   0032        the statement parsed and planned for every batch, per-row foreign keys to `devices` (schema before
//               0008), `on conflict do nothing` probing each event id before its insert;
//   prepared    0032 but a named prepared statement (parsed and planned once per connection);
//   stmt-check  0032 but the device reference checked once per statement (pg migration 0008);
//   first-time  0032 but no `on conflict` probe (a stored event id fails the statement; ingest-batch.ts retries);
//   all three   what ingest does now for a batch of new events.
// Two throw-away databases from the same migrations: in the "before" one the 0008 triggers are dropped and the three
// foreign keys put back as 0007 had them. Each way has its own register and one connection, so the CPU of its
// PostgreSQL backend (/proc/<pid>/stat) is its own; the API process's CPU around the call is printed too.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { auditChain } from '../tests/fixtures/audit-chain-events';
import { startSyncTestServer, type SyncTestServer } from '../tests/fixtures/pg-test-db';
import { openTenantDatabase, rowsOf, type TenantDatabase } from '../src/server/db/tenant-db';
import type { AuditEvent, DocumentStatusEvent } from '../src/shared/sync/events';
import { ingestStatement, storeEvents, type DeviceRef, type StoreMode } from '../src/server/ingest/store-events';
import { procCpuMs } from './process-cpu';
import { fmt } from './stats';

const SALES_PER_BATCH = 125; // 4 events each: 500, the batch registers send
const WARMUP_BATCHES = 6; // past the plan cache's 5 custom plans

/** The schema before pg migration 0008: the per-row foreign keys, no statement-level check. */
const SCHEMA_BEFORE_0008 = `
  drop trigger audit_entries_device_check on audit_entries;
  drop trigger document_events_device_check on document_events;
  drop trigger documents_device_check_insert on documents;
  drop trigger documents_device_check_update on documents;
  drop trigger devices_keep_referenced on devices;
  alter table audit_entries add constraint audit_entries_device_fk foreign key (org_id, device_id)
    references devices (org_id, id);
  alter table document_events add constraint document_events_device_fk foreign key (org_id, device_id)
    references devices (org_id, id);
  alter table documents add constraint documents_device_fk foreign key (org_id, device_id) references devices (org_id, id);`;

interface Way {
  label: string;
  kit: SyncTestServer;
  prepared: boolean;
  mode: StoreMode;
  db?: TenantDatabase;
  who?: DeviceRef;
  backendPid?: number;
  trail: ReturnType<typeof auditChain>;
  seq: number;
  pgMs: number;
  apiMs: number;
  wallMs: number;
  events: number;
}

/** One batch of `way`'s register: per sale, its capture entry and QUEUED snapshot, then authorisation of both. */
function batchOf(way: Way): { audit: AuditEvent[]; statuses: DocumentStatusEvent[] } {
  const audit: AuditEvent[] = [];
  const statuses: DocumentStatusEvent[] = [];
  for (let i = 0; i < SALES_PER_BATCH; i++) {
    const documentId = randomUUID();
    const at = new Date().toISOString();
    const total = `${1 + (way.seq % 500)}.25`;
    const details = { tipoDocumento: '01', numero: way.seq, tipoEmision: '01', total };
    const payload = way.trail.next({ at, action: 'sale.captured', documentId, details });
    audit.push({ eventId: randomUUID(), seq: ++way.seq, kind: 'audit', payload });
    statuses.push({
      eventId: randomUUID(),
      seq: ++way.seq,
      kind: 'document_status',
      payload: { documentId, status: 'QUEUED', at, tipoDocumento: '01', numero: way.seq, tipoEmision: '01', total },
    });
    const authorised = way.trail.next({ at, action: 'document.authorized', documentId, details: { codigo: '200' } });
    audit.push({ eventId: randomUUID(), seq: ++way.seq, kind: 'audit', payload: authorised });
    statuses.push({
      eventId: randomUUID(),
      seq: ++way.seq,
      kind: 'document_status',
      payload: { documentId, status: 'AUTHORIZED', from: 'PROCESSING', at },
    });
  }
  return { audit, statuses };
}

async function store(way: Way, measured: boolean): Promise<void> {
  const { audit, statuses } = batchOf(way);
  const who = way.who!;
  const pg0 = procCpuMs(way.backendPid!) ?? 0;
  const api0 = process.cpuUsage();
  const t0 = performance.now();
  await way.db!.withTenant(who.orgId, async (tx) => {
    if (way.prepared) await storeEvents(tx, who, audit, statuses, way.mode);
    else await rowsOf(tx, ingestStatement(who, audit, statuses, way.mode));
  });
  if (!measured) return;
  way.wallMs += performance.now() - t0;
  const api = process.cpuUsage(api0);
  way.apiMs += (api.user + api.system) / 1000;
  way.pgMs += (procCpuMs(way.backendPid!) ?? 0) - pg0;
  way.events += audit.length + statuses.length;
}

async function openWay(way: Way, name: string): Promise<void> {
  const tenant = await way.kit.createTenant(name);
  const register = await way.kit.enrolRegister(tenant, '0001');
  way.who = { orgId: tenant.orgId, deviceId: register.deviceId, storeId: register.storeId };
  way.db = await openTenantDatabase({ ...way.kit.database.config, poolSize: 1 });
  const [row] = await way.db.unscoped((d) => rowsOf<{ pid: number }>(d, sql`select pg_backend_pid() as pid`));
  way.backendPid = row!.pid;
}

/** The plans PostgreSQL kept for the prepared statement on `way`'s connection (generic = planned once). */
async function planCounts(way: Way): Promise<string> {
  const rows = await way.db!.unscoped((d) =>
    rowsOf<{ generic: number; custom: number }>(
      d,
      sql`select generic_plans::int as generic, custom_plans::int as custom from pg_prepared_statements`,
    ),
  );
  return rows.map((r) => `${r.generic} generic / ${r.custom} custom plans`).join(', ') || 'none prepared';
}

export async function runIngestStoreAb(batches = 60): Promise<string[]> {
  const before = await startSyncTestServer();
  const after = await startSyncTestServer();
  const ways: Way[] = [];
  try {
    await before.superQuery(SCHEMA_BEFORE_0008);
    const way = (label: string, kit: SyncTestServer, prepared: boolean, mode: StoreMode): Way => {
      return { label, kit, prepared, mode, trail: auditChain(), seq: 0, pgMs: 0, apiMs: 0, wallMs: 0, events: 0 };
    };
    ways.push(way('0032', before, false, 'replay-safe'), way('prepared', before, true, 'replay-safe'));
    ways.push(way('stmt-check', after, false, 'replay-safe'), way('first-time', before, false, 'first-time'));
    ways.push(way('all three', after, true, 'first-time'));
    for (const [i, w] of ways.entries()) await openWay(w, `AB ${i}`);
    for (let i = 0; i < WARMUP_BATCHES; i++) for (const w of ways) await store(w, false);
    // Interleaved, and the order rotated each round so no way always follows the same one.
    for (let i = 0; i < batches; i++) {
      for (let k = 0; k < ways.length; k++) await store(ways[(i + k) % ways.length]!, true);
    }
    const base = ways[0]!;
    const per1000 = (ms: number, w: Way) => (ms * 1000) / w.events;
    const lines = [
      `Ingest statement A/B, direct calls, ${batches} batches of ${SALES_PER_BATCH * 4} events per way, interleaved`,
      `  /proc/loadavg ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}; CPU per 1 000 events`,
    ];
    for (const w of ways) {
      const pg = per1000(w.pgMs, w);
      lines.push(
        `  ${w.label.padEnd(11)} PostgreSQL ${fmt(pg)} (${(pg / per1000(base.pgMs, base)).toFixed(2)}x 0032)  API ${fmt(per1000(w.apiMs, w))}  wall ${fmt(per1000(w.wallMs, w))}${w.prepared ? `  [${await planCounts(w)}]` : ''}`,
      );
    }
    return lines;
  } finally {
    for (const w of ways) await w.db?.close();
    await before.close();
    await after.close();
  }
}
