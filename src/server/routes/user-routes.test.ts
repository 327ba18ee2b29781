// Console users over real PostgreSQL: owners manage users, accountants only read (refused on every write route by
// the guard, writing nothing), sign-in and sign-out, disabling ends sessions at once, passwords never stored or
// logged in clear, and a user's token is confined to its organisation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  startSyncTestServer,
  type EnrolledRegister,
  type SyncTestServer,
  type Tenant,
} from '../../../tests/fixtures/pg-test-db';

let kit: SyncTestServer;
let a: Tenant;
let b: Tenant;
let till: EnrolledRegister;
const ACCOUNTANT_PASSWORD = 'contraseña-de-la-contadora-1';
const OWNER_PASSWORD = 'contraseña-del-dueño-00001';

interface SignedIn {
  token: string;
  role: string;
  login: string;
  expiresAt: string;
}
const signIn = (organisationId: string, login: string, password: string) =>
  api<SignedIn & { error?: string }>(kit.url, '/v1/auth/sign-in', { body: { organisationId, login, password } });
const rows = async (table: string) =>
  Number((await kit.superQuery<{ n: string }>(`select count(*)::text as n from ${table}`))[0]?.n);

beforeAll(async () => {
  kit = await startSyncTestServer();
  a = await kit.createTenant('Org A');
  b = await kit.createTenant('Org B');
  till = await kit.enrolRegister(a, '0001', 'Caja 1');
  await kit.enrolRegister(b, '0009', 'Caja B');
  for (const [login, password, role] of [
    ['contadora', ACCOUNTANT_PASSWORD, 'accountant'],
    ['dueno', OWNER_PASSWORD, 'owner'],
  ]) {
    const created = await api(kit.url, '/v1/admin/users', { bearer: a.adminKey, body: { login, password, role } });
    expect(created.status).toBe(201);
  }
});

afterAll(async () => {
  await kit?.close();
});

