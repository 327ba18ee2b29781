// The console's read routes (register status, sales per store and day/hour) over real PostgreSQL, and the console's
// static page: exact net totals (credit notes negative, never-valid documents excluded), Panama days, tenant
// isolation, 400 on bad parameters.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditChain } from '../../../tests/fixtures/audit-chain-events';
import {
  api,
  startSyncTestServer,
  type EnrolledRegister,
  type SyncTestServer,
  type Tenant,
} from '../../../tests/fixtures/pg-test-db';
import { SYNC_INGEST_PATH } from '../../shared/sync/batch';
import { buildApp } from '../app';
import type { RegisterStatus } from '../read/register-status';
import type { SalesRow } from '../read/sales-by-period';

let kit: SyncTestServer;
let a: Tenant;
let b: Tenant;
let a1: EnrolledRegister;
let a2: EnrolledRegister;
let b1: EnrolledRegister;
let seq = 0;
const trail = auditChain();

interface Doc {
  id: string;
  at: string;
  total: string;
  tipoDocumento?: string;
  tipoEmision?: string;
  status?: string;
  numero?: number;
}

function capture(doc: Doc) {
  seq += 1;
  return [
    {
      eventId: randomUUID(),
      seq,
      kind: 'document_status',
      payload: {
        documentId: doc.id,
        status: doc.status ?? 'QUEUED',
        at: doc.at,
        tipoDocumento: doc.tipoDocumento ?? '01',
        numero: doc.numero ?? seq,
        tipoEmision: doc.tipoEmision ?? '01',
        total: doc.total,
      },
    },
    {
      eventId: randomUUID(),
      seq: seq + 1000,
      kind: 'audit',
      payload: trail.next({ at: doc.at, action: 'sale.captured', documentId: doc.id, details: {} }),
    },
  ];
}

const push = (token: string, events: unknown[]) =>
  api<{ stored: number }>(kit.url, SYNC_INGEST_PATH, { bearer: token, body: { events } });
const get = <T>(key: string, path: string) => api<T>(kit.url, path, { bearer: key });

beforeAll(async () => {
  kit = await startSyncTestServer();
  a = await kit.createTenant('Org A');
  b = await kit.createTenant('Org B');
  a1 = await kit.enrolRegister(a, '0001', 'Caja 1');
  a2 = await kit.enrolRegister(a, '0002', 'Caja 2');
  b1 = await kit.enrolRegister(b, '0001', 'Caja B');
  // 2026-12-04 in Panama runs from 05:00Z on the 4th to 05:00Z on the 5th.
  await push(a1.token, [
    ...capture({ id: 'a-1', at: '2026-12-04T05:00:00.000Z', total: '10.10', status: 'AUTHORIZED', numero: 41 }),
    ...capture({ id: 'a-2', at: '2026-12-05T04:59:59.999Z', total: '0.20', tipoEmision: '02', numero: 42 }),
    ...capture({
      id: 'a-3',
      at: '2026-12-04T16:00:00.000Z',
      total: '3.05',
      tipoDocumento: '04',
      status: 'AUTHORIZED',
      numero: 3,
    }),
    ...capture({ id: 'a-4', at: '2026-12-04T16:30:00.000Z', total: '99.99', status: 'REJECTED', numero: 43 }),
    ...capture({ id: 'a-5', at: '2026-12-05T05:00:00.000Z', total: '1.00', status: 'FAILED', numero: 44 }),
  ]);
  await push(
    a2.token,
    capture({ id: 'a-6', at: '2026-12-04T12:00:00.000Z', total: '0.10', status: 'AUTHORIZED', numero: 7 }),
  );
  await push(b1.token, capture({ id: 'b-1', at: '2026-12-04T12:00:00.000Z', total: '500.00', status: 'AUTHORIZED' }));
});

afterAll(async () => {
  await kit?.close();
});

