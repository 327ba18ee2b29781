// The `columns` row encoding (one array per column, `unnest`; decision 0042) stores exactly what the `json` encoding
// (json_to_recordset, decision 0026) stores: the same batches, with the same event ids, go through each encoding into
// two organisations of one database, and every stored column (ids, hashes, texts, JSON details, money), the rows'
// insertion order and the statement's answers (fresh entries, status count, chain neighbours, replays) are compared.
// The values include what an array literal must escape: quotes, backslashes, braces, commas, the text "NULL".
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditChain } from '../../../tests/fixtures/audit-chain-events';
import { startSyncTestServer, type SyncTestServer } from '../../../tests/fixtures/pg-test-db';
import type { AuditEvent, DocumentStatusEvent } from '../../shared/sync/events';
import { openTenantDatabase, type TenantDatabase } from '../db/tenant-db';
import { arrayLiteral, type RowEncoding } from './ingest-rows';
import { storeEvents, type DeviceRef, type StoreMode } from './store-events';

let kit: SyncTestServer;
let db: TenantDatabase;
const tills = {} as Record<RowEncoding, DeviceRef>;

beforeAll(async () => {
  kit = await startSyncTestServer();
  db = await openTenantDatabase(kit.database.config);
  for (const encoding of ['json', 'columns'] as const) {
    const tenant = await kit.createTenant(`Tienda ${encoding}`);
    const till = await kit.enrolRegister(tenant, '0001');
    tills[encoding] = { orgId: tenant.orgId, deviceId: till.deviceId, storeId: till.storeId };
  }
}, 60_000);

afterAll(async () => {
  await db?.close();
  await kit?.close();
});

const at = (n: number) => `2026-12-06T10:${String(n % 60).padStart(2, '0')}:00.123Z`;
const trail = auditChain();
let seq = 0;
const awkward = ['O"Brien \\ {x}, y', 'NULL', '', 'Año ñandú € 😀', '{"a":1}', 'a,b', ' spaced '];

function batch(sales: number): { audit: AuditEvent[]; statuses: DocumentStatusEvent[] } {
  const audit: AuditEvent[] = [];
  const statuses: DocumentStatusEvent[] = [];
  for (let i = 0; i < sales; i++) {
    const documentId = randomUUID();
    const text = awkward[i % awkward.length]!;
    const payload = trail.next({
      at: at(seq),
      actorName: text === '' ? 'Caja' : text,
      approvedBy: i % 2 ? null : 'u-supervisor',
      approvedByName: i % 3 ? null : text,
      action: i % 4 ? 'sale.captured' : 'NULL',
      documentId: i % 5 ? documentId : null,
      details: { text, nested: [1, { x: null, y: '\\"' }], total: `${i}.05` },
    });
    audit.push({ eventId: randomUUID(), seq: ++seq, kind: 'audit', payload });
    for (const status of ['QUEUED', 'AUTHORIZED']) {
      statuses.push({
        eventId: randomUUID(),
        seq: ++seq,
        kind: 'document_status',
        payload: {
          documentId,
          status,
          at: at(seq),
          ...(status === 'AUTHORIZED' ? { from: 'QUEUED' } : { tipoDocumento: '01', tipoEmision: '01' }),
          ...(i % 2 ? { numero: i + 1, total: `${i}.99` } : {}),
        },
      } as DocumentStatusEvent);
    }
  }
  return { audit, statuses };
}

const store = (encoding: RowEncoding, events: ReturnType<typeof batch>, mode: StoreMode) =>
  db.withTenant(tills[encoding].orgId, (tx) =>
    storeEvents(tx, tills[encoding], events.audit, events.statuses, mode, encoding),
  );

/** Every stored column but the organisation, register and store (which differ by design), in insertion order. */
const stored = (encoding: RowEncoding) =>
  Promise.all(
    [
      `select event_id, seq, at, actor, actor_name, approved_by, approved_by_name, action, document_id, details::text,
              chain_seq, prev_hash, hash from audit_entries where org_id = $1 order by ctid`,
      `select event_id, seq, document_id, status, from_status, at, tipo_documento, numero, tipo_emision, total::text
         from document_events where org_id = $1 order by ctid`,
      `select document_id, status, status_at, status_seq, tipo_documento, numero, tipo_emision, total::text, issued_at
         from documents where org_id = $1 order by document_id`,
    ].map((query) => kit.superQuery(query, [tills[encoding].orgId])),
  );

describe('ingest rows as column arrays (unnest)', () => {
  it('writes an array literal that quotes every text and escapes quotes and backslashes', () => {
    expect(arrayLiteral(['a"b\\c', 'NULL', null, undefined, 7, { k: 'v"' }, ''])).toBe(
      '{"a\\"b\\\\c","NULL",NULL,NULL,7,"{\\"k\\":\\"v\\\\\\"\\"}",""}',
    );
    expect(arrayLiteral([])).toBe('{}');
  });

  it('stores the same rows, in the same order, with the same answers, as the JSON rows', async () => {
    const first = batch(14);
    const second = batch(9); // continues the chain: the first batch's last entry comes back as a neighbour
    const answers: Record<RowEncoding, unknown[]> = { json: [], columns: [] };
    for (const encoding of ['json', 'columns'] as const) {
      answers[encoding].push(await store(encoding, first, 'first-time'));
      answers[encoding].push(await store(encoding, second, 'first-time'));
      answers[encoding].push(await store(encoding, first, 'replay-safe')); // a replay: nothing fresh, no status
    }
    expect(answers.columns).toEqual(answers.json);
    expect(answers.columns[1]).toMatchObject({ neighbours: [{ chainSeq: first.audit.at(-1)!.payload.auditId }] });
    expect(answers.columns[2]).toMatchObject({ fresh: [], statuses: 0 });

    const [jsonRows, columnRows] = await Promise.all([stored('json'), stored('columns')]);
    expect(columnRows).toEqual(jsonRows);
    const [auditRows, statusRows] = columnRows;
    expect(auditRows!.map((r) => r['event_id'])).toEqual([...first.audit, ...second.audit].map((e) => e.eventId));
    expect(statusRows!.map((r) => r['event_id'])).toEqual(
      [...first.statuses, ...second.statuses].map((e) => e.eventId),
    );
    expect(auditRows!.map((r) => r['actor_name'])).toEqual(
      expect.arrayContaining(['O"Brien \\ {x}, y', 'NULL', 'Año ñandú € 😀']),
    );
  });
});
