// Alert rules over the real PostgreSQL, fed through the real ingest route, evaluated by the worker on a test clock:
// each rule raises one alert per register (never two while open) and resolves when its condition ends; the list is
// tenant-isolated and refuses bad parameters.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditChain } from '../../../tests/fixtures/audit-chain-events';
import {
  api,
  startSyncTestServer,
  type EnrolledRegister,
  type SyncTestServer,
  type Tenant,
} from '../../../tests/fixtures/pg-test-db';
import { SYNC_INGEST_PATH } from '../../shared/sync/batch';
import { FOLIOS_AUDIT_ACTION } from '../../shared/sync/folios-report';
import { createAlertWorker, type AlertWorker } from './alert-worker';
import type { AlertView } from './alert-view';

let kit: SyncTestServer;
let tenant: Tenant;
let other: Tenant;
let worker: AlertWorker;
const base = Date.now();
let now = new Date();
let seq = 0;

const at = (secondsAfterBase: number) => new Date(base + secondsAfterBase * 1000).toISOString();
const status = (documentId: string, s: string, atSeconds: number, extra: Record<string, unknown> = {}) => ({
  eventId: randomUUID(),
  seq: ++seq,
  kind: 'document_status',
  payload: { documentId, status: s, at: at(atSeconds), ...extra },
});

async function push(till: EnrolledRegister, events: unknown[]): Promise<void> {
  for (let i = 0; i < events.length; i += 500) {
    const response = await api<{ rejected: unknown[] }>(kit.url, SYNC_INGEST_PATH, {
      bearer: till.token,
      body: { events: events.slice(i, i + 500) },
    });
    expect(response.status).toBe(200);
    expect(response.body.rejected).toEqual([]);
  }
}

async function alertsOf(key: string, query = ''): Promise<AlertView[]> {
  const response = await api<{ items: AlertView[] }>(kit.url, `/v1/alerts${query}`, { bearer: key });
  expect(response.status).toBe(200);
  return response.body.items;
}
const openFor = async (till: EnrolledRegister) =>
  (await alertsOf(tenant.adminKey, `?deviceId=${till.deviceId}`)).map((a) => a.rule).sort();

beforeAll(async () => {
  kit = await startSyncTestServer();
  tenant = await kit.createTenant('Cadena Alertas');
  other = await kit.createTenant('Otra Cadena');
  // Due at every round: the test's clock does not move between most rounds.
  worker = createAlertWorker({ db: kit.server.db, clock: () => now, evaluateEveryMs: 0 });
});

afterAll(async () => {
  await kit?.close();
});

// Organisations are scheduled from their creation (database time), so the worker's clock starts at the present.
beforeEach(() => {
  now = new Date();
});

