// Ingest throughput of the central sync API: batches of 500 events pushed over HTTP (loopback) into PostgreSQL, as
// registers do, through the whole path (auth lookup, zod check of every event, RLS-scoped bulk insert, projection).
// One register pushing back to back, then several pushing at once. A fresh database and API role are created on
// DATABASE_URL's server (default the local PostgreSQL) and dropped at the end. Besides events/s and batch latency
// (wall clock), the CPU the API process and PostgreSQL spent per 1 000 events is printed: on a machine shared with
// other work it is the figure that compares two designs. The registers run in a child process (ingest-clients.ts), so
// the API process's figure is the server's alone; theirs is printed apart.
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { SYNC_BATCH_MAX } from '../src/shared/sync/batch';
import { openOwnerConnection } from '../src/server/db/owner-connection';
import { startServer } from '../src/server/server';
import { createOrganisation } from '../src/server/tenancy/organisations';
import { startCpuReading } from './process-cpu';
import type { ClientAnswer, ClientCommand } from './ingest-clients';
import { fmt, stats } from './stats';

const WARMUP_BATCHES = 5;
const CONCURRENT_CLIENTS = 4;
/** Issue 17's target, with 4 registers pushing at once. */
const TARGET_EVENTS_PER_SEC = 50_000;
/**
 * Measured at e2415ac (one statement, decision 0026; the ownership and chain lookups still planned as joins), with this
 * bench (registers in their own process) on this machine, 2 cores shared with other work, load average 13; decision
 * 0032. CPU is the API process's plus PostgreSQL's, per 1 000 events: the figure to compare across runs.
 */
const BEFORE = {
  one: { eventsPerSec: 8_213, cpuMsPer1000: 23.0 + 29.0 },
  many: { eventsPerSec: 14_888, cpuMsPer1000: 18.7 + 37.0 },
};

/** The registers' process (bench/ingest-clients.ts): one command at a time, one answer each. */
function startClients(): { ask(command: ClientCommand): Promise<ClientAnswer>; stop(): Promise<void> } {
  const child = fork(join(import.meta.dirname, 'ingest-clients.ts'), [], { execArgv: ['--import', 'tsx'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    ask: (command) =>
      new Promise((resolve, reject) => {
        child.once('message', (answer: ClientAnswer) =>
          answer.type === 'failed' ? reject(new Error(answer.message)) : resolve(answer),
        );
        child.send(command);
      }),
    async stop() {
      if (child.connected) child.send({ type: 'exit' });
      await exited;
    },
  };
}

type Clients = ReturnType<typeof startClients>;
type CpuReading = () => Promise<() => Promise<{ processMs: number; postgresMs: number | null }>>;

/** Each client is one register pushing its own pre-built batches back to back; CPU is read around the pushes only. */
async function run(clients: Clients, url: string, tokens: string[], batchesPerClient: number, cpu: CpuReading) {
  await clients.ask({ type: 'prepare', url, tokens, batchesPerClient });
  const stop = await cpu();
  const answer = await clients.ask({ type: 'go' });
  const spent = await stop();
  if (answer.type !== 'done') throw new Error(`unexpected answer ${answer.type}`);
  const s = stats(answer.samples, answer.wallMs);
  const thousands = (answer.samples.length * SYNC_BATCH_MAX) / 1000;
  return {
    ...s,
    eventsPerSec: (answer.samples.length * SYNC_BATCH_MAX * 1000) / answer.wallMs,
    processMsPer1000: spent.processMs / thousands,
    postgresMsPer1000: spent.postgresMs === null ? null : spent.postgresMs / thousands,
    clientsMsPer1000: answer.cpuMs / thousands,
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

/** The first three fields of /proc/loadavg (1, 5 and 15 minutes); "unknown" where there is none. */
function loadAverage(): string {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return 'unknown';
  }
}

/**
 * The server's CPU (API + PostgreSQL) per 1 000 events, and the rate it would allow on two cores doing nothing else:
 * what the wall clock would show on a dedicated machine like this one.
 */
function serverCpu(
  r: { processMsPer1000: number; postgresMsPer1000: number | null },
  before: { cpuMsPer1000: number },
): string {
  if (r.postgresMsPer1000 === null) return '';
  const total = r.processMsPer1000 + r.postgresMsPer1000;
  const ceiling = ((2 * 1_000_000) / total).toFixed(0);
  return ` = ${fmt(total)} (${(total / before.cpuMsPer1000).toFixed(2)}x before; at most ${ceiling} events/s on 2 dedicated cores)`;
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
      const loadBefore = loadAverage();
      const clients = startClients();
      const { one, many } = await (async () => {
        await run(clients, server.url, [tokens[0]!], WARMUP_BATCHES, cpu);
        const one = await run(clients, server.url, [tokens[0]!], batchesPerClient, cpu);
        return { one, many: await run(clients, server.url, tokens, batchesPerClient, cpu) };
      })().finally(() => clients.stop());
      lines.push(`  /proc/loadavg ${loadBefore} before, ${loadAverage()} after, ${availableParallelism()} cores`);
      for (const [label, r, before] of [
        ['1 register, back to back', one, BEFORE.one],
        [`${CONCURRENT_CLIENTS} registers at once`, many, BEFORE.many],
      ] as const) {
        const pgCpu = r.postgresMsPer1000 === null ? 'unknown' : fmt(r.postgresMsPer1000);
        lines.push(
          `  ${label.padEnd(26)} ${String(r.n).padStart(4)} batches  p50 ${fmt(r.p50)}  p99 ${fmt(r.p99)}  ${r.eventsPerSec.toFixed(0).padStart(6)} events/s (${(r.eventsPerSec / before.eventsPerSec).toFixed(2)}x before)`,
        );
        lines.push(
          `  ${''.padEnd(26)} CPU per 1 000 events: API process ${fmt(r.processMsPer1000)}, PostgreSQL ${pgCpu}${serverCpu(r, before)}; registers' process ${fmt(r.clientsMsPer1000)}`,
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