describe('console users', () => {
  it('refuses a taken login, a short password, an unknown role, and keeps only a slow hash', async () => {
    expect(
      (
        await api<{ error: string }>(kit.url, '/v1/admin/users', {
          bearer: a.adminKey,
          body: { login: 'CONTADORA', password: 'x'.repeat(12), role: 'owner' },
        })
      ).body.error,
    ).toBe('login_taken');
    expect(
      (
        await api(kit.url, '/v1/admin/users', {
          bearer: a.adminKey,
          body: { login: 'otra', password: 'corta', role: 'owner' },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await api(kit.url, '/v1/admin/users', {
          bearer: a.adminKey,
          body: { login: 'otra', password: 'x'.repeat(12), role: 'admin' },
        })
      ).status,
    ).toBe(400);
    const stored = await kit.superQuery<{ password_hash: string }>('select password_hash from console_users');
    expect(stored).toHaveLength(2);
    for (const row of stored) expect(row.password_hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(JSON.stringify(stored)).not.toContain(ACCOUNTANT_PASSWORD);
    const listed = await api<{ items: { login: string; role: string }[] }>(kit.url, '/v1/admin/users', {
      bearer: a.adminKey,
    });
    expect(listed.body.items.map((u) => [u.login, u.role])).toEqual([
      ['contadora', 'accountant'],
      ['dueno', 'owner'],
    ]);
  });

  it('signs in with login and password only: wrong password, unknown login or another organisation is 401', async () => {
    expect((await signIn(a.orgId, 'contadora', 'mal')).status).toBe(401);
    expect((await signIn(a.orgId, 'nadie', ACCOUNTANT_PASSWORD)).status).toBe(401);
    expect((await signIn(b.orgId, 'contadora', ACCOUNTANT_PASSWORD)).status).toBe(401);
    expect((await signIn('not-a-uuid', 'contadora', ACCOUNTANT_PASSWORD)).status).toBe(400);
    expect((await signIn(a.orgId, 'conta\u0000dora', ACCOUNTANT_PASSWORD)).status).toBe(400); // was a 500 (fuzz)
    const ok = await signIn(a.orgId, ' Contadora ', ACCOUNTANT_PASSWORD);
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ role: 'accountant', login: 'contadora' });
    expect(ok.body.token).toMatch(new RegExp(`^sgu\\.${a.orgId}\\.`));
  });

  it('an accountant reads everything and writes nothing: every write route is 403 and stores no row', async () => {
    const { token } = (await signIn(a.orgId, 'contadora', ACCOUNTANT_PASSWORD)).body;
    for (const path of [
      '/v1/documents',
      '/v1/audit',
      '/v1/audit/chain',
      '/v1/stores/summary',
      '/v1/admin/stores',
      '/v1/admin/devices',
      '/v1/registers/status',
      '/v1/sales',
      '/v1/admin/users',
      '/v1/admin/point-claims',
      '/v1/auth/me',
    ]) {
      expect({ path, status: (await api(kit.url, path, { bearer: token })).status }).toEqual({ path, status: 200 });
    }
    const before = (await rows('stores')) + (await rows('enrolment_codes')) + (await rows('console_users'));
    const writes: [string, unknown][] = [
      ['/v1/admin/stores', { code: '0002', name: 'Nueva' }],
      ['/v1/admin/enrolment-codes', { storeId: till.storeId, registerName: 'Caja 9' }],
      [`/v1/admin/devices/${till.deviceId}/revoke`, {}],
      ['/v1/admin/users', { login: 'intrusa', password: 'x'.repeat(12), role: 'owner' }],
      ['/v1/admin/point-claims/release', { codigoSucursal: '0001', puntoFacturacion: '001' }],
    ];
    for (const [path, body] of writes) {
      const answer = await api<{ error: string }>(kit.url, path, { bearer: token, body });
      expect({ path, status: answer.status, error: answer.body.error }).toEqual({
        path,
        status: 403,
        error: 'read_only',
      });
    }
    expect((await rows('stores')) + (await rows('enrolment_codes')) + (await rows('console_users'))).toBe(before);
    expect(
      (
        await kit.superQuery<{ revoked_at: string | null }>('select revoked_at from devices where id = $1', [
          till.deviceId,
        ])
      )[0]?.revoked_at,
    ).toBeNull();
    expect((await api<{ role: string }>(kit.url, '/v1/auth/me', { bearer: token })).body.role).toBe('accountant');
  });

  it('an owner user may write; a user token sees its own organisation only', async () => {
    const { token } = (await signIn(a.orgId, 'dueno', OWNER_PASSWORD)).body;
    expect(
      (await api(kit.url, '/v1/admin/stores', { bearer: token, body: { code: '0003', name: 'Tienda del dueño' } }))
        .status,
    ).toBe(201);
    const stores = await api<{ items: { code: string }[] }>(kit.url, '/v1/admin/stores', { bearer: token });
    expect(stores.body.items.map((s) => s.code)).toEqual(['0001', '0003']);
    // A device token is not a console credential, nor the other way round.
    expect((await api(kit.url, '/v1/admin/stores', { bearer: till.token })).status).toBe(401);
    expect((await api(kit.url, '/v1/sync/events', { bearer: token, body: { events: [] } })).status).toBe(401);
  });

  it('sign-out and disabling end sessions at once', async () => {
    const first = (await signIn(a.orgId, 'contadora', ACCOUNTANT_PASSWORD)).body.token;
    const second = (await signIn(a.orgId, 'contadora', ACCOUNTANT_PASSWORD)).body.token;
    expect((await api(kit.url, '/v1/auth/sign-out', { bearer: first, body: {} })).status).toBe(200);
    expect((await api(kit.url, '/v1/sales', { bearer: first })).status).toBe(401);
    expect((await api(kit.url, '/v1/sales', { bearer: second })).status).toBe(200);
    const users = await api<{ items: { id: string; login: string }[] }>(kit.url, '/v1/admin/users', {
      bearer: a.adminKey,
    });
    const accountant = users.body.items.find((u) => u.login === 'contadora')!;
    // Another organisation's owner cannot disable her (404, nothing changed).
    expect(
      (await api(kit.url, `/v1/admin/users/${accountant.id}/disable`, { bearer: b.adminKey, body: {} })).status,
    ).toBe(404);
    expect((await api(kit.url, '/v1/sales', { bearer: second })).status).toBe(200);
    expect(
      (await api(kit.url, `/v1/admin/users/${accountant.id}/disable`, { bearer: a.adminKey, body: {} })).status,
    ).toBe(200);
    expect((await api(kit.url, '/v1/sales', { bearer: second })).status).toBe(401);
    expect((await signIn(a.orgId, 'contadora', ACCOUNTANT_PASSWORD)).status).toBe(401);
  });

  it('never logs a password or a session token', async () => {
    const { token } = (await signIn(a.orgId, 'dueno', OWNER_PASSWORD)).body;
    await signIn(a.orgId, 'dueno', `${OWNER_PASSWORD}-mal`);
    const logs = kit.logs.join('\n');
    expect(logs).toContain('console sign-in failed');
    for (const secret of [OWNER_PASSWORD, ACCOUNTANT_PASSWORD, token]) expect(logs).not.toContain(secret);
  });
});
