// Ingest throughput of the central sync API: batches of 500 events pushed over HTTP (loopback) into PostgreSQL, as
// registers do, through the whole path (auth lookup, zod check of every event, RLS-scoped bulk insert, projection).
// One register pushing back to back, then several pushing at once. A fresh database and API role are created on
// DATABASE_URL's server (default the local PostgreSQL) and dropped at the end. Besides events/s and batch latency
// (wall clock), the CPU the API process and PostgreSQL spent per 1 000 events is printed: on a machine shared with
// other work it is the figure that compares two designs; the ratios are against the figures measured before the
// one-statement store (decision 0026), on this machine.
import { randomBytes, randomUUID } from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
import pg from 'pg';
import { SYNC_BATCH_MAX, SYNC_INGEST_PATH } from '../src/shared/sync/batch';
import { openOwnerConnection } from '../src/server/db/owner-connection';
import { startServer } from '../src/server/server';
import { createOrganisation } from '../src/server/tenancy/organisations';
import { startCpuReading } from './process-cpu';
import { fmt, stats } from './stats';
import { auditChain } from '../tests/fixtures/audit-chain-events';

const WARMUP_BATCHES = 5;
const CONCURRENT_CLIENTS = 4;
/** Issue 17's target, with 4 registers pushing at once. */
const TARGET_EVENTS_PER_SEC = 50_000;
/**
 * Measured at 835eb5b (five statements and a savepoint per batch, 10 round trips), with this bench on this machine
 * (2 cores shared with other work, load average 15); decision 0026. CPU is the API process's plus PostgreSQL's.
 */
const BEFORE = {
  one: { eventsPerSec: 3_431, cpuMsPer1000: 48.3 + 41.5 },
  many: { eventsPerSec: 5_105, cpuMsPer1000: 36.3 + 47.6 },
};

let seqCounter = 0;
/** One register's hash-chained audit trail (the server checks each link on ingest, so the bench measures that too). */
const trail = auditChain();

/** Half audit entries, half status snapshots (capture, then authorisation), like a register's outbox. */
function batch(): { events: unknown[] } {
  const events: unknown[] = [];
  while (events.length < SYNC_BATCH_MAX) {
    const documentId = randomUUID();
    const at = new Date().toISOString();
    const total = `${1 + (seqCounter % 500)}.25`;
    events.push(
      {
        eventId: randomUUID(),
        seq: ++seqCounter,
        kind: 'audit',
        payload: trail.next({
          at,
          action: 'sale.captured',
          documentId,
          details: { tipoDocumento: '01', numero: seqCounter, tipoEmision: '01', total },
        }),
      },
      {
        eventId: randomUUID(),
        seq: ++seqCounter,
        kind: 'document_status',
        payload: {
          documentId,
          status: 'QUEUED',
          at,
          tipoDocumento: '01',
          numero: seqCounter,
          tipoEmision: '01',
          total,
        },
      },
      {
        eventId: randomUUID(),
        seq: ++seqCounter,
        kind: 'audit',
        payload: trail.next({
          at,
          actor: 'sistema:cola',
          actorName: 'Sistema (cola de envío)',
          action: 'document.authorized',
          documentId,
          details: { cufe: `FE0120000${seqCounter}`, codigo: '200', alreadyAuthorized: false },
        }),
      },
      {
        eventId: randomUUID(),
        seq: ++seqCounter,
        kind: 'document_status',
        payload: { documentId, status: 'AUTHORIZED', from: 'PROCESSING', at },
      },
    );
  }
  return { events: events.slice(0, SYNC_BATCH_MAX) };
}

