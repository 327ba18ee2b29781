// Alert webhooks end to end over the real PostgreSQL and a local HTTP receiver: each alert change is delivered signed
// (HMAC-SHA256, verified here as a receiver would), a failing receiver is retried with backoff on the test clock, a
// receiver that never answers holds up nothing but the worker, and two instances on one database deliver each
// change exactly once.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startSyncTestServer, type SyncTestServer, type Tenant } from '../../../tests/fixtures/pg-test-db';
import { startWebhookReceiver, type WebhookReceiver } from '../../../tests/fixtures/webhook-receiver';
import { SYNC_INGEST_PATH } from '../../shared/sync/batch';
import type { TenantDatabase } from '../db/tenant-db';
import { startServer } from '../server';
import { createAlertWorker, type AlertWorker } from './alert-worker';
import { DELIVERY_HEADER, SIGNATURE_HEADER, verifyWebhookSignature } from './webhook-signature';

const SECRET = 'whsec-0123456789-abcdefghijklmnop';
let kit: SyncTestServer;
let receiver: WebhookReceiver;
let now = new Date();
const logs: string[] = [];
let worker: AlertWorker;

const workerFor = (db: TenantDatabase) =>
  createAlertWorker({
    db,
    clock: () => now,
    evaluateEveryMs: 0,
    log: (fields, message) => logs.push(JSON.stringify({ ...fields, message })),
  });

/** A tenant with the webhook set and `registers` registers that fall silent one minute later. */
async function silentTenant(name: string, registers: number): Promise<Tenant> {
  const tenant = await kit.createTenant(name);
  const set = await api(kit.url, '/v1/admin/alert-settings', {
    bearer: tenant.adminKey,
    body: { silentAfterMinutes: 1, webhook: { url: receiver.url, secret: SECRET } },
  });
  expect(set).toEqual({
    status: 200,
    body: { silentAfterMinutes: 1, webhook: { url: receiver.url, secretSet: true } },
  });
  for (let i = 0; i < registers; i++) await kit.enrolRegister(tenant, '0001', `Caja ${i + 1}`);
  return tenant;
}

const bodies = () =>
  receiver.received.map(
    (r) => JSON.parse(r.body) as { type: string; deliveryId: string; orgId: string; alert: { rule: string } },
  );

beforeAll(async () => {
  kit = await startSyncTestServer();
  receiver = await startWebhookReceiver();
  worker = workerFor(kit.server.db);
});

afterAll(async () => {
  await receiver?.close();
  await kit?.close();
});

describe('webhook settings', () => {
  it.each([
    [{ webhook: { url: 'ftp://example.test/x', secret: SECRET } }, 'webhook.url'],
    [{ webhook: { url: 'https://user:pw@example.test/x', secret: SECRET } }, 'webhook.url'],
    [{ webhook: { url: 'https://example.test/x', secret: 'short' } }, 'webhook.secret'],
    [{ webhook: { url: 'https://example.test/x' } }, 'webhook.secret'],
    [{ silentAfterMinutes: 0 }, 'silentAfterMinutes'],
    [{ orgId: randomUUID() }, ''],
  ])('refuses %j with a 400 naming the field and writes nothing', async (body, path) => {
    const tenant = await kit.createTenant(`Ajustes ${path}`);
    const response = await api<{ issues: { path: string }[] }>(kit.url, '/v1/admin/alert-settings', {
      bearer: tenant.adminKey,
      body,
    });
    expect(response.status).toBe(400);
    expect(response.body.issues[0]?.path).toBe(path);
    expect(await kit.superQuery('select 1 from alert_settings where org_id = $1', [tenant.orgId])).toEqual([]);
  });

  it('never answers or logs the secret', async () => {
    const tenant = await silentTenant('Secreta', 0);
    const read = await api(kit.url, '/v1/admin/alert-settings', { bearer: tenant.adminKey });
    expect(JSON.stringify(read.body)).not.toContain(SECRET);
    expect(kit.logs.join('\n')).not.toContain(SECRET);
    // Removing the webhook.
    const removed = await api(kit.url, '/v1/admin/alert-settings', {
      bearer: tenant.adminKey,
      body: { webhook: null },
    });
    expect(removed.body).toEqual({ silentAfterMinutes: 1, webhook: null });
  });
});

