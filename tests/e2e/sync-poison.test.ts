// Issue 15's stalled register, end to end against the real central API on PostgreSQL: a register whose outbox holds
// an event the central database cannot store (a NUL in a product description) parks it and delivers the rest; an
// event the server keeps failing on while its /health is OK is bisected out, struck three times and parked; both
// show in the register's sync status (the monitoring panel's card) and nothing else is lost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit } from '../../src/core/store/audit';
import { openDatabase, type OpenedDatabase } from '../../src/core/store/open-database';
import { enrolRegister } from '../../src/core/sync/enrol';
import { SyncPusher } from '../../src/core/sync/sync-pusher';
import { pendingCount } from '../../src/core/sync/sync-outbox';
import { MemoryKeyProtector } from '../../src/core/vault/key-protector';
import { MemoryVaultStorage, Vault } from '../../src/core/vault/vault';
import { api, startSyncTestServer, type SyncTestServer, type Tenant } from '../fixtures/pg-test-db';

let kit: SyncTestServer;
let tenant: Tenant;
let store: OpenedDatabase;
let vault: Vault;
let deviceId: string;

const audit = (action: string, details: Record<string, unknown>) =>
  store.db.transaction((tx) => appendAudit(tx, { actor: 'sistema:e2e', action, details }, new Date()));

beforeAll(async () => {
  kit = await startSyncTestServer();
  tenant = await kit.createTenant('Cadena Atascada');
  const created = await api<{ id: string }>(kit.url, '/v1/admin/stores', {
    bearer: tenant.adminKey,
    body: { code: '0000', name: 'Casa matriz' },
  });
  const code = await api<{ code: string }>(kit.url, '/v1/admin/enrolment-codes', {
    bearer: tenant.adminKey,
    body: { storeId: created.body.id, registerName: 'Caja 1' },
  });
  store = openDatabase({ path: ':memory:' });
  vault = new Vault(new MemoryVaultStorage(), new MemoryKeyProtector());
  const enrolled = await enrolRegister(
    { db: store.db, vault },
    { serverUrl: kit.url, code: code.body.code },
    { actor: 'gerente' },
  );
  if (!enrolled.ok) throw new Error(enrolled.message);
  deviceId = enrolled.deviceId;
  // A stand-in for a server-side fault no check foresees: this one audit action makes the insert fail (not a data
  // error, so the server answers 500 for any batch holding it).
  await kit.superQuery(`create function e2e_poison() returns trigger language plpgsql as $$ begin
      if new.action = 'e2e.poison' then raise exception 'boom' using errcode = 'XX000'; end if; return new; end $$`);
  await kit.superQuery(
    'create trigger e2e_poison before insert on audit_entries for each row execute function e2e_poison()',
  );
});

afterAll(async () => {
  store?.close();
  await kit?.close();
});

describe('a register never stalls on one bad event', () => {
  it('parks the unstorable and the poison events, delivers everything else, and says so in its sync status', async () => {
    const serverCount = async () =>
      (
        await kit.superQuery<{ n: number }>('select count(*)::int as n from audit_entries where device_id = $1', [
          deviceId,
        ])
      )[0]?.n;
    for (let i = 0; i < 5; i++) audit('sale.captured', { i });
    audit('product.updated', { description: 'Arroz\u0000 5 lb' });
    for (let i = 5; i < 9; i++) audit('sale.captured', { i });
    audit('e2e.poison', { n: 1 });
    for (let i = 9; i < 14; i++) audit('sale.captured', { i });
    const pusher = new SyncPusher({ db: store.db, vault, random: () => 0.5 }, { batchSize: 500, backoffMs: [10] });
    const results = [await pusher.pushNow(), await pusher.pushNow(), await pusher.pushNow()];
    expect(results.map((r) => r.kind)).toEqual(['failed', 'failed', 'done']);
    expect(pendingCount(store.db)).toBe(0);
    const localTotal = (store.sqlite.prepare('select count(*) as n from audit_log').get() as { n: number }).n;
    expect(await serverCount()).toBe(localTotal - 2); // everything but the two parked entries (enrolment's own included)
    const status = pusher.status();
    expect(status).toMatchObject({ pending: 0, lastError: null, consecutiveFailures: 0, rejectedTotal: 2 });
    expect(status.recentRejections.map((r) => r.reason)).toEqual(['server_error', 'unstorable_text']);
    const local = store.sqlite
      .prepare("select count(*) as n from audit_log where action in ('e2e.poison', 'product.updated')")
      .get() as { n: number };
    expect(local.n).toBe(2); // parked, not lost: still in the register's own trail
  });
});
