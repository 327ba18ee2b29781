// The register's side of billing-point claims against a scripted central server: a claimed point invoices, a point
// the server gives to another device is refused (Spanish, naming the point), and no answer changes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../store/open-database';
import { MemoryKeyProtector } from '../vault/key-protector';
import { MemoryVaultStorage, Vault } from '../vault/vault';
import { claimBillingPoint, ensurePointClaimed, pointClaimGate, readPointClaim } from './claim-point';
import { startStubSyncServer, type StubSyncServer } from './stub-sync-server.fixture';
import { writeSyncConnection } from './sync-settings';

const ORG = '6f1c2b3a-4d5e-4f60-8a71-92b3c4d5e6f7';
const TOKEN = `sgd.${ORG}.device-token-handed-out-once-0123456789`;
const POINT = { codigoSucursal: '0000', puntoFacturacion: '001' };
const BY = { actor: 'gerente-1' };

let stub: StubSyncServer;
let store: OpenedDatabase;
let vault: Vault;
const deps = () => ({ db: store.db, vault, clock: () => new Date('2026-12-05T12:00:00Z') });

beforeEach(async () => {
  stub = await startStubSyncServer();
  store = openDatabase({ path: ':memory:' });
  vault = new Vault(new MemoryVaultStorage(), new MemoryKeyProtector());
});
afterEach(async () => {
  store.close();
  await stub.close();
});

function enrol(): void {
  vault.setSecret('sync.deviceToken', TOKEN);
  writeSyncConnection(store.db, {
    serverUrl: stub.url,
    deviceId: '0b8e3c8a-2f7d-4e61-9a0e-4f6c1d2b3a59',
    orgId: ORG,
    storeId: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
    storeCode: '0001',
    registerName: 'Caja 1',
    enrolledAt: '2026-12-05T11:00:00Z',
  });
}

const auditActions = () =>
  store.sqlite.prepare("SELECT details FROM audit_log WHERE action = 'sync.point_claim'").pluck().all() as string[];

describe('billing point claims', () => {
  it('asks nothing when the register is not enrolled, and invoices', async () => {
    expect(await claimBillingPoint(deps(), POINT, BY)).toEqual({ kind: 'not_enrolled' });
    expect(stub.requests).toEqual([]);
    expect(pointClaimGate(store.db, POINT)).toEqual({ ok: true });
  });

  it('claims the point with the device token and keeps the answer', async () => {
    enrol();
    stub.answer = () => ({ status: 200, body: { claimed: true } });
    expect(await claimBillingPoint(deps(), POINT, BY)).toEqual({ kind: 'claimed' });
    expect(stub.requests[0]).toMatchObject({
      path: '/v1/devices/claim-point',
      authorization: `Bearer ${TOKEN}`,
      json: POINT,
    });
    expect(readPointClaim(store.db)).toMatchObject({ ...POINT, state: 'claimed' });
    expect(pointClaimGate(store.db, POINT)).toEqual({ ok: true });
    expect(await ensurePointClaimed(deps(), POINT, BY)).toEqual({ kind: 'claimed' });
    expect(stub.requests).toHaveLength(1); // already ours: not asked again
  });

  it('refuses invoicing on a point the server gives to another device, with its message, audited', async () => {
    enrol();
    stub.answer = () => ({ status: 409, body: { error: 'point_claimed', message: 'Caja 2 usa este punto' } });
    expect(await claimBillingPoint(deps(), POINT, BY)).toEqual({ kind: 'refused', message: 'Caja 2 usa este punto' });
    const gate = pointClaimGate(store.db, POINT);
    expect(gate).toEqual({
      ok: false,
      message: expect.stringContaining('ya lo usa otra caja (Caja 2 usa este punto)') as unknown,
    });
    expect(pointClaimGate(store.db, { ...POINT, puntoFacturacion: '002' })).toEqual({ ok: true }); // another point is free to try
    expect(auditActions().map((d) => JSON.parse(d) as { state: string })).toEqual([
      expect.objectContaining({ state: 'refused' }),
    ]);
    // Asked again (e.g. at the next start) once the other device let go of it.
    stub.answer = () => ({ status: 200, body: { claimed: true } });
    expect(await ensurePointClaimed(deps(), POINT, BY)).toEqual({ kind: 'claimed' });
    expect(pointClaimGate(store.db, POINT)).toEqual({ ok: true });
  });

  it('changes nothing when the server does not answer clearly', async () => {
    enrol();
    stub.answer = () => ({ status: 503 });
    expect(await claimBillingPoint(deps(), POINT, BY)).toMatchObject({ kind: 'unanswered' });
    stub.answer = () => ({ status: 200, body: { ok: 1 } });
    expect(await claimBillingPoint(deps(), POINT, BY)).toMatchObject({ kind: 'unanswered' });
    expect(readPointClaim(store.db)).toBeUndefined();
    expect(auditActions()).toEqual([]);
  });
});
