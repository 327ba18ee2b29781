// Ingest over HTTP against the real PostgreSQL: idempotent replays, partly bad batches, the status projection,
// limits and authentication failures.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  startSyncTestServer,
  type EnrolledRegister,
  type SyncTestServer,
  type Tenant,
} from '../../../tests/fixtures/pg-test-db';
import type { SyncBatchResponse } from '../../shared/sync/batch';
import { SYNC_INGEST_PATH } from '../../shared/sync/batch';
import { auditChain } from '../../../tests/fixtures/audit-chain-events';

let kit: SyncTestServer;
let tenant: Tenant;
let register: EnrolledRegister;
let orderTill: EnrolledRegister;
let alteredTill: EnrolledRegister;
let seq = 0;
const chain = auditChain();

const at = (minute: number) => `2026-11-28T15:${String(minute).padStart(2, '0')}:00.000Z`;

function auditEvent(overrides: Record<string, unknown> = {}) {
  seq += 1;
  return {
    eventId: randomUUID(),
    seq,
    kind: 'audit',
    payload: chain.next({ at: at(seq % 60), details: { n: seq } }),
    ...overrides,
  };
}

function statusEvent(documentId: string, status: string, extra: Record<string, unknown> = {}) {
  seq += 1;
  return {
    eventId: randomUUID(),
    seq,
    kind: 'document_status',
    payload: { documentId, status, at: at(seq % 60), ...extra },
  };
}

const push = (events: unknown[], token = register.token) =>
  api<SyncBatchResponse & { error?: string }>(kit.url, SYNC_INGEST_PATH, { bearer: token, body: { events } });

beforeAll(async () => {
  kit = await startSyncTestServer({ authLimits: { maxFailures: 5, windowMs: 60_000 } });
  tenant = await kit.createTenant('Super Ahorro');
  register = await kit.enrolRegister(tenant, '0001');
  // Before the authentication-failure test below trips this address's limiter.
  orderTill = await kit.enrolRegister(tenant, '0001', 'Caja orden');
  alteredTill = await kit.enrolRegister(tenant, '0001', 'Caja alterada');
});

afterAll(async () => {
  await kit?.close();
});

// First: the authentication-failure test at the end trips this address's limiter.
describe('audit chain on ingest', () => {
  type ChainStatus = {
    items: {
      deviceId: string;
      entries: number;
      lastChainSeq: number | null;
      breaks: { chainSeq: number; reason: string }[];
    }[];
  };
  const chainOf = async (deviceId: string) =>
    (await api<ChainStatus>(kit.url, '/v1/audit/chain', { bearer: tenant.adminKey })).body.items.find(
      (d) => d.deviceId === deviceId,
    );
  const event = (payload: object) => ({ eventId: randomUUID(), seq: ++seq, kind: 'audit', payload });

  it('accepts a chain that arrives out of order and in pieces: a gap is not a break', async () => {
    const till = orderTill;
    const trail = auditChain();
    const [e1, e2, e3, e4] = [1, 2, 3, 4].map((n) => trail.next({ at: at(n), details: { n } }));
    expect((await push([event(e3!), event(e1!)], till.token)).body).toMatchObject({ stored: 2, rejected: [] });
    expect((await push([event(e4!), event(e2!)], till.token)).body).toMatchObject({ stored: 2, rejected: [] });
    expect(await chainOf(till.deviceId)).toMatchObject({ entries: 4, lastChainSeq: 4, breaks: [] });
  });

  it('flags an entry edited after it was chained, and a link to an entry that is not the one before', async () => {
    const till = alteredTill;
    const trail = auditChain();
    const entries = [1, 2, 3, 4, 5].map((n) =>
      trail.next({ at: at(n), action: 'sale.captured', details: { total: `${n}.00` } }),
    );
    const edited = { ...entries[1]!, details: { total: '0.01' } }; // the hash no longer covers the content
    // Entry 7 arrives before 6: its link cannot be judged yet (6 is missing), so nothing is flagged for it now.
    const seventh = { ...trail.next({ at: at(6) }), auditId: 7 };
    const response = await push([...[entries[0]!, edited, ...entries.slice(2)].map(event), event(seventh)], till.token);
    expect(response.body).toMatchObject({ stored: 6, rejected: [] }); // stored as received: the evidence is kept
    // Then an entry 6 that points at entry 4's hash (as if 5 had been removed and the prev hash rewritten): its own
    // hash no longer covers it, it does not follow 5, and 7 does not follow it.
    const sixth = trail.next({ at: at(7) });
    await push([event({ ...sixth, auditId: 6, prevHash: entries[3]!.hash })], till.token);
    expect((await chainOf(till.deviceId))?.breaks).toEqual([
      { chainSeq: 2, reason: 'hash_mismatch', detectedAt: expect.any(String) as unknown },
      { chainSeq: 6, reason: 'hash_mismatch', detectedAt: expect.any(String) as unknown },
      { chainSeq: 6, reason: 'link_mismatch', detectedAt: expect.any(String) as unknown },
      { chainSeq: 7, reason: 'link_mismatch', detectedAt: expect.any(String) as unknown },
    ]);
  });
});

