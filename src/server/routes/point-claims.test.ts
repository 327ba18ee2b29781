// Billing-point claims over HTTP on the real PostgreSQL: the contract the register side is built against
// (src/shared/sync/point-claim.ts), claims at enrolment, races, other organisations, and head office's release.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  startSyncTestServer,
  type EnrolledRegister,
  type SyncTestServer,
  type Tenant,
} from '../../../tests/fixtures/pg-test-db';
import { POINT_CLAIM_PATH } from '../../shared/sync/point-claim';

let kit: SyncTestServer;
let tenant: Tenant;
let cajaA: EnrolledRegister;
let cajaB: EnrolledRegister;

const claim = (token: string, body: unknown) =>
  api<Record<string, unknown>>(kit.url, POINT_CLAIM_PATH, { bearer: token, body });
const point = (puntoFacturacion: string, codigoSucursal = '0000') => ({ codigoSucursal, puntoFacturacion });
const TAKEN = {
  status: 409,
  body: { error: 'point_claimed', message: 'Billing point already claimed by another register of this organisation' },
};

async function enrolmentCode(storeId: string): Promise<string> {
  const code = await api<{ code: string }>(kit.url, '/v1/admin/enrolment-codes', {
    bearer: tenant.adminKey,
    body: { storeId, registerName: 'Caja nueva' },
  });
  return code.body.code;
}

beforeAll(async () => {
  kit = await startSyncTestServer();
  tenant = await kit.createTenant('Farmacias Unidas');
  cajaA = await kit.enrolRegister(tenant, '0000', 'Caja A');
  cajaB = await kit.enrolRegister(tenant, '0000', 'Caja B');
});

afterAll(async () => {
  await kit?.close();
});

describe('POST /v1/devices/claim-point', () => {
  it('claims a point for its register, idempotently, and refuses it to another register of the organisation', async () => {
    expect(await claim(cajaA.token, point('001'))).toEqual({ status: 200, body: { claimed: true } });
    expect(await claim(cajaA.token, point('001'))).toEqual({ status: 200, body: { claimed: true } });
    expect(await claim(cajaB.token, point('001'))).toEqual(TAKEN);
    expect(await claim(cajaB.token, point('002'))).toEqual({ status: 200, body: { claimed: true } });
    const other = await kit.createTenant('Otra Cadena');
    const foreignTill = await kit.enrolRegister(other, '0000');
    expect((await claim(foreignTill.token, point('001'))).status).toBe(200); // points are per organisation
  });

  it('refuses malformed points with 400 and callers without a device token with 401, writing nothing', async () => {
    const before = await kit.superQuery<{ n: number }>('select count(*)::int as n from device_point_claims');
    for (const body of [
      point('000'),
      point('1'),
      point('001', '00000'),
      { ...point('003'), extra: 1 },
      {},
      'x',
      null,
    ]) {
      expect((await claim(cajaA.token, body)).status).toBe(400);
    }
    expect((await claim(tenant.adminKey, point('009'))).status).toBe(401);
    expect(await kit.superQuery<{ n: number }>('select count(*)::int as n from device_point_claims')).toEqual(before);
  });

  it('lets exactly one of two registers racing for a point win', async () => {
    const [first, second] = await Promise.all([claim(cajaA.token, point('050')), claim(cajaB.token, point('050'))]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
  });

  it('claims at enrolment, or refuses the enrolment whole (the code stays usable) when the point is taken', async () => {
    const code = await enrolmentCode(cajaA.storeId);
    const [held] = await kit.superQuery<{ punto_facturacion: string }>(
      `select punto_facturacion from device_point_claims where device_id = $1 and released_at is null`,
      [cajaA.deviceId],
    );
    const refused = await api(kit.url, '/v1/enrol', { body: { code, ...point(held!.punto_facturacion) } });
    expect(refused).toEqual(TAKEN);
    const enrolled = await api<{ deviceId: string }>(kit.url, '/v1/enrol', { body: { code, ...point('077') } });
    expect(enrolled.status).toBe(201);
    expect(await claim((enrolled.body as unknown as { token: string }).token, point('077'))).toEqual({
      status: 200,
      body: { claimed: true },
    });
    expect(
      (await api(kit.url, '/v1/enrol', { body: { code: await enrolmentCode(cajaA.storeId), codigoSucursal: '0000' } }))
        .status,
    ).toBe(400);
  });

  it('head office lists and releases claims; the released point can be claimed again, and the release is recorded', async () => {
    await claim(cajaA.token, point('001'));
    const list = await api<{ items: { puntoFacturacion: string; deviceId: string; storeCode: string }[] }>(
      kit.url,
      '/v1/admin/point-claims',
      { bearer: tenant.adminKey },
    );
    expect(list.body.items.find((c) => c.puntoFacturacion === '001')).toMatchObject({
      deviceId: cajaA.deviceId,
      storeCode: '0000',
    });
    const released = await api(kit.url, '/v1/admin/point-claims/release', {
      bearer: tenant.adminKey,
      body: point('001'),
    });
    expect(released).toEqual({ status: 200, body: { released: true, deviceId: cajaA.deviceId } });
    expect(
      (await api(kit.url, '/v1/admin/point-claims/release', { bearer: tenant.adminKey, body: point('001') })).status,
    ).toBe(404);
    expect(await claim(cajaB.token, point('001'))).toEqual({ status: 200, body: { claimed: true } });
    // Every claim of the point is kept: released by head office (with its key) or by its register moving on.
    const rows = await kit.superQuery<{
      punto_facturacion: string;
      device_id: string;
      released: boolean;
      by_key: boolean;
    }>(
      `select punto_facturacion, device_id, released_at is not null as released, released_by is not null as by_key
         from device_point_claims where org_id = $1 and punto_facturacion = '001' order by claimed_at`,
      [tenant.orgId],
    );
    expect(rows).toContainEqual({ punto_facturacion: '001', device_id: cajaA.deviceId, released: true, by_key: true });
    expect(rows.at(-1)).toEqual({
      punto_facturacion: '001',
      device_id: cajaB.deviceId,
      released: false,
      by_key: false,
    });
    expect(rows.filter((r) => !r.released)).toHaveLength(1);
    expect(kit.logs.some((line) => line.includes('billing point released'))).toBe(true);
    expect((await api(kit.url, '/v1/admin/point-claims', { bearer: cajaA.token })).status).toBe(401);
  });
});