describe('GET /v1/sales', () => {
  it('sums net sales per store and Panama day, exactly: credit notes negative, rejected left out', async () => {
    const sales = await get<{ items: SalesRow[] }>(a.adminKey, '/v1/sales');
    expect(sales.status).toBe(200);
    expect(
      sales.body.items.map(({ storeCode, period, documents, total }) => ({ storeCode, period, documents, total })),
    ).toEqual([
      // 10.10 + 0.20 - 3.05 (credit note); the rejected 99.99 is not a sale.
      { storeCode: '0001', period: '2026-12-04', documents: 3, total: '7.25' },
      { storeCode: '0002', period: '2026-12-04', documents: 1, total: '0.10' },
      { storeCode: '0001', period: '2026-12-05', documents: 1, total: '1.00' },
    ]);
  });

  it('filters by store and dates (a bare date is a Panama day), and groups by hour', async () => {
    const day = await get<{ items: SalesRow[] }>(
      a.adminKey,
      `/v1/sales?storeId=${a1.storeId}&from=2026-12-04&to=2026-12-05`,
    );
    expect(day.body.items.map((r) => [r.period, r.total])).toEqual([['2026-12-04', '7.25']]);
    const hours = await get<{ items: SalesRow[] }>(
      a.adminKey,
      `/v1/sales?storeId=${a1.storeId}&from=2026-12-04&to=2026-12-05&by=hour`,
    );
    expect(hours.body.items.map((r) => [r.period, r.total])).toEqual([
      ['2026-12-04T00', '10.10'],
      ['2026-12-04T11', '-3.05'],
      ['2026-12-04T23', '0.20'],
    ]);
  });

  it("never shows another organisation's sales, and answers 400 to a bad parameter", async () => {
    const other = await get<{ items: SalesRow[] }>(b.adminKey, '/v1/sales');
    expect(other.body.items.map((r) => r.total)).toEqual(['500.00']);
    expect((await get<{ items: SalesRow[] }>(b.adminKey, `/v1/sales?storeId=${a1.storeId}`)).body.items).toEqual([]);
    for (const query of ['by=week', 'from=yesterday', 'storeId=x', 'orgId=' + a.orgId, 'to=0000-01-01', 'from=%00']) {
      const answer = await get<{ error: string }>(a.adminKey, `/v1/sales?${query}`);
      expect({ query, status: answer.status, error: answer.body.error }).toEqual({
        query,
        status: 400,
        error: 'invalid_request',
      });
    }
    expect((await get(a1.token, '/v1/sales')).status).toBe(401);
  });
});

describe('GET /v1/registers/status', () => {
  it('reports each register: last seen, unanswered documents, contingency, failed, highest folio, event delay', async () => {
    const status = await get<{ items: RegisterStatus[] }>(a.adminKey, '/v1/registers/status');
    expect(status.status).toBe(200);
    const [one, two] = status.body.items;
    expect(one).toMatchObject({
      deviceId: a1.deviceId,
      name: 'Caja 1',
      storeCode: '0001',
      revokedAt: null,
      documents: 5,
      pending: 1,
      contingency: 1,
      failed: 1,
      lastNumero: 44,
      lastEventAt: '2026-12-05T05:00:00.000Z',
    });
    expect(two).toMatchObject({
      deviceId: a2.deviceId,
      documents: 1,
      pending: 0,
      contingency: 0,
      failed: 0,
      lastNumero: 7,
    });
    expect(one?.lastSeenAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    // Events written on 4–5 December and received later: a positive delay.
    expect(one?.lastEventDelayMs).toBeGreaterThan(0);
    expect(status.body.items).toHaveLength(2);
  });

  it("shows a revoked register as revoked, never another organisation's registers, and refuses parameters", async () => {
    const enrolled = await kit.enrolRegister(b, '0001', 'Caja B2');
    await api(kit.url, `/v1/admin/devices/${enrolled.deviceId}/revoke`, { bearer: b.adminKey, method: 'POST' });
    const status = await get<{ items: RegisterStatus[] }>(b.adminKey, '/v1/registers/status');
    expect(status.body.items.map((r) => [r.deviceId, r.revokedAt === null])).toEqual([
      [b1.deviceId, true],
      [enrolled.deviceId, false],
    ]);
    expect((await get(a.adminKey, '/v1/registers/status?orgId=x')).status).toBe(400);
  });
});

describe('the console page', () => {
  it('is served under /console/ when built, and says how to build it when not', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sago-console-static-'));
    const empty = mkdtempSync(join(tmpdir(), 'sago-console-none-'));
    try {
      writeFileSync(join(dir, 'index.html'), '<!doctype html><title>consola</title>');
      const app = await buildApp({ db: kit.server.db, log: { level: 'silent' }, consoleDir: dir });
      const page = await app.inject({ method: 'GET', url: '/console/' });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('consola');
      expect(page.headers['cache-control']).toBe('no-store');
      expect((await app.inject({ method: 'GET', url: '/console' })).statusCode).toBe(301);
      expect((await app.inject({ method: 'GET', url: '/console/../package.json' })).statusCode).toBe(404);
      await app.close();
      const bare = await buildApp({ db: kit.server.db, log: { level: 'silent' }, consoleDir: empty });
      const hint = await bare.inject({ method: 'GET', url: '/console/' });
      expect([hint.statusCode, JSON.parse(hint.body)]).toEqual([
        404,
        expect.objectContaining({ error: 'console_not_built' }),
      ]);
      await bare.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