describe('POST /v1/sync/events', () => {
  it('stores a batch pushed 3 times exactly once', async () => {
    const events = [
      auditEvent(),
      statusEvent(randomUUID(), 'QUEUED', { tipoDocumento: '01', numero: 7, tipoEmision: '01', total: '5.00' }),
      auditEvent(),
    ];
    const first = await push(events);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ received: 3, stored: 3, duplicates: 0, rejected: [] });
    for (let i = 0; i < 2; i++) {
      const again = await push(events);
      expect(again.body).toEqual({ received: 3, stored: 0, duplicates: 3, rejected: [] });
    }
    const ids = events.map((e) => e.eventId);
    const stored = await kit.superQuery<{ n: number }>(
      `select (select count(*) from audit_entries where event_id = any($1::uuid[]))::int
            + (select count(*) from document_events where event_id = any($1::uuid[]))::int as n`,
      [ids],
    );
    expect(stored).toEqual([{ n: 3 }]);
  });

  it('stores the good events of a batch and names the 3 malformed ones', async () => {
    const good = Array.from({ length: 7 }, () => auditEvent());
    const badId = auditEvent({ eventId: 'not-a-uuid' });
    const badKind = auditEvent({ kind: 'telemetry' });
    const badPayload = statusEvent(randomUUID(), 'SOLD');
    const events = [good[0], badId, ...good.slice(1, 4), badKind, ...good.slice(4), badPayload];
    const response = await push(events);
    expect(response.status).toBe(200);
    expect(response.body.stored).toBe(7);
    expect(response.body.rejected.map((r) => [r.index, r.eventId, r.reason])).toEqual([
      [1, 'not-a-uuid', 'invalid'],
      [5, badKind.eventId, 'invalid'],
      [9, badPayload.eventId, 'invalid'],
    ]);
    expect(response.body.rejected[2]?.issues[0]?.path).toBe('payload.status');
    const [row] = await kit.superQuery<{ n: number }>(
      'select count(*)::int as n from audit_entries where event_id = any($1::uuid[])',
      [good.map((e) => e.eventId)],
    );
    expect(row?.n).toBe(7);
  });

  it('refuses an event carrying one of our credentials, and never stores it', async () => {
    const leaky = auditEvent();
    (leaky.payload as { details: Record<string, unknown> }).details = { note: `token ${register.token}` };
    const response = await push([leaky, auditEvent()]);
    expect(response.body.rejected).toEqual([expect.objectContaining({ index: 0, reason: 'credential_in_payload' })]);
    expect(response.body.stored).toBe(1);
    const rows = await kit.superQuery('select 1 from audit_entries where event_id = $1', [leaky.eventId]);
    expect(rows).toEqual([]);
  });

  it('keeps the newest status per document whatever order the snapshots arrive in', async () => {
    const doc = randomUUID();
    const captured = statusEvent(doc, 'QUEUED', { tipoDocumento: '01', numero: 12, tipoEmision: '02', total: '10.50' });
    const processing = statusEvent(doc, 'PROCESSING', { from: 'QUEUED' });
    const authorized = statusEvent(doc, 'AUTHORIZED', { from: 'PROCESSING' });
    await push([authorized]);
    await push([captured, processing]);
    const [row] = await kit.superQuery<Record<string, unknown>>(
      'select status, status_seq::int as seq, tipo_documento, numero, tipo_emision, total::text as total, device_id, store_id from documents where document_id = $1',
      [doc],
    );
    expect(row).toEqual({
      status: 'AUTHORIZED',
      seq: authorized.seq,
      tipo_documento: '01',
      numero: 12,
      tipo_emision: '02',
      total: '10.50',
      device_id: register.deviceId,
      store_id: register.storeId,
    });
  });

  it('refuses an empty, oversized or over-long batch as a whole', async () => {
    expect((await push([])).status).toBe(400);
    const tooMany = Array.from({ length: 501 }, () => auditEvent());
    expect((await push(tooMany)).status).toBe(400);
    const huge = await fetch(`${kit.url}${SYNC_INGEST_PATH}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${register.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ events: [{ pad: 'x'.repeat(5 * 1024 * 1024) }] }),
    });
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ error: 'body_too_large' });
  });

  it('answers 401 without a valid device token, and 429 after too many failures', async () => {
    expect((await push([auditEvent()], 'nonsense')).status).toBe(401);
    expect((await push([auditEvent()], tenant.adminKey)).status).toBe(401); // an admin key is not a device token
    const forgedOrg = register.token.replace(/^sgd\.[^.]+\./, `sgd.${randomUUID()}.`);
    expect((await push([auditEvent()], forgedOrg)).status).toBe(401);
    expect((await api(kit.url, SYNC_INGEST_PATH, { body: { events: [auditEvent()] } })).status).toBe(401);
    expect((await push([auditEvent()], `${register.token}x`)).status).toBe(401);
    // Five failures used the budget: even the right token is now refused from this address until the window ends.
    const blocked = await push([auditEvent()]);
    expect(blocked.status).toBe(429);
    expect(blocked.body.error).toBe('too_many_failures');
  });
});