describe('delivery', () => {
  it('sends each alert change signed, and a failing receiver is retried with backoff until it answers 2xx', async () => {
    const tenant = await silentTenant('Entrega', 1);
    receiver.received.length = 0;
    receiver.answer = 503;
    now = new Date(Date.now() + 2 * 60_000);
    expect(await worker.tick()).toMatchObject({ raised: 1, delivered: 0, retried: 1 });
    const [first] = receiver.received;
    expect(verifyWebhookSignature(SECRET, first?.headers[SIGNATURE_HEADER] as string, first!.body, now)).toBe(true);
    expect(
      verifyWebhookSignature('another-secret-0123456789', first?.headers[SIGNATURE_HEADER] as string, first!.body, now),
    ).toBe(false);
    expect(
      verifyWebhookSignature(
        SECRET,
        first?.headers[SIGNATURE_HEADER] as string,
        first!.body.replace('silent', 'backlog'),
        now,
      ),
    ).toBe(false);
    expect(bodies()[0]).toMatchObject({
      type: 'alert.raised',
      orgId: tenant.orgId,
      alert: { rule: 'silent', resolvedAt: null },
    });
    expect(first?.headers[DELIVERY_HEADER]).toBe(bodies()[0]?.deliveryId);

    // Not due yet: the same round again sends nothing (the round has finished, nothing is in flight).
    await worker.tick();
    expect(receiver.received).toHaveLength(1);
    now = new Date(now.getTime() + 30_000);
    expect(await worker.tick()).toMatchObject({ retried: 1 }); // 2nd attempt; next one a minute later
    now = new Date(now.getTime() + 59_000);
    await worker.tick();
    expect(receiver.received).toHaveLength(2);
    receiver.answer = 204;
    now = new Date(now.getTime() + 1_000);
    expect(await worker.tick()).toMatchObject({ delivered: 1 });
    expect(new Set(receiver.received.map((r) => r.body)).size).toBe(1); // the same body each time
    expect(
      verifyWebhookSignature(
        SECRET,
        receiver.received[2]?.headers[SIGNATURE_HEADER] as string,
        receiver.received[2]!.body,
        now,
      ),
    ).toBe(true);
    const rows = await kit.superQuery<{ attempts: number; delivered: boolean; last_outcome: string }>(
      'select attempts, delivered_at is not null as delivered, last_outcome from webhook_deliveries where org_id = $1',
      [tenant.orgId],
    );
    expect(rows).toEqual([{ attempts: 3, delivered: true, last_outcome: 'http_204' }]);
    expect(logs.join('\n')).toContain('http_503');
    expect(logs.join('\n')).not.toContain(SECRET);
    expect(logs.join('\n')).not.toContain(receiver.url);

    // Resolution is delivered too.
    now = new Date(now.getTime() + 1_000);
    await api(kit.url, '/v1/admin/alert-settings', { bearer: tenant.adminKey, body: { silentAfterMinutes: 60 } });
    expect(await worker.tick()).toMatchObject({ resolved: 1, delivered: 1 });
    expect(bodies().at(-1)).toMatchObject({ type: 'alert.resolved', alert: { rule: 'silent' } });
  });

  it('a receiver that never answers holds up no ingest and no API request', async () => {
    const tenant = await silentTenant('Receptor colgado', 1);
    const till = await kit.enrolRegister(tenant, '0002', 'Caja activa');
    receiver.answer = 'hold';
    now = new Date(Date.now() + 2 * 60_000);
    const round = worker.tick();
    await receiver.nextRequest(); // the worker is now waiting on the receiver
    const pushed = await api<{ stored: number }>(kit.url, SYNC_INGEST_PATH, {
      bearer: till.token,
      body: {
        events: [
          {
            eventId: randomUUID(),
            seq: 1,
            kind: 'document_status',
            payload: { documentId: randomUUID(), status: 'QUEUED', at: new Date().toISOString() },
          },
        ],
      },
    });
    expect(pushed).toMatchObject({ status: 200, body: { stored: 1 } });
    expect((await api(kit.url, '/v1/alerts', { bearer: tenant.adminKey })).status).toBe(200);
    receiver.answer = 200;
    receiver.release();
    expect(await round).toMatchObject({ raised: 2 });
    const [row] = await kit.superQuery<{ last_outcome: string }>(
      'select last_outcome from webhook_deliveries where org_id = $1 and delivered_at is null',
      [tenant.orgId],
    );
    expect(row?.last_outcome).toBe('network');
  });
});

describe('two server instances on one database', () => {
  it('evaluate and deliver each alert change exactly once', async () => {
    // A second server process in all but the process: its own pool, migrations check and API on the same database.
    const second = await startServer(
      {
        database: kit.database.config,
        host: '127.0.0.1',
        port: 0,
        logLevel: 'silent',
        trustProxy: false,
        authLimits: { maxFailures: 1_000, windowMs: 60_000 },
        alertWorker: false,
      },
      { level: 'silent' },
    );
    try {
      const other = workerFor(second.db);
      receiver.answer = 200;
      const tenants = [await silentTenant('Dos instancias A', 4), await silentTenant('Dos instancias B', 4)];
      receiver.received.length = 0;
      now = new Date(Date.now() + 2 * 60_000);
      const rounds = [];
      for (let i = 0; i < 3; i++) rounds.push(...(await Promise.all([worker.tick(), other.tick()])));
      const raised = rounds.reduce((n, r) => n + r.raised, 0);
      const delivered = rounds.reduce((n, r) => n + r.delivered, 0);
      const mine = bodies().filter((b) => tenants.some((t) => t.orgId === b.orgId));
      expect(raised).toBe(8);
      expect(delivered).toBe(8);
      expect(mine).toHaveLength(8);
      expect(new Set(mine.map((b) => b.deliveryId)).size).toBe(8);
      const [alerts] = await kit.superQuery<{ n: number }>(
        'select count(*)::int as n from alerts where org_id = any($1::uuid[])',
        [tenants.map((t) => t.orgId)],
      );
      expect(alerts?.n).toBe(8);
      // Either instance lists the same alerts.
      const listed = await api<{ items: unknown[] }>(second.url, '/v1/alerts', { bearer: tenants[0]!.adminKey });
      expect(listed.body.items).toHaveLength(4);
    } finally {
      await second.close();
    }
  });
});
