// Enrolment codes, device tokens and revocation over HTTP; credentials are stored only as hashes and never logged.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startSyncTestServer, type SyncTestServer, type Tenant } from '../../../tests/fixtures/pg-test-db';
import { SYNC_INGEST_PATH } from '../../shared/sync/batch';
import type { EnrolResponse } from '../../shared/sync/enrolment';

let kit: SyncTestServer;
let tenant: Tenant;
let storeId: string;
const handedOut: string[] = [];

async function newCode(registerName = 'Caja 1'): Promise<string> {
  const created = await api<{ code: string; expiresAt: string }>(kit.url, '/v1/admin/enrolment-codes', {
    bearer: tenant.adminKey,
    body: { storeId, registerName },
  });
  expect(created.status).toBe(201);
  handedOut.push(created.body.code);
  return created.body.code;
}

const enrol = (code: string, registerName?: string) =>
  api<EnrolResponse & { error?: string }>(kit.url, '/v1/enrol', {
    body: { code, ...(registerName ? { registerName } : {}) },
  });

const pushOne = (token: string) => api(kit.url, SYNC_INGEST_PATH, { bearer: token, body: { events: [{ bad: true }] } });

beforeAll(async () => {
  kit = await startSyncTestServer();
  tenant = await kit.createTenant('Farmacia Central');
  handedOut.push(tenant.adminKey);
  const store = await api<{ id: string }>(kit.url, '/v1/admin/stores', {
    bearer: tenant.adminKey,
    body: { code: '0001', name: 'Casa matriz' },
  });
  storeId = store.body.id;
});

afterAll(async () => {
  await kit?.close();
});

describe('stores', () => {
  it('refuses a duplicate or malformed branch code, and admin routes without a key', async () => {
    expect(
      (await api(kit.url, '/v1/admin/stores', { bearer: tenant.adminKey, body: { code: '0001', name: 'otra' } }))
        .status,
    ).toBe(409);
    expect(
      (await api(kit.url, '/v1/admin/stores', { bearer: tenant.adminKey, body: { code: '01', name: 'corta' } })).status,
    ).toBe(400);
    expect((await api(kit.url, '/v1/admin/stores', { body: { code: '0003', name: 'sin clave' } })).status).toBe(401);
    const list = await api<{ items: { code: string }[] }>(kit.url, '/v1/admin/stores', { bearer: tenant.adminKey });
    expect(list.body.items.map((s) => s.code)).toEqual(['0001']);
  });
});

describe('enrolment', () => {
  it('exchanges a code once for a device token that works for ingest', async () => {
    const code = await newCode('Caja 1');
    const enrolled = await enrol(code, 'Caja principal');
    expect(enrolled.status).toBe(201);
    handedOut.push(enrolled.body.token);
    expect(enrolled.body).toMatchObject({
      orgId: tenant.orgId,
      storeId,
      storeCode: '0001',
      storeName: 'Casa matriz',
      registerName: 'Caja principal',
    });
    expect(enrolled.body.token).toMatch(/^sgd\./);
    expect((await pushOne(enrolled.body.token)).status).toBe(200);
    const again = await enrol(code);
    expect(again.status).toBe(401);
    expect(again.body.error).toBe('invalid_code');
  });

  it('lets only one of two registers racing with the same code enrol', async () => {
    const code = await newCode();
    const results = await Promise.all([enrol(code), enrol(code), enrol(code)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 401, 401]);
    for (const r of results) if (r.body.token) handedOut.push(r.body.token);
  });

  it('refuses an expired code and one of another shape', async () => {
    const code = await newCode();
    await kit.superQuery("update enrolment_codes set expires_at = now() - interval '1 minute' where code_hash = $1", [
      createHash('sha256').update(code).digest('hex'),
    ]);
    expect((await enrol(code)).status).toBe(401);
    expect((await enrol(tenant.adminKey)).status).toBe(401);
    expect((await enrol('')).status).toBe(400);
  });

  it('revokes a register: its token stops working at once', async () => {
    const enrolled = await enrol(await newCode('Caja 9'));
    handedOut.push(enrolled.body.token);
    const revoke = await api<{ id: string; revokedAt: string }>(
      kit.url,
      `/v1/admin/devices/${enrolled.body.deviceId}/revoke`,
      { method: 'POST', bearer: tenant.adminKey },
    );
    expect(revoke.status).toBe(200);
    expect(revoke.body.id).toBe(enrolled.body.deviceId);
    expect((await pushOne(enrolled.body.token)).status).toBe(401);
    const devices = await api<{ items: { id: string; revokedAt: string | null }[] }>(kit.url, '/v1/admin/devices', {
      bearer: tenant.adminKey,
    });
    expect(devices.body.items.find((d) => d.id === enrolled.body.deviceId)?.revokedAt).toBe(revoke.body.revokedAt);
    expect(
      (await api(kit.url, '/v1/admin/devices/not-a-uuid/revoke', { method: 'POST', bearer: tenant.adminKey })).status,
    ).toBe(404);
  });

  it('stores credentials only as SHA-256 hashes and never logs them', async () => {
    const dump = await kit.superQuery<{ row: string }>(`select t::text as row from (
      select * from admin_keys) t union all select t::text from devices t union all select t::text from enrolment_codes t`);
    const everything = dump.map((r) => r.row).join('\n');
    expect(handedOut.length).toBeGreaterThan(5);
    for (const secret of handedOut) {
      expect(everything).not.toContain(secret);
      expect(everything).toContain(createHash('sha256').update(secret).digest('hex'));
    }
    const logs = kit.logs.join('\n');
    expect(logs).toContain('register enrolled');
    for (const secret of handedOut) expect(logs).not.toContain(secret.split('.')[2]);
  });
});