async function push(url: string, token: string, body: string): Promise<number> {
  const t0 = performance.now();
  const response = await fetch(`${url}${SYNC_INGEST_PATH}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body,
  });
  const result = (await response.json()) as { stored?: number };
  if (response.status !== 200 || result.stored !== SYNC_BATCH_MAX)
    throw new Error(`push failed: HTTP ${response.status} ${JSON.stringify(result).slice(0, 200)}`);
  return performance.now() - t0;
}

type CpuReading = () => Promise<() => Promise<{ processMs: number; postgresMs: number | null }>>;

/** Each client is one register pushing its own pre-built batches back to back. */
async function run(url: string, tokens: string[], batchesPerClient: number, cpu: CpuReading) {
  const bodies = tokens.map(() => Array.from({ length: batchesPerClient }, () => JSON.stringify(batch())));
  const samples: number[] = [];
  const stop = await cpu();
  const start = performance.now();
  await Promise.all(
    tokens.map(async (token, c) => {
      for (const body of bodies[c]!) samples.push(await push(url, token, body));
    }),
  );
  const wall = performance.now() - start;
  const spent = await stop();
  const s = stats(samples, wall);
  const thousands = (samples.length * SYNC_BATCH_MAX) / 1000;
  return {
    ...s,
    eventsPerSec: (samples.length * SYNC_BATCH_MAX * 1000) / wall,
    processMsPer1000: spent.processMs / thousands,
    postgresMsPer1000: spent.postgresMs === null ? null : spent.postgresMs / thousands,
  };
}

async function api<T>(url: string, path: string, bearer: string | undefined, body: unknown): Promise<T> {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: JSON.stringify(body),
  });
  return (await response.json()) as T;
}

export async function runIngestBench(batchesPerClient = 40): Promise<string[]> {
  const baseUrl = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const suffix = randomBytes(4).toString('hex');
  const dbName = `sago_bench_ingest_${suffix}`;
  const appRole = `sago_bench_api_${suffix}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(baseUrl);
  url.pathname = `/${dbName}`;
  const database = {
    kind: 'postgres' as const,
    url: url.toString(),
    appRole,
    appPassword: randomBytes(12).toString('hex'),
    poolSize: 10,
  };
  const lines: string[] = [];
  try {
    const server = await startServer(
      {
        database,
        host: '127.0.0.1',
        port: 0,
        logLevel: 'warn',
        trustProxy: false,
        authLimits: { maxFailures: 20, windowMs: 60_000 },
      },
      { level: 'warn' },
    );
    try {
      const owner = await openOwnerConnection(database);
      const { adminKey } = await createOrganisation(owner, 'Bench').finally(() => owner.close());
      const store = await api<{ id: string }>(server.url, '/v1/admin/stores', adminKey, {
        code: '0001',
        name: 'Bench',
      });
      const tokens: string[] = [];
      for (let i = 0; i < CONCURRENT_CLIENTS; i++) {
        const { code } = await api<{ code: string }>(server.url, '/v1/admin/enrolment-codes', adminKey, {
          storeId: store.id,
          registerName: `caja-${i}`,
        });
        tokens.push((await api<{ token: string }>(server.url, '/v1/enrol', undefined, { code })).token);
      }
      const [{ server_version: version, synchronous_commit: syncCommit }] = (
        await admin.query(
          "SELECT current_setting('server_version') AS server_version, current_setting('synchronous_commit') AS synchronous_commit",
        )
      ).rows as [{ server_version: string; synchronous_commit: string }];
      lines.push(
        `Sync API ingest (node ${process.version}, PostgreSQL ${version} at ${url.host}, synchronous_commit=${syncCommit}, API pool ${database.poolSize}, HTTP over loopback)`,
      );
      lines.push(
        `  batches of ${SYNC_BATCH_MAX} events (half audit entries, half status snapshots), ${WARMUP_BATCHES} warm-up batches unmeasured`,
      );
      const cpu = () => startCpuReading(admin, dbName);
      await run(server.url, [tokens[0]!], WARMUP_BATCHES, cpu);
      const one = await run(server.url, [tokens[0]!], batchesPerClient, cpu);
      const many = await run(server.url, tokens, batchesPerClient, cpu);
      const [loadAverage] = loadavg();
      lines.push(`  load average ${loadAverage!.toFixed(1)} on ${availableParallelism()} cores when done`);
      for (const [label, r, before] of [
        ['1 register, back to back', one, BEFORE.one],
        [`${CONCURRENT_CLIENTS} registers at once`, many, BEFORE.many],
      ] as const) {
        const pgCpu = r.postgresMsPer1000 === null ? 'unknown' : fmt(r.postgresMsPer1000);
        lines.push(
          `  ${label.padEnd(26)} ${String(r.n).padStart(4)} batches  p50 ${fmt(r.p50)}  p99 ${fmt(r.p99)}  ${r.eventsPerSec.toFixed(0).padStart(6)} events/s (${(r.eventsPerSec / before.eventsPerSec).toFixed(2)}x before)`,
        );
        lines.push(
          `  ${''.padEnd(26)} CPU per 1 000 events: API process ${fmt(r.processMsPer1000)}, PostgreSQL ${pgCpu}`,
        );
      }
      lines.push(
        `  Target ≥ ${TARGET_EVENTS_PER_SEC} events/s with ${CONCURRENT_CLIENTS} registers: ${many.eventsPerSec >= TARGET_EVENTS_PER_SEC ? 'met' : 'NOT met'} (${many.eventsPerSec.toFixed(0)} events/s, ${(many.eventsPerSec / TARGET_EVENTS_PER_SEC).toFixed(2)}x the target)`,
      );
    } finally {
      await server.close();
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.query(`DROP ROLE IF EXISTS ${appRole}`);
    await admin.end();
  }
  return lines;
}
