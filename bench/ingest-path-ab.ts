// Same-run A/B of the central ingest path (decision 0042): `npm run bench -- --ingest-path-ab [--batches N]`.
//   before  main at cc8b96b: the device token looked up in a tenant transaction of its own (BEGIN, set the
//           organisation, select, COMMIT) and the rows sent as JSON (json_to_recordset): 8 round trips per batch;
//   after   the token looked up by sago_device_by_token in one statement (pg migration 0009): 5 round trips (this
//           branch);
//   columns after, and the rows sent as one array per column (unnest, ingest-rows.ts): measured, not taken.
// Both run what the API runs after the HTTP layer (token lookup, body JSON.parse, event checks, store, chain re-hash),
// called directly in this process, against one throw-away database: each way with its own registers, rounds
// alternated (the order rotated each round) for 1 register and then 4 pushing at once, so the machine's load weighs on
// both alike. Figures: events/s and p99 batch latency (wall clock), and the CPU of this process and of the database's
// PostgreSQL backends per 1 000 events (/proc, 10 ms ticks). The batches are built before each measured round.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { and, eq, isNull } from 'drizzle-orm';
import pg from 'pg';
import { auditChain } from '../tests/fixtures/audit-chain-events';
import { PG_ADMIN_URL, startSyncTestServer } from '../tests/fixtures/pg-test-db';
import { hashCredential } from '../src/server/auth/credential-secrets';
import { resolvePrincipal } from '../src/server/auth/principal';
import { devices } from '../src/server/db/schema';
import { openTenantDatabase, type TenantDatabase } from '../src/server/db/tenant-db';
import { ingestBatch } from '../src/server/ingest/ingest-batch';
import type { DeviceRef } from '../src/server/ingest/store-events';
import { parseCredential } from '../src/shared/sync/credentials';
import { startCpuReading } from './process-cpu';
import { fmt, stats } from './stats';

const SALES_PER_BATCH = 125; // 4 events each: 500, the batch registers send
const REGISTERS = 4;
const WARMUP_BATCHES = 8; // per register: past the plan cache's 5 custom plans on most pool connections
const ROUNDS = 6; // a multiple of the ways, so each way comes first, second and third alike

const WAYS = ['before', 'after', 'columns'] as const;
type WayName = (typeof WAYS)[number];

interface Register {
  token: string;
  trail: ReturnType<typeof auditChain>;
  seq: number;
}

/** main's device lookup (cc8b96b, src/server/auth/principal.ts): a tenant transaction, four round trips. */
async function deviceBefore(db: TenantDatabase, raw: string): Promise<DeviceRef | undefined> {
  const claimed = parseCredential(raw);
  if (claimed?.kind !== 'device') return undefined;
  const hash = hashCredential(raw);
  return db.withTenant(claimed.orgId, async (tx) => {
    const [device] = await tx
      .select({ id: devices.id, storeId: devices.storeId })
      .from(devices)
      .where(and(eq(devices.tokenHash, hash), isNull(devices.revokedAt)))
      .limit(1);
    return device && { orgId: claimed.orgId, deviceId: device.id, storeId: device.storeId };
  });
}

/** This branch's device lookup (what the guard calls): sago_device_by_token, one round trip. */
async function deviceAfter(db: TenantDatabase, raw: string): Promise<DeviceRef | undefined> {
  const principal = await resolvePrincipal(db, raw, 'device');
  return principal?.kind === 'device' ? principal : undefined;
}

/** One request's work after HTTP: token, body, checks, store. Throws unless all 500 events were stored. */
async function push(db: TenantDatabase, way: WayName, token: string, body: string): Promise<void> {
  const who = way === 'before' ? await deviceBefore(db, token) : await deviceAfter(db, token);
  if (!who) throw new Error('bench token refused');
  const { events } = JSON.parse(body) as { events: unknown[] };
  const answer = await ingestBatch(db, who, events, way === 'columns' ? 'columns' : 'json');
  if (answer.stored !== events.length) throw new Error(`stored ${answer.stored} of ${events.length}`);
}

/** A register's next batch as the JSON body it would send: per sale, capture and authorisation, entry and status. */
function nextBody(register: Register): string {
  const events: unknown[] = [];
  for (let i = 0; i < SALES_PER_BATCH; i++) {
    const documentId = randomUUID();
    const at = new Date().toISOString();
    const total = `${1 + (register.seq % 500)}.25`;
    const details = { tipoDocumento: '01', numero: register.seq, tipoEmision: '01', total };
    const captured = register.trail.next({ at, action: 'sale.captured', documentId, details });
    events.push({ eventId: randomUUID(), seq: ++register.seq, kind: 'audit', payload: captured });
    const queued = {
      documentId,
      status: 'QUEUED',
      at,
      tipoDocumento: '01',
      numero: register.seq,
      tipoEmision: '01',
      total,
    };
    events.push({ eventId: randomUUID(), seq: ++register.seq, kind: 'document_status', payload: queued });
    const authorised = register.trail.next({
      at,
      action: 'document.authorized',
      documentId,
      details: { codigo: '200' },
    });
    events.push({ eventId: randomUUID(), seq: ++register.seq, kind: 'audit', payload: authorised });
    const done = { documentId, status: 'AUTHORIZED', from: 'PROCESSING', at };
    events.push({ eventId: randomUUID(), seq: ++register.seq, kind: 'document_status', payload: done });
  }
  return JSON.stringify({ events });
}

interface RoundResult {
  eventsPerSec: number;
  p99: number;
  apiMsPer1000: number;
  pgMsPer1000: number | null;
}

