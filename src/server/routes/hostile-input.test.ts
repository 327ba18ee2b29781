// The three defects of issue 15 as regression tests, over HTTP on the real PostgreSQL: a NUL in one audit event made
// the whole batch a 500 (with the batch body in the log) and stalled the register; another register of the same
// organisation could overwrite a document's status with a huge seq; a non-UUID audit cursor (and `q=%00`) was a 500.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  startSyncTestServer,
  type EnrolledRegister,
  type SyncTestServer,
  type Tenant,
} from '../../../tests/fixtures/pg-test-db';
import { auditChain } from '../../../tests/fixtures/audit-chain-events';
import { SYNC_INGEST_PATH, type SyncBatchResponse } from '../../shared/sync/batch';

let kit: SyncTestServer;
let tenant: Tenant;
let owner: EnrolledRegister;
let other: EnrolledRegister;

const at = (minute: number) => `2026-12-04T15:${String(minute).padStart(2, '0')}:00.000Z`;
const push = (token: string, events: unknown[]) =>
  api<SyncBatchResponse>(kit.url, SYNC_INGEST_PATH, { bearer: token, body: { events } });
const encodeCursor = (cursor: object) => Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');

beforeAll(async () => {
  kit = await startSyncTestServer();
  tenant = await kit.createTenant('Cadena Hostil');
  owner = await kit.enrolRegister(tenant, '0001', 'Caja 1');
  other = await kit.enrolRegister(tenant, '0002', 'Caja 2');
});

afterAll(async () => {
  await kit?.close();
});

