// The event tables' device reference without per-row foreign keys (decision 0035, pg migration 0008): a statement
// that names a register the organisation does not have is refused whole (SQLSTATE 23503, nothing stored), whether it
// comes through the ingest statement or a plain insert or update; a register that events name cannot be deleted or
// re-keyed; and a register whose events are being inserted is locked against deletion until they commit.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditChain } from '../../../tests/fixtures/audit-chain-events';
import { startSyncTestServer, type SyncTestServer } from '../../../tests/fixtures/pg-test-db';
import type { AuditEvent, DocumentStatusEvent } from '../../shared/sync/events';
import { storeEvents, type DeviceRef } from '../ingest/store-events';
import { sqlStateOf } from './sql-error';
import { openTenantDatabase, rowsOf, type TenantDatabase } from './tenant-db';

let kit: SyncTestServer;
let db: TenantDatabase;
let tillA: DeviceRef;
let tillB: DeviceRef;
let seq = 0;

/** One sale of `who`: its capture audit entry and its QUEUED snapshot. */
function sale(): { audit: AuditEvent[]; statuses: DocumentStatusEvent[] } {
  const documentId = randomUUID();
  const at = '2026-12-06T03:00:00.000Z';
  return {
    audit: [
      {
        eventId: randomUUID(),
        seq: ++seq,
        kind: 'audit',
        payload: auditChain(seq).next({ at, documentId, details: { total: '2.50' } }),
      },
    ],
    statuses: [
      {
        eventId: randomUUID(),
        seq: ++seq,
        kind: 'document_status',
        payload: { documentId, status: 'QUEUED', at, total: '2.50' },
      },
    ],
  };
}

async function stateOfFailure(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    return sqlStateOf(error) ?? String(error);
  }
  return 'stored';
}

/** Rows of the three event tables that name `deviceId` (superuser: every tenant). */
async function rowsNaming(deviceId: string): Promise<number> {
  const [row] = await kit.superQuery<{ n: number }>(
    `select (select count(*) from audit_entries where device_id = $1) + (select count(*) from document_events
       where device_id = $1) + (select count(*) from documents where device_id = $1) as n`,
    [deviceId],
  );
  return Number(row!.n);
}

beforeAll(async () => {
  kit = await startSyncTestServer();
  const a = await kit.createTenant('Super A');
  const b = await kit.createTenant('Super B');
  const registerA = await kit.enrolRegister(a, '0001');
  const registerB = await kit.enrolRegister(b, '0001');
  tillA = { orgId: a.orgId, deviceId: registerA.deviceId, storeId: registerA.storeId };
  tillB = { orgId: b.orgId, deviceId: registerB.deviceId, storeId: registerB.storeId };
  db = await openTenantDatabase(kit.database.config);
});

afterAll(async () => {
  await db?.close();
  await kit?.close();
});

describe('device reference checked once per statement', () => {
  it('stores a register’s own events', async () => {
    const { audit, statuses } = sale();
    const stored = await db.withTenant(tillA.orgId, (tx) => storeEvents(tx, tillA, audit, statuses));
    expect({ fresh: stored.fresh.length, statuses: stored.statuses }).toEqual({ fresh: 1, statuses: 1 });
  });

  it('refuses the ingest statement for a register of another organisation or an unknown one, storing nothing', async () => {
    const unknown = randomUUID();
    for (const deviceId of [tillB.deviceId, unknown]) {
      const forged: DeviceRef = { ...tillA, deviceId };
      const { audit, statuses } = sale();
      const state = await stateOfFailure(db.withTenant(tillA.orgId, (tx) => storeEvents(tx, forged, audit, statuses)));
      expect(state).toBe('23503');
      expect(await rowsNaming(deviceId)).toBe(0);
    }
    // Another organisation's id with its own register, from A's transaction: row-level security refuses it.
    const { audit, statuses } = sale();
    expect(await stateOfFailure(db.withTenant(tillA.orgId, (tx) => storeEvents(tx, tillB, audit, statuses)))).toBe(
      '42501',
    );
    expect(await rowsNaming(tillB.deviceId)).toBe(0);
  });

  it('refuses a plain insert or update naming a foreign register, the whole statement', async () => {
    const insertBoth = sql`insert into audit_entries (org_id, event_id, device_id, store_id, seq, at, actor, action, details)
      values (${tillA.orgId}::uuid, ${randomUUID()}::uuid, ${tillA.deviceId}::uuid, ${tillA.storeId}::uuid, 1, now(),
              'u', 'a', '{}'),
             (${tillA.orgId}::uuid, ${randomUUID()}::uuid, ${tillB.deviceId}::uuid, ${tillA.storeId}::uuid, 2, now(),
              'u', 'a', '{}')`;
    const before = await rowsNaming(tillA.deviceId);
    expect(await stateOfFailure(db.withTenant(tillA.orgId, (tx) => tx.execute(insertBoth)))).toBe('23503');
    expect(await rowsNaming(tillA.deviceId)).toBe(before);
    const moveDocuments = sql`update documents set device_id = ${tillB.deviceId}::uuid`;
    expect(await stateOfFailure(db.withTenant(tillA.orgId, (tx) => tx.execute(moveDocuments)))).toBe('23503');
    const moved = await db.withTenant(tillA.orgId, (tx) =>
      rowsOf<{ n: number }>(
        tx,
        sql`select count(*)::int as n from documents where device_id <> ${tillA.deviceId}::uuid`,
      ),
    );
    expect(moved).toEqual([{ n: 0 }]);
  });

  it('keeps a register that events name: no delete, no new id', async () => {
    expect(await rowsNaming(tillA.deviceId)).toBeGreaterThan(0);
    const del = kit.superQuery('delete from devices where id = $1', [tillA.deviceId]);
    expect(await stateOfFailure(del)).toBe('23503');
    const rekey = kit.superQuery('update devices set id = gen_random_uuid() where id = $1', [tillA.deviceId]);
    expect(await stateOfFailure(rekey)).toBe('23503');
    // Touching another column (what ingest does with last_seen_at) is not a re-key.
    await kit.superQuery('update devices set name = name where id = $1', [tillA.deviceId]);
  });

  it('locks the register while its events are being stored, as the foreign key did', async () => {
    const tenant = await kit.createTenant('Super C');
    const registerC = await kit.enrolRegister(tenant, '0001');
    const tillC: DeviceRef = { orgId: tenant.orgId, deviceId: registerC.deviceId, storeId: registerC.storeId };
    const deleter = new pg.Client({ connectionString: kit.database.url });
    await deleter.connect();
    try {
      // The insert is not committed yet, so a delete would find no row naming the register; the lock must hold it.
      // A plain insert: the ingest statement also touches the register's last_seen_at, a row lock of its own.
      const state = await db.withTenant(tillC.orgId, async (tx) => {
        await tx.execute(sql`insert into audit_entries (org_id, event_id, device_id, store_id, seq, at, actor, action,
          details) values (${tillC.orgId}::uuid, ${randomUUID()}::uuid, ${tillC.deviceId}::uuid,
          ${tillC.storeId}::uuid, 1, now(), 'u', 'a', '{}')`);
        await deleter.query("set lock_timeout = '200ms'");
        return stateOfFailure(deleter.query('delete from devices where id = $1', [tillC.deviceId]));
      });
      expect(state).toBe('55P03'); // lock_not_available: the deleter had to wait for the inserting transaction
      expect(await rowsNaming(tillC.deviceId)).toBe(1);
    } finally {
      await deleter.end();
    }
  });
});