/** `registers` push `batches` each, back to back, at once; batches are built before the clock starts. */
async function round(
  db: TenantDatabase,
  cpu: () => ReturnType<typeof startCpuReading>,
  way: WayName,
  registers: readonly Register[],
  batches: number,
): Promise<RoundResult> {
  const bodies = registers.map((r) => Array.from({ length: batches }, () => nextBody(r)));
  const samples: number[] = [];
  const stop = await cpu();
  const t0 = performance.now();
  await Promise.all(
    registers.map(async (register, i) => {
      for (const body of bodies[i]!) {
        const b0 = performance.now();
        await push(db, way, register.token, body);
        samples.push(performance.now() - b0);
      }
    }),
  );
  const wallMs = performance.now() - t0;
  const spent = await stop();
  const thousands = (samples.length * SALES_PER_BATCH * 4) / 1000;
  return {
    eventsPerSec: (thousands * 1000 * 1000) / wallMs,
    p99: stats(samples, wallMs).p99,
    apiMsPer1000: spent.processMs / thousands,
    pgMsPer1000: spent.postgresMs === null ? null : spent.postgresMs / thousands,
  };
}

const LOOKUPS = 400; // a way, a round

/** The token lookup alone, main's against this branch's, rounds alternated: server CPU (API + PostgreSQL) per lookup. */
async function lookupsAlone(
  db: TenantDatabase,
  cpu: () => ReturnType<typeof startCpuReading>,
  token: string,
): Promise<string> {
  const spent = { before: [] as number[], after: [] as number[] };
  for (let r = 0; r < ROUNDS; r++) {
    for (const way of r % 2 ? (['after', 'before'] as const) : (['before', 'after'] as const)) {
      const stop = await cpu();
      for (let i = 0; i < LOOKUPS; i++) {
        const who = way === 'before' ? await deviceBefore(db, token) : await deviceAfter(db, token);
        if (!who) throw new Error('bench token refused');
      }
      const { processMs, postgresMs } = await stop();
      spent[way].push((processMs + (postgresMs ?? Number.NaN)) / LOOKUPS);
    }
  }
  const [before, after] = [median(spent.before), median(spent.after)];
  return (
    `  token lookup alone (${LOOKUPS} x ${ROUNDS} a way, alternated): server CPU per lookup, medians ${fmt(before)} -> ` +
    `${fmt(after)} (${(after / before).toFixed(2)}x): ${fmt((before - after) * 2)} less per 1 000 events in batches of 500`
  );
}

const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function runIngestPathAb(batchesPerRegister = 20): Promise<string[]> {
  const kit = await startSyncTestServer();
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  const db = await openTenantDatabase({ ...kit.database.config, poolSize: 10 });
  const lines: string[] = [];
  try {
    const tenant = await kit.createTenant('Bench');
    const registers = {} as Record<WayName, Register[]>;
    for (const way of WAYS) {
      registers[way] = [];
      for (let i = 0; i < REGISTERS; i++) {
        const { token } = await kit.enrolRegister(tenant, '0001', `caja-${way}-${i}`);
        registers[way].push({ token, trail: auditChain(), seq: 0 });
      }
    }
    const cpu = () => startCpuReading(admin, kit.database.name);
    const results: Record<string, RoundResult[]> = {};
    const loadBefore = loadAverage();
    for (const way of WAYS) await round(db, cpu, way, registers[way], WARMUP_BATCHES);
    for (let r = 0; r < ROUNDS; r++) {
      for (const count of [1, REGISTERS]) {
        for (const way of [...WAYS.slice(r % WAYS.length), ...WAYS.slice(0, r % WAYS.length)]) {
          const key = `${way} ${count}`;
          (results[key] ??= []).push(await round(db, cpu, way, registers[way].slice(0, count), batchesPerRegister));
        }
      }
    }
    lines.push(
      `Ingest path A/B (direct calls after HTTP, ${SALES_PER_BATCH * 4} events a batch, ${batchesPerRegister} batches a register a round, ${ROUNDS} rounds alternated; pool 10)`,
    );
    lines.push(await lookupsAlone(db, cpu, registers.before[0]!.token));
    lines.push(`  /proc/loadavg ${loadBefore} before, ${loadAverage()} after`);
    for (const count of [1, REGISTERS]) {
      const cpuOf = (x: RoundResult) => x.apiMsPer1000 + (x.pgMsPer1000 ?? Number.NaN);
      const medianCpu = (way: WayName) => median(results[`${way} ${count}`]!.map(cpuOf));
      for (const way of WAYS) {
        const rs = results[`${way} ${count}`]!;
        lines.push(
          `  ${String(count)} register(s) ${way.padEnd(7)} events/s ${rs.map((x) => x.eventsPerSec.toFixed(0)).join(', ')};` +
            ` p99 ${rs.map((x) => fmt(x.p99)).join(', ')}; CPU / 1 000 events API ${rs.map((x) => fmt(x.apiMsPer1000)).join(', ')}` +
            ` + PG ${rs.map((x) => (x.pgMsPer1000 === null ? '?' : fmt(x.pgMsPer1000))).join(', ')}`,
        );
      }
      const ratio = (way: WayName) => (medianCpu(way) / medianCpu('before')).toFixed(2);
      lines.push(
        `  ${String(count)} register(s): server CPU / 1 000 events, medians before ${fmt(medianCpu('before'))}, after ${fmt(medianCpu('after'))} (${ratio('after')}x), columns ${fmt(medianCpu('columns'))} (${ratio('columns')}x);` +
          ` at most ${((2 * 1_000_000) / medianCpu('after')).toFixed(0)} events/s on 2 dedicated cores`,
      );
    }
  } finally {
    await db.close();
    await admin.end();
    await kit.close();
  }
  return lines;
}
