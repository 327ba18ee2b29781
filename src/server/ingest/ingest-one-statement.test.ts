// The one-statement store (store-events.ts) against the real PostgreSQL, through HTTP: what one batch mixes in the
// middle — an event id repeated, a status of a document another register owns, an edited audit entry, a value the
// database refuses — is handled alone, and the rest of the batch lands.
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
let seq = 0;
const at = (n: number) => `2026-12-05T15:${String(n % 60).padStart(2, '0')}:00.000Z`;

const push = async (token: string, events: unknown[]) =>
  (await api<SyncBatchResponse>(kit.url, SYNC_INGEST_PATH, { bearer: token, body: { events } })).body;
const audit = (payload: object) => ({ eventId: randomUUID(), seq: ++seq, kind: 'audit', payload });
const status = (documentId: string, value: string, extra: object = {}) => ({
  eventId: randomUUID(),
  seq: ++seq,
  kind: 'document_status',
  payload: { documentId, status: value, at: at(seq), ...extra },
});
const breaksOf = (till: EnrolledRegister) =>
  kit.superQuery<{ chain_seq: number; reason: string }>(
    'select chain_seq::int, reason from audit_chain_breaks where device_id = $1 order by chain_seq, reason',
    [till.deviceId],
  );
const countOf = async (table: 'audit_entries' | 'document_events', till: EnrolledRegister) =>
  (
    await kit.superQuery<{ n: number }>(`select count(*)::int as n from ${table} where device_id = $1`, [till.deviceId])
  )[0]?.n;

/** A document `owner` reported first: another register's status for it is foreign. */
async function ownedDocument(): Promise<string> {
  const documentId = randomUUID();
  expect(await push(owner.token, [status(documentId, 'QUEUED', { total: '3.00' })])).toMatchObject({ stored: 1 });
  return documentId;
}

/** Four chained entries of a fresh register's trail, the second edited after it was chained (its hash no longer holds). */
function trailWithEditedSecond() {
  const trail = auditChain();
  const entries = [1, 2, 3, 4].map((n) => trail.next({ at: at(n), details: { total: `${n}.00` } }));
  entries[1] = { ...entries[1]!, details: { total: '0.01' } };
  return entries.map(audit);
}

beforeAll(async () => {
  kit = await startSyncTestServer();
  tenant = await kit.createTenant('Mini Super Los Andes');
  owner = await kit.enrolRegister(tenant, '0001', 'Caja dueña');
});

afterAll(async () => {
  await kit?.close();
});

describe('one batch, one statement', () => {
  it('stores the rest of a batch around a repeated event id, a foreign status and an edited entry', async () => {
    const till = await kit.enrolRegister(tenant, '0001', 'Caja mezcla');
    const foreignDocument = await ownedDocument();
    const [e1, e2, e3, e4] = trailWithEditedSecond();
    const captured = status(randomUUID(), 'QUEUED', {
      tipoDocumento: '01',
      numero: 9,
      tipoEmision: '01',
      total: '9.50',
    });
    const foreign = status(foreignDocument, 'ANNULLED');
    const batch = [e1, captured, { ...e1 }, e2, foreign, e3, { ...captured }, e4];
    expect(await push(till.token, batch)).toEqual({
      received: 8,
      stored: 5,
      duplicates: 2,
      rejected: [expect.objectContaining({ index: 4, eventId: foreign.eventId, reason: 'foreign_document' })],
    });
    expect(await countOf('audit_entries', till)).toBe(4);
    expect(await countOf('document_events', till)).toBe(1);
    expect(await breaksOf(till)).toEqual([{ chain_seq: 2, reason: 'hash_mismatch' }]);
    const [document] = await kit.superQuery<{ status: string; device_id: string }>(
      'select status, device_id from documents where document_id = $1',
      [foreignDocument],
    );
    expect(document).toEqual({ status: 'QUEUED', device_id: owner.deviceId });
    // The replay of the whole batch stores nothing and refuses the foreign status again.
    expect(await push(till.token, batch)).toMatchObject({ stored: 0, duplicates: 7, rejected: [{ index: 4 }] });
  });

  it('stores a batch that replays part of an earlier one: the stored events are duplicates, the new ones land', async () => {
    // The first-time statement fails on the stored ids; the batch is stored again skipping them (decision 0035).
    const till = await kit.enrolRegister(tenant, '0001', 'Caja reintento');
    const trail = auditChain();
    const [e1, e2, e3, e4] = [1, 2, 3, 4].map((n) => audit(trail.next({ at: at(n), details: { total: `${n}.00` } })));
    const documentId = randomUUID();
    const queued = status(documentId, 'QUEUED', { total: '4.00' });
    const authorised = status(documentId, 'AUTHORIZED', { from: 'PROCESSING' });
    expect(await push(till.token, [e1, e2, queued])).toEqual({ received: 3, stored: 3, duplicates: 0, rejected: [] });
    expect(await push(till.token, [e2, queued, e3, authorised, e4])).toEqual({
      received: 5,
      stored: 3,
      duplicates: 2,
      rejected: [],
    });
    expect(await countOf('audit_entries', till)).toBe(4);
    expect(await countOf('document_events', till)).toBe(2);
    expect(await breaksOf(till)).toEqual([]);
    const [document] = await kit.superQuery<{ status: string }>('select status from documents where document_id = $1', [
      documentId,
    ]);
    expect(document).toEqual({ status: 'AUTHORIZED' });
  });

  it('stores the batch again event by event when the database refuses a value in the middle', async () => {
    // A stand-in for what the checks cannot foresee: a trigger refusing one document as a data exception (class 22).
    await kit.superQuery(`create function refuse_probe() returns trigger language plpgsql as $$ begin
        if new.document_id = 'refuse-me' then raise exception 'refused' using errcode = '22023'; end if;
        return new; end $$`);
    await kit.superQuery(
      'create trigger refuse_probe before insert on document_events for each row execute function refuse_probe()',
    );
    try {
      const till = await kit.enrolRegister(tenant, '0001', 'Caja lenta');
      const foreignDocument = await ownedDocument();
      const [e1, e2, e3, e4] = trailWithEditedSecond();
      const refused = status('refuse-me', 'QUEUED');
      const foreign = status(foreignDocument, 'ANNULLED');
      const batch = [e1, status(randomUUID(), 'QUEUED'), refused, foreign, e2, { ...e1 }, e3, e4];
      const response = await push(till.token, batch);
      expect(response).toMatchObject({ received: 8, stored: 5, duplicates: 1 });
      expect(response.rejected.map((r) => [r.index, r.eventId, r.reason])).toEqual([
        [2, refused.eventId, 'unstorable_value'],
        [3, foreign.eventId, 'foreign_document'],
      ]);
      expect(await countOf('audit_entries', till)).toBe(4);
      expect(await countOf('document_events', till)).toBe(1);
      expect(await breaksOf(till)).toEqual([{ chain_seq: 2, reason: 'hash_mismatch' }]);
      const [device] = await kit.superQuery<{ seen: boolean }>(
        'select last_seen_at is not null as seen from devices where id = $1',
        [till.deviceId],
      );
      expect(device).toEqual({ seen: true });
    } finally {
      await kit.superQuery('drop trigger refuse_probe on document_events; drop function refuse_probe()');
    }
  });
});
