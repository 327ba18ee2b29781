// The device token's one-round-trip lookup (sago_device_by_token, pg migration 0009, decision 0042) keeps the tenant
// boundary: it is called as the API role, so row-level security decides what it sees. A token only ever yields its own
// organisation's register, never another's (even with the other's organisation id and the right hash); a revoked token
// yields nothing; a caller inside a tenant transaction keeps that transaction's organisation.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startSyncTestServer,
  type EnrolledRegister,
  type SyncTestServer,
  type Tenant,
} from '../../../tests/fixtures/pg-test-db';
import { openTenantDatabase, rowsOf, type TenantDatabase } from '../db/tenant-db';
import { revokeDevice } from '../tenancy/devices';
import { hashCredential } from './credential-secrets';
import { resolvePrincipal } from './principal';

let kit: SyncTestServer;
let db: TenantDatabase;
let a: Tenant;
let b: Tenant;
let registerA: EnrolledRegister;
let registerB: EnrolledRegister;

beforeAll(async () => {
  kit = await startSyncTestServer();
  db = await openTenantDatabase(kit.database.config);
  a = await kit.createTenant('Tienda A');
  b = await kit.createTenant('Tienda B');
  registerA = await kit.enrolRegister(a, '0001');
  registerB = await kit.enrolRegister(b, '0001');
}, 60_000);

afterAll(async () => {
  await db?.close();
  await kit?.close();
});

/** The function called as the API role, outside any transaction of ours (as resolvePrincipal calls it). */
const lookUp = (orgId: string, tokenHash: string) =>
  db.unscoped((runner) =>
    rowsOf<{ org_id: string; device_id: string; store_id: string }>(
      runner,
      sql`select org_id, device_id, store_id from sago_device_by_token(${orgId}::uuid, ${tokenHash})`,
    ),
  );

describe('device token lookup in one statement', () => {
  it('resolves a token to its own register, organisation and store', async () => {
    expect(await resolvePrincipal(db, registerA.token, 'device')).toEqual({
      kind: 'device',
      orgId: a.orgId,
      deviceId: registerA.deviceId,
      storeId: registerA.storeId,
    });
    expect(await lookUp(b.orgId, hashCredential(registerB.token))).toEqual([
      { org_id: b.orgId, device_id: registerB.deviceId, store_id: registerB.storeId },
    ]);
  });

  it("never yields tenant B's register for a lookup scoped to tenant A, even with B's own token hash", async () => {
    expect(await lookUp(a.orgId, hashCredential(registerB.token))).toEqual([]);
    expect(await lookUp(b.orgId, hashCredential(registerA.token))).toEqual([]);
    // B's secret presented as A's credential (the organisation id in the token forged).
    const forged = registerB.token.replace(b.orgId, a.orgId);
    expect(forged).not.toBe(registerB.token);
    expect(await resolvePrincipal(db, forged, 'device')).toBeUndefined();
  });

  it('runs as the caller (row-level security applies), not as the schema owner', async () => {
    const [fn] = await kit.superQuery<{ prosecdef: boolean }>(
      "select prosecdef from pg_proc where proname = 'sago_device_by_token'",
    );
    expect(fn).toEqual({ prosecdef: false });
  });

  it("keeps a calling tenant transaction's organisation", async () => {
    const scope = await db.withTenant(a.orgId, async (tx) => {
      await rowsOf(tx, sql`select * from sago_device_by_token(${b.orgId}::uuid, ${hashCredential(registerB.token)})`);
      return rowsOf<{ org: string }>(tx, sql`select current_setting('app.org_id') as org`);
    });
    expect(scope).toEqual([{ org: a.orgId }]);
  });

  it('yields nothing for a revoked token', async () => {
    const revoked = await kit.enrolRegister(a, '0001', 'Caja revocada');
    expect((await resolvePrincipal(db, revoked.token, 'device'))?.kind).toBe('device');
    expect(await revokeDevice(db, a.orgId, revoked.deviceId)).toBeDefined();
    expect(await resolvePrincipal(db, revoked.token, 'device')).toBeUndefined();
    expect(await lookUp(a.orgId, hashCredential(revoked.token))).toEqual([]);
  });
});
