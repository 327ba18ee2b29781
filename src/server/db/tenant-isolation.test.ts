// Row-level security, proven at the database: queries deliberately WITHOUT an organisation filter, run through the
// API's own connection (its role), see only the organisation set for the transaction, and nothing when none is set.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/fixtures/pg-test-db';
import { createOrganisation } from '../tenancy/organisations';
import { openOwnerConnection } from './owner-connection';
import { assertIsolation, openServerDatabase, IsolationError } from './open-server-database';
import { auditEntries, devices, documents, organisations, stores } from './schema';
import { openTenantDatabase, rowsOf, type TenantDatabase } from './tenant-db';

let testDb: TestDatabase;
let db: TenantDatabase;
const orgs: { orgId: string; storeId: string; deviceId: string }[] = [];

async function seedOrg(name: string, storeCode: string): Promise<void> {
  const owner = await openOwnerConnection(testDb.config);
  try {
    const { orgId } = await createOrganisation(owner, name);
    orgs.push({ orgId, storeId: '', deviceId: '' });
  } finally {
    await owner.close();
  }
  const org = orgs.at(-1)!;
  await db.withTenant(org.orgId, async (tx) => {
    const [store] = await tx
      .insert(stores)
      .values({ orgId: org.orgId, code: storeCode, name })
      .returning({ id: stores.id });
    org.storeId = store!.id;
    const [device] = await tx
      .insert(devices)
      .values({ orgId: org.orgId, storeId: org.storeId, name: 'Caja', tokenHash: `hash-${name}` })
      .returning({ id: devices.id });
    org.deviceId = device!.id;
    await tx.insert(auditEntries).values({
      orgId: org.orgId,
      eventId: crypto.randomUUID(),
      deviceId: org.deviceId,
      storeId: org.storeId,
      seq: 1,
      at: '2026-11-28T10:00:00.000Z',
      actor: 'cajero',
      action: `secret-of-${name}`,
      details: {},
    });
    await tx.insert(documents).values({
      orgId: org.orgId,
      documentId: `doc-${name}`,
      deviceId: org.deviceId,
      storeId: org.storeId,
      status: 'QUEUED',
      statusAt: '2026-11-28T10:00:00.000Z',
      statusSeq: 1,
      issuedAt: '2026-11-28T10:00:00.000Z',
    });
  });
}

/** PostgreSQL's own message (drizzle wraps it as the cause of "Failed query"). */
async function failure(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? cause.message : String(error);
  }
  return 'no error';
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = await openServerDatabase(testDb.config);
  await seedOrg('A', '0001');
  await seedOrg('B', '0002');
});

afterAll(async () => {
  await db?.close();
  await testDb?.drop();
});

describe('row-level security through the API role', () => {
  it('an unfiltered query sees only the organisation of its transaction', async () => {
    const [a, b] = orgs;
    const seenByA = await db.withTenant(a!.orgId, (tx) =>
      tx.select({ action: auditEntries.action, orgId: auditEntries.orgId }).from(auditEntries),
    );
    expect(seenByA).toEqual([{ action: 'secret-of-A', orgId: a!.orgId }]);
    const docsByB = await db.withTenant(b!.orgId, (tx) => tx.select({ id: documents.documentId }).from(documents));
    expect(docsByB).toEqual([{ id: 'doc-B' }]);
    const orgsByA = await db.withTenant(a!.orgId, (tx) => tx.select({ id: organisations.id }).from(organisations));
    expect(orgsByA).toEqual([{ id: a!.orgId }]);
    // The same unfiltered query in raw SQL, and a deliberate "org_id = B" filter from A's transaction: nothing of B.
    const raw = await db.withTenant(a!.orgId, (tx) =>
      rowsOf<{ n: number }>(tx, sql`select count(*)::int as n from audit_entries`),
    );
    expect(raw).toEqual([{ n: 1 }]);
    const aimedAtB = await db.withTenant(a!.orgId, (tx) =>
      rowsOf(tx, sql`select * from documents where org_id = ${b!.orgId}::uuid`),
    );
    expect(aimedAtB).toEqual([]);
  });

  it('without an organisation set, tenant tables look empty', async () => {
    const rows = await db.unscoped((d) => d.select().from(auditEntries));
    expect(rows).toEqual([]);
    const stillEmpty = await db.unscoped((d) => rowsOf(d, sql`select * from documents`));
    expect(stillEmpty).toEqual([]);
  });

  it('refuses to write a row into another organisation, and to update across tenants', async () => {
    const [a, b] = orgs;
    expect(
      await failure(
        db.withTenant(a!.orgId, (tx) => tx.insert(stores).values({ orgId: b!.orgId, code: '0099', name: 'forged' })),
      ),
    ).toMatch(/violates row-level security policy/);
    const updated = await db.withTenant(a!.orgId, (tx) =>
      tx.update(documents).set({ status: 'ANNULLED' }).returning({ id: documents.documentId }),
    );
    expect(updated).toEqual([{ id: 'doc-A' }]);
    const [docB] = await db.withTenant(b!.orgId, (tx) => tx.select({ status: documents.status }).from(documents));
    expect(docB).toEqual({ status: 'QUEUED' });
  });

  it('cannot escape: no role switch, no superuser, audit history append-only', async () => {
    const [a] = orgs;
    expect(await failure(db.withTenant(a!.orgId, (tx) => tx.execute(sql`set local role postgres`)))).toMatch(
      /permission denied/,
    );
    expect(await failure(db.withTenant(a!.orgId, (tx) => tx.delete(auditEntries)))).toMatch(/permission denied/);
    expect(await failure(db.withTenant(a!.orgId, (tx) => tx.update(auditEntries).set({ action: 'x' })))).toMatch(
      /permission denied/,
    );
    const [role] = await db.unscoped((d) =>
      rowsOf<{ u: string; su: boolean; bypass: boolean }>(
        d,
        sql`select current_user as u, rolsuper as su, rolbypassrls as bypass from pg_roles where rolname = current_user`,
      ),
    );
    expect(role).toEqual({ u: testDb.appRole, su: false, bypass: false });
  });

  it('refuses a malformed organisation id before touching the database', async () => {
    await expect(db.withTenant("x' or '1'='1", () => Promise.resolve(1))).rejects.toThrow(/UUID/);
  });

  it('the start-up check rejects a privileged role and an unforced table', async () => {
    const superPassword = decodeURIComponent(new URL(testDb.url).password);
    const asSuperuser = await openTenantDatabase({
      kind: 'postgres',
      url: testDb.url,
      appRole: 'postgres',
      ...(superPassword ? { appPassword: superPassword } : {}),
    });
    try {
      await expect(asSuperuser.unscoped(assertIsolation)).rejects.toThrow(IsolationError);
    } finally {
      await asSuperuser.close();
    }
    const owner = await openOwnerConnection(testDb.config);
    try {
      await owner.exec('ALTER TABLE documents NO FORCE ROW LEVEL SECURITY');
      await expect(db.unscoped(assertIsolation)).rejects.toThrow(/documents/);
      await owner.exec('ALTER TABLE documents FORCE ROW LEVEL SECURITY');
      await expect(db.unscoped(assertIsolation)).resolves.toBeUndefined();
    } finally {
      await owner.close();
    }
  });
});