describe('alert rules', () => {
  it('raises hka_down for a document waiting over 60 s or issued in contingency, once, and resolves it when answered', async () => {
    const till = await kit.enrolRegister(tenant, '0001', 'Caja HKA');
    const doc = randomUUID();
    await push(till, [
      status(doc, 'QUEUED', 0, { tipoDocumento: '01', numero: 1, tipoEmision: '01', total: '1.00' }),
      status(doc, 'PROCESSING', 30, { from: 'QUEUED' }),
    ]);
    await worker.tick();
    expect(await openFor(till)).toEqual([]); // 30 s of waiting is not yet HKA down
    await push(till, [
      status(doc, 'QUEUED', 45, { from: 'PROCESSING' }),
      status(doc, 'PROCESSING', 61, { from: 'QUEUED' }),
    ]);
    await worker.tick();
    await worker.tick();
    const open = await alertsOf(tenant.adminKey, `?deviceId=${till.deviceId}`);
    expect(open).toHaveLength(1); // two rounds, one alert
    const alert = open[0];
    expect(alert).toMatchObject({
      rule: 'hka_down',
      storeId: till.storeId,
      resolvedAt: null,
      details: { value: 61, threshold: 60 },
    });
    await push(till, [status(doc, 'AUTHORIZED', 62, { from: 'PROCESSING' })]);
    await worker.tick();
    expect(await openFor(till)).toEqual([]);
    expect(await alertsOf(tenant.adminKey, `?state=resolved&deviceId=${till.deviceId}`)).toEqual([
      { ...alert, resolvedAt: now.toISOString() },
    ]);
    // Contingency: the register itself judged HKA unreachable.
    await push(till, [
      status(randomUUID(), 'QUEUED', 70, { tipoDocumento: '01', numero: 2, tipoEmision: '02', total: '2.00' }),
    ]);
    await worker.tick();
    expect(await openFor(till)).toEqual(['hka_down']);
  });

  it('raises backlog past 1 000 documents waiting', async () => {
    const till = await kit.enrolRegister(tenant, '0001', 'Caja cola');
    const queued = (n: number) =>
      Array.from({ length: n }, () =>
        status(randomUUID(), 'QUEUED', 1, { tipoDocumento: '01', numero: ++seq, tipoEmision: '01', total: '1.00' }),
      );
    await push(till, queued(1_000));
    await worker.tick();
    expect(await openFor(till)).toEqual([]);
    await push(till, queued(1));
    await worker.tick();
    expect(await alertsOf(tenant.adminKey, `?rule=backlog&deviceId=${till.deviceId}`)).toMatchObject([
      { details: { value: 1_001, threshold: 1_000 } },
    ]);
  });

  it('raises error_rate above 5 % of at least 20 answers in the last hour, and resolves at 5 %', async () => {
    const till = await kit.enrolRegister(tenant, '0001', 'Caja errores');
    const answered = (s: string, n: number) => Array.from({ length: n }, () => status(randomUUID(), s, 10));
    await push(till, [...answered('AUTHORIZED', 17), ...answered('REJECTED', 1), ...answered('FAILED', 1)]); // 19 answers
    await worker.tick();
    expect(await openFor(till)).toEqual([]);
    await push(till, answered('AUTHORIZED', 1)); // 2 of 20 = 10 %
    await worker.tick();
    expect(await alertsOf(tenant.adminKey, `?rule=error_rate&deviceId=${till.deviceId}`)).toMatchObject([
      { details: { value: 10, threshold: 5 } },
    ]);
    await push(till, answered('AUTHORIZED', 20)); // 2 of 40 = 5 %: not above
    await worker.tick();
    expect(await openFor(till)).toEqual([]);
  });

  it("raises folios_low when the register's latest folios report is under 100, and ignores a report that is not a number", async () => {
    const till = await kit.enrolRegister(tenant, '0001', 'Caja folios');
    const trail = auditChain();
    const report = (available: unknown) => ({
      eventId: randomUUID(),
      seq: ++seq,
      kind: 'audit',
      payload: trail.next({ at: at(seq), actor: 'sistema:caja', action: FOLIOS_AUDIT_ACTION, details: { available } }),
    });
    await push(till, [report(150), report(100)]);
    await worker.tick();
    expect(await openFor(till)).toEqual([]);
    await push(till, [report(99)]);
    await worker.tick();
    expect(await alertsOf(tenant.adminKey, `?rule=folios_low&deviceId=${till.deviceId}`)).toMatchObject([
      { details: { value: 99, threshold: 100 } },
    ]);
    await push(till, [report('muchos')]);
    await worker.tick();
    expect(await openFor(till)).toEqual([]);
    await push(till, [report(3)]);
    await worker.tick();
    expect(await openFor(till)).toEqual(['folios_low']);
  });

  it('raises audit_chain_break for a register whose trail arrived edited', async () => {
    const till = await kit.enrolRegister(tenant, '0001', 'Caja alterada');
    const trail = auditChain();
    const [first, second] = [1, 2].map((n) => trail.next({ at: at(n), details: { n } }));
    await push(
      till,
      [first, { ...second!, details: { n: 99 } }].map((payload) => ({
        eventId: randomUUID(),
        seq: ++seq,
        kind: 'audit',
        payload,
      })),
    );
    await worker.tick();
    expect(await alertsOf(tenant.adminKey, `?rule=audit_chain_break&deviceId=${till.deviceId}`)).toMatchObject([
      { details: { value: 1 } },
    ]);
  });

  it("raises silent after the organisation's minutes without a push, for live registers only", async () => {
    const settings = await api(kit.url, '/v1/admin/alert-settings', {
      bearer: tenant.adminKey,
      body: { silentAfterMinutes: 2 },
    });
    expect(settings).toEqual({ status: 200, body: { silentAfterMinutes: 2, webhook: null } });
    const quiet = await kit.enrolRegister(tenant, '0002', 'Caja callada');
    const revoked = await kit.enrolRegister(tenant, '0002', 'Caja retirada');
    expect(
      (await api(kit.url, `/v1/admin/devices/${revoked.deviceId}/revoke`, { bearer: tenant.adminKey, body: {} }))
        .status,
    ).toBe(200);
    now = new Date(Date.now() + 60_000);
    await worker.tick();
    expect(await openFor(quiet)).toEqual([]);
    now = new Date(Date.now() + 3 * 60_000);
    await worker.tick();
    expect(await openFor(quiet)).toEqual(['silent']);
    expect(await openFor(revoked)).toEqual([]);
    await api(kit.url, '/v1/admin/alert-settings', { bearer: tenant.adminKey, body: { silentAfterMinutes: 30 } });
    await worker.tick();
    expect(await openFor(quiet)).toEqual([]);
  });
});

describe('GET /v1/alerts', () => {
  it('shows another organisation nothing, and pages newest first', async () => {
    expect(await alertsOf(other.adminKey, '?state=all')).toEqual([]);
    const all = await alertsOf(tenant.adminKey, '?state=all');
    expect(all.length).toBeGreaterThanOrEqual(5);
    const first = await api<{ items: AlertView[]; nextCursor: string }>(kit.url, '/v1/alerts?state=all&limit=2', {
      bearer: tenant.adminKey,
    });
    const second = await api<{ items: AlertView[] }>(
      kit.url,
      `/v1/alerts?state=all&limit=2&cursor=${first.body.nextCursor}`,
      { bearer: tenant.adminKey },
    );
    expect([...first.body.items, ...second.body.items]).toEqual(all.slice(0, 4));
  });

  it.each([
    ['state=closed', 'state'],
    ['rule=folios', 'rule'],
    ['deviceId=x', 'deviceId'],
    ['cursor=abc', 'cursor'],
    ['limit=0', 'limit'],
    ['orgId=x', ''],
  ])('answers 400 for %s', async (query, path) => {
    const response = await api<{ error: string; issues: { path: string }[] }>(kit.url, `/v1/alerts?${query}`, {
      bearer: tenant.adminKey,
    });
    expect(response.status).toBe(400);
    expect(response.body.issues[0]?.path).toBe(path);
  });

  it('needs an admin key', async () => {
    expect((await api(kit.url, '/v1/alerts')).status).toBe(401);
  });
});