describe('hostile input (issue 15 defects)', () => {
  it('a NUL in one audit event refuses that event alone, stores the rest, and logs no part of the batch', async () => {
    const trail = auditChain();
    const planted = 'SECRETO-PLANTADO-7731';
    const events = Array.from({ length: 14 }, (_, i) => ({
      eventId: randomUUID(),
      seq: i + 1,
      kind: 'audit',
      payload: trail.next({
        at: at(i),
        details: i === 5 ? { product: `${planted}\u0000 Arroz` } : { n: i, note: planted },
      }),
    }));
    const response = await push(owner.token, events);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ received: 14, stored: 13, duplicates: 0 });
    expect(response.body.rejected).toEqual([
      {
        index: 5,
        eventId: events[5]!.eventId,
        reason: 'unstorable_text',
        issues: [{ path: 'payload.details.product', message: expect.any(String) as unknown }],
      },
    ]);
    const [row] = await kit.superQuery<{ n: number }>(
      'select count(*)::int as n from audit_entries where event_id = any($1::uuid[])',
      [events.map((e) => e.eventId)],
    );
    expect(row?.n).toBe(13);
    expect(kit.logs.filter((line) => line.includes(planted))).toEqual([]);
  });

  it('another register of the organisation cannot overwrite a document status, not even with seq 2^53-1', async () => {
    const documentId = randomUUID();
    const mine = [
      {
        eventId: randomUUID(),
        seq: 100,
        kind: 'document_status',
        payload: {
          documentId,
          status: 'QUEUED',
          at: at(1),
          tipoDocumento: '01',
          numero: 3,
          tipoEmision: '01',
          total: '7.25',
        },
      },
      {
        eventId: randomUUID(),
        seq: 101,
        kind: 'document_status',
        payload: { documentId, status: 'AUTHORIZED', from: 'QUEUED', at: at(2) },
      },
    ];
    expect((await push(owner.token, mine)).body).toMatchObject({ stored: 2, rejected: [] });
    const forged = {
      eventId: randomUUID(),
      seq: 9_007_199_254_740_991,
      kind: 'document_status',
      payload: { documentId, status: 'ANNULLED', from: 'AUTHORIZED', at: at(3) },
    };
    const alongside = {
      eventId: randomUUID(),
      seq: 5,
      kind: 'document_status',
      payload: { documentId: randomUUID(), status: 'QUEUED', at: at(3) },
    };
    const response = await push(other.token, [forged, alongside]);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      stored: 1,
      rejected: [{ index: 0, eventId: forged.eventId, reason: 'foreign_document' }],
    });
    const docs = await api<{ items: { documentId: string; status: string; deviceId: string }[] }>(
      kit.url,
      '/v1/documents',
      { bearer: tenant.adminKey },
    );
    expect(docs.body.items.find((d) => d.documentId === documentId)).toMatchObject({
      status: 'AUTHORIZED',
      deviceId: owner.deviceId,
    });
    const history = await kit.superQuery('select 1 from document_events where event_id = $1', [forged.eventId]);
    expect(history).toEqual([]);
  });

  it('a non-UUID audit cursor, q=%00 and other malformed query parameters are 400s naming the parameter', async () => {
    const badCursor = encodeCursor({ t: '2026-12-04T15:00:00.000Z', id: 'not-a-uuid' });
    const cases: [string, string][] = [
      [`/v1/audit?cursor=${badCursor}`, 'cursor'],
      ['/v1/audit?q=%00', 'q'],
      ['/v1/audit?actor=%00', 'actor'],
      ['/v1/audit?limit=abc', 'limit'],
      ['/v1/documents?storeId=1%27%20or%201=1', 'storeId'],
      ['/v1/audit?documentId=a%00b', 'documentId'],
      ['/v1/audit?from=0000-01-01', 'from'],
      [`/v1/documents?cursor=${encodeCursor({ t: '0000-01-01T00:00:00Z', id: 'x' })}`, 'cursor'],
      ['/v1/documents?to=0000-01-01T00:00:00Z', 'to'],
      ['/v1/stores/summary?orgId=x', ''],
      ['/v1/admin/point-claims?all=1', ''],
    ];
    for (const [path, param] of cases) {
      const response = await api<{ error: string; issues: { path: string }[] }>(kit.url, path, {
        bearer: tenant.adminKey,
      });
      expect({ path, status: response.status, param: response.body.issues?.[0]?.path }).toEqual({
        path,
        status: 400,
        param,
      });
    }
  });

  it('a value the database refuses despite the checks is refused alone; a failing batch logs no part of its body', async () => {
    // Stand-ins for what the checks cannot foresee: a trigger that refuses one value as a data exception (SQLSTATE
    // class 22), another that fails the statement outright, quoting the value in its message as drivers do.
    await kit.superQuery(`create function hostile_probe() returns trigger language plpgsql as $$ begin
        if new.details->>'probe' = 'data' then raise exception 'bad value %', new.details using errcode = '22023'; end if;
        if new.details->>'probe' = 'crash' then raise exception 'crashed on %', new.details using errcode = 'P0001'; end if;
        return new; end $$`);
    await kit.superQuery(
      'create trigger hostile_probe before insert on audit_entries for each row execute function hostile_probe()',
    );
    try {
      const trail = auditChain(1000);
      const planted = 'CLAVE-SEMBRADA-4410';
      const make = (details: Record<string, unknown>, n: number) => ({
        eventId: randomUUID(),
        seq: 1000 + n,
        kind: 'audit',
        payload: trail.next({ at: at(n), details }),
      });
      const batch = [make({ n: 1, planted }, 1), make({ probe: 'data', planted }, 2), make({ n: 3, planted }, 3)];
      const response = await push(owner.token, batch);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        received: 3,
        stored: 2,
        duplicates: 0,
        rejected: [{ index: 1, eventId: batch[1]!.eventId, reason: 'unstorable_value' }],
      });
      expect(response.body.rejected[0]?.issues[0]?.message).toContain('22023');

      const crash = await push(owner.token, [make({ probe: 'crash', planted }, 4)]);
      expect(crash.status).toBe(500);
      expect(crash.body).toEqual({ error: 'internal_error', message: 'The server could not complete the request' });
      const failures = kit.logs
        .filter((line) => line.includes('request failed'))
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(failures.at(-1)).toMatchObject({
        errorType: expect.any(String) as unknown,
        sqlState: 'P0001',
        route: SYNC_INGEST_PATH,
      });
      expect(kit.logs.filter((line) => line.includes(planted) || line.includes('crashed on'))).toEqual([]);
    } finally {
      await kit.superQuery('drop trigger hostile_probe on audit_entries; drop function hostile_probe()');
    }
  });

  it('what the fuzz test found: text with a NUL in a name, and two stores created with one code at once, are 4xx', async () => {
    const store = (name: string, code = '0777') =>
      api<{ error?: string }>(kit.url, '/v1/admin/stores', { bearer: tenant.adminKey, body: { code, name } });
    expect((await store('Tienda\u0000 Norte', '0778')).status).toBe(400);
    const codes = await api<{ error?: string }>(kit.url, '/v1/admin/enrolment-codes', {
      bearer: tenant.adminKey,
      body: { storeId: owner.storeId, registerName: 'Caja\uD800' },
    });
    expect(codes.status).toBe(400);
    const racing = await Promise.all(Array.from({ length: 6 }, () => store('Tienda Sur')));
    expect(racing.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
  });
});
