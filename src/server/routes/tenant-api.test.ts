// Two organisations on one API: every read and write of A made with B's credentials, or with a forged
// organisation id, is refused or returns nothing. Plus the head-office read API itself (filters, cursors, counts).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  startSyncTestServer,
  type EnrolledRegister,
  type SyncTestServer,
  type Tenant,
} from '../../../tests/fixtures/pg-test-db';
import { SYNC_INGEST_PATH } from '../../shared/sync/batch';
import { auditChain } from '../../../tests/fixtures/audit-chain-events';

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
interface Doc {
  documentId: string;
  status: string;
  storeCode: string;
  deviceId: string;
  total: string | null;
  issuedAt: string;
}
interface Audit {
  eventId: string;
  action: string;
  details: Record<string, unknown>;
  seq: number;
}

let kit: SyncTestServer;
let a: Tenant;
let b: Tenant;
let a1: EnrolledRegister;
let a2: EnrolledRegister;
let b1: EnrolledRegister;
let seq = 0;
const trail = auditChain();

function capture(documentId: string, minute: number, tipoEmision = '01', status = 'QUEUED') {
  seq += 1;
  const at = `2026-11-${minute < 30 ? '27' : '28'}T15:${String(minute).padStart(2, '0')}:00.000Z`;
  return [
    {
      eventId: randomUUID(),
      seq,
      kind: 'document_status',
      payload: { documentId, status, at, tipoDocumento: '01', numero: seq, tipoEmision, total: `${seq}.25` },
    },
    {
      eventId: randomUUID(),
      seq: seq + 1000,
      kind: 'audit',
      payload: trail.next({ at, actor: 'cajero-1', action: 'sale.captured', documentId, details: { numero: seq } }),
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
  await push(a1.token, [
    ...capture('a-doc-1', 1),
    ...capture('a-doc-2', 31),
    ...capture('a-doc-3', 32, '02'),
    ...capture('a-doc-4', 33, '01', 'REJECTED'),
  ]);
  await push(a2.token, [...capture('a-doc-5', 34, '01', 'AUTHORIZED')]);
  await push(b1.token, [...capture('b-doc-1', 35)]);
});

afterAll(async () => {
  await kit?.close();
});

describe('tenant isolation over HTTP', () => {
  it("B's admin key sees none of A's documents, audit, stores or registers", async () => {
    const docs = await get<Page<Doc>>(b.adminKey, '/v1/documents');
    expect(docs.body.items.map((d) => d.documentId)).toEqual(['b-doc-1']);
    const audit = await get<Page<Audit>>(b.adminKey, '/v1/audit?q=a-doc');
    expect(audit.body.items).toEqual([]);
    const summary = await get<{ items: { code: string; total: number }[] }>(b.adminKey, '/v1/stores/summary');
    expect(summary.body.items).toEqual([expect.objectContaining({ code: '0001', total: 1 })]);
    const devices = await get<{ items: { id: string }[] }>(b.adminKey, '/v1/admin/devices');
    expect(devices.body.items.map((d) => d.id)).toEqual([b1.deviceId]);
    expect((await get<Page<Doc>>(b.adminKey, `/v1/documents?deviceId=${a1.deviceId}`)).body.items).toEqual([]);
  });

  it("B cannot act on A's registers or stores", async () => {
    const revoke = await api(kit.url, `/v1/admin/devices/${a1.deviceId}/revoke`, {
      method: 'POST',
      bearer: b.adminKey,
    });
    expect(revoke.status).toBe(404);
    const code = await api(kit.url, '/v1/admin/enrolment-codes', {
      bearer: b.adminKey,
      body: { storeId: a1.storeId, registerName: 'intrusa' },
    });
    expect(code.status).toBe(404);
    expect((await push(a1.token, capture('still-works', 40))).status).toBe(200); // A's register was not revoked
  });

  it("B's register writes land in B only, even reusing A's event ids", async () => {
    const [aEvents] = await kit.superQuery<{ ids: string[] }>(
      "select array_agg(event_id::text) as ids from audit_entries where document_id = 'a-doc-1'",
    );
    const replayed = {
      eventId: aEvents!.ids[0],
      seq: 999,
      kind: 'audit',
      payload: trail.next({
        at: '2026-11-28T16:00:00.000Z',
        actor: 'intruso',
        action: 'x',
        documentId: 'a-doc-1',
        details: {},
      }),
    };
    const response = await push(b1.token, [replayed]);
    expect(response.body.stored).toBe(1); // a different (org, event) key: no clash, no overwrite
    const rows = await kit.superQuery<{ org_id: string; actor: string }>(
      'select org_id, actor from audit_entries where event_id = $1 order by actor',
      [replayed.eventId],
    );
    expect(rows).toEqual([
      { org_id: a.orgId, actor: 'cajero-1' },
      { org_id: b.orgId, actor: 'intruso' },
    ]);
    expect((await get<Page<Audit>>(a.adminKey, '/v1/audit?actor=intruso')).body.items).toEqual([]);
  });

  it('a forged organisation id is refused, in the credential or as a parameter', async () => {
    const forged = a.adminKey.replace(a.orgId, b.orgId);
    expect((await get(forged, '/v1/documents')).status).toBe(401);
    const asParam = await get<{ error: string }>(a.adminKey, `/v1/documents?orgId=${b.orgId}`);
    expect(asParam.status).toBe(400);
    const viaHeader = await api<Page<Doc>>(kit.url, '/v1/documents', {
      bearer: a.adminKey,
      headers: { 'x-org-id': b.orgId },
    });
    expect(viaHeader.body.items.map((d) => d.documentId)).not.toContain('b-doc-1');
    expect(viaHeader.body.items).toHaveLength(6);
    expect((await get(b1.token, '/v1/documents')).status).toBe(401); // a device token cannot read
  });
});

describe('head-office read API', () => {
  it('pages documents newest first with a cursor, and filters them', async () => {
    const first = await get<Page<Doc>>(a.adminKey, '/v1/documents?limit=2');
    expect(first.body.items.map((d) => d.documentId)).toEqual(['still-works', 'a-doc-5']);
    const second = await get<Page<Doc>>(a.adminKey, `/v1/documents?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((d) => d.documentId)).toEqual(['a-doc-4', 'a-doc-3']);
    const third = await get<Page<Doc>>(a.adminKey, `/v1/documents?limit=2&cursor=${second.body.nextCursor}`);
    expect(third.body).toEqual({
      items: [expect.objectContaining({ documentId: 'a-doc-2' }), expect.objectContaining({ documentId: 'a-doc-1' })],
      nextCursor: null,
    });
    expect(
      (await get<Page<Doc>>(a.adminKey, '/v1/documents?status=REJECTED')).body.items.map((d) => d.documentId),
    ).toEqual(['a-doc-4']);
    expect(
      (await get<Page<Doc>>(a.adminKey, `/v1/documents?storeId=${a2.storeId}`)).body.items.map((d) => d.documentId),
    ).toEqual(['a-doc-5']);
    // Bare dates are days in Panama (UTC-5): 2026-11-27 ends at 05:00Z on the 28th.
    expect(
      (await get<Page<Doc>>(a.adminKey, '/v1/documents?from=2026-11-27&to=2026-11-28')).body.items.map(
        (d) => d.documentId,
      ),
    ).toEqual(['a-doc-1']);
    expect(first.body.items[1]).toMatchObject({
      total: '5.25',
      storeCode: '0002',
      issuedAt: '2026-11-28T15:34:00.000Z',
    });
    expect((await get(a.adminKey, '/v1/documents?cursor=garbage')).status).toBe(400);
  });

  it('searches the audit trail', async () => {
    const found = await get<Page<Audit>>(a.adminKey, '/v1/audit?q=SALE.CAPT&limit=100');
    expect(found.body.items).toHaveLength(6); // a case-insensitive substring of action, actor or details
    expect((await get<Page<Audit>>(a.adminKey, '/v1/audit?q=%22numero%22%3A%203')).body.items).toHaveLength(1);
    const byDoc = await get<Page<Audit>>(a.adminKey, '/v1/audit?documentId=a-doc-3');
    expect(byDoc.body.items.map((e) => e.details)).toEqual([{ numero: 3 }]);
    const prefix = await get<Page<Audit>>(a.adminKey, '/v1/audit?action=sale.*&limit=3');
    expect(prefix.body.items).toHaveLength(3);
    const rest = await get<Page<Audit>>(a.adminKey, `/v1/audit?action=sale.*&limit=3&cursor=${prefix.body.nextCursor}`);
    expect(new Set([...prefix.body.items, ...rest.body.items].map((e) => e.eventId)).size).toBe(6);
    expect(rest.body.nextCursor).toBeNull();
  });

  it('counts documents per store', async () => {
    // The manager at store 0001 discards its rejected document (REJECTED → CANCELLED, a later status of a-doc-4).
    seq += 1;
    await push(a1.token, [
      {
        eventId: randomUUID(),
        seq,
        kind: 'document_status',
        payload: {
          documentId: 'a-doc-4',
          status: 'CANCELLED',
          from: 'REJECTED',
          at: '2026-11-28T16:00:00.000Z',
          tipoDocumento: '01',
          numero: 4,
          tipoEmision: '01',
          total: '4.25',
        },
      },
    ]);
    const summary = await get<{ items: Record<string, unknown>[] }>(a.adminKey, '/v1/stores/summary');
    expect(summary.body.items).toEqual([
      {
        storeId: a1.storeId,
        code: '0001',
        name: 'Tienda 0001',
        total: 5,
        authorized: 0,
        pending: 4,
        contingency: 1,
        rejected: 0,
        failed: 0,
        annulled: 0,
        cancelled: 1,
      },
      {
        storeId: a2.storeId,
        code: '0002',
        name: 'Tienda 0002',
        total: 1,
        authorized: 1,
        pending: 0,
        contingency: 0,
        rejected: 0,
        failed: 0,
        annulled: 0,
        cancelled: 0,
      },
    ]);
  });
});
