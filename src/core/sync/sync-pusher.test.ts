// The register's pusher against a scripted stand-in server: order, batching, acknowledgement, backoff, resume,
// rejections, the secret guard, and the state the monitoring panel shows.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readPeerClock } from '../monitor/clock-offset';
import { appendAudit, enqueueSync } from '../store/audit';
import { openDatabase, type OpenedDatabase } from '../store/open-database';
import { MemoryKeyProtector } from '../vault/key-protector';
import { MemoryVaultStorage, Vault } from '../vault/vault';
import { acknowledge, deadServerUrl, startStubSyncServer, type StubSyncServer } from './stub-sync-server.fixture';
import { SyncPusher, type SyncPusherOptions } from './sync-pusher';
import { pendingCount } from './sync-outbox';
import { readSyncState, writeSyncConnection } from './sync-settings';

const TOKEN = 'sgd.6f1c2b3a-4d5e-4f60-8a71-92b3c4d5e6f7.device-token-for-tests-0123456789abcdef';
const HKA_TOKEN = 'hka-empresa-token-secreto-123';

let stub: StubSyncServer;
let store: OpenedDatabase;
let vault: Vault;

function connect(serverUrl: string): void {
  writeSyncConnection(store.db, {
    serverUrl,
    deviceId: '0b8e3c8a-2f7d-4e61-9a0e-4f6c1d2b3a59',
    orgId: '6f1c2b3a-4d5e-4f60-8a71-92b3c4d5e6f7',
    storeId: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
    storeCode: '0001',
    registerName: 'Caja 1',
    enrolledAt: new Date().toISOString(),
  });
}

function record(n: number): void {
  for (let i = 0; i < n; i++) {
    store.db.transaction((tx) => {
      appendAudit(
        tx,
        { actor: 'cajero-1', action: 'sale.captured', documentId: `doc-${i}`, details: { i } },
        new Date(),
      );
      enqueueSync(tx, 'document_status', { documentId: `doc-${i}`, status: 'QUEUED', at: new Date().toISOString() });
    });
  }
}

const pusher = (options: SyncPusherOptions = {}) =>
  new SyncPusher({ db: store.db, vault, random: () => 0.5 }, { backoffMs: [100, 200, 400], ...options });
const sentSeqs = () => stub.requests.flatMap((r) => (r.json.events ?? []).map((e) => e.seq));

beforeEach(async () => {
  stub = await startStubSyncServer();
  store = openDatabase({ path: ':memory:' });
  vault = new Vault(new MemoryVaultStorage(), new MemoryKeyProtector());
  vault.setSecret('sync.deviceToken', TOKEN);
  connect(stub.url);
});

afterEach(async () => {
  store.close();
  await stub.close();
});

describe('SyncPusher', () => {
  it('pushes everything in outbox order, in batches, with the token only in the Authorization header', async () => {
    record(6); // 12 rows
    const result = await pusher({ batchSize: 5 }).pushNow();
    expect(result).toEqual({ kind: 'done', sent: 12, rejected: 0 });
    expect(stub.requests.map((r) => r.json.events?.length)).toEqual([5, 5, 2]);
    expect(sentSeqs()).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(
      stub.requests.every(
        (r) => r.path === '/v1/sync/events' && r.authorization === `Bearer ${TOKEN}` && !r.body.includes(TOKEN),
      ),
    ).toBe(true);
    const first = stub.requests[0]?.json.events?.[0];
    expect(first).toMatchObject({
      kind: 'audit',
      payload: { actor: 'cajero-1', documentId: 'doc-0', details: { i: 0 } },
    });
    expect(pendingCount(store.db)).toBe(0);
  });

  it("records the central server's clock from its reply's Date header for the monitoring panel", async () => {
    record(1);
    // The server's clock is the Date header it sends (fixed here, so the offset is exact, not tied to elapsed time).
    const serverNow = new Date('2026-12-06T15:30:00Z');
    stub.answer = (request) => ({ ...acknowledge(request), headers: { date: serverNow.toUTCString() } });
    const ahead = new Date(serverNow.getTime() + 10 * 60_000 + 250);
    await new SyncPusher({ db: store.db, vault, clock: () => ahead }).pushNow();
    const server = readPeerClock(store.db, 'server');
    expect(server).toEqual({ checkedAt: ahead.toISOString(), offsetMs: 10 * 60_000 + 250 });
  });

  it('marks rows sent only once the server has answered', async () => {
    record(2);
    let release!: () => void;
    stub.answer = (request, index) =>
      index > 0 ? undefined : new Promise((resolve) => (release = () => resolve(acknowledge(request))));
    const cycle = pusher().pushNow();
    while (stub.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
    expect(pendingCount(store.db)).toBe(4); // in flight, not acknowledged
    record(1); // the checkout keeps writing meanwhile
    release();
    expect(await cycle).toEqual({ kind: 'done', sent: 6, rejected: 0 });
    expect(pendingCount(store.db)).toBe(0);
  });

  it('keeps everything when the server fails or hangs up, backs off, then resumes and sends the same events', async () => {
    record(3);
    const p = pusher({ batchSize: 4 });
    stub.answer = () => ({ status: 503, body: { error: 'down' } });
    const failed = await p.pushNow();
    expect(failed).toMatchObject({ kind: 'failed', sent: 0, retryInMs: 100 });
    stub.answer = () => 'hang-up';
    expect(await p.pushNow()).toMatchObject({ kind: 'failed', retryInMs: 200 });
    expect(p.status()).toMatchObject({ pending: 6, consecutiveFailures: 2, lastPushAt: null });
    expect(p.status().lastError).toMatch(/unreachable/);
    expect(p.status().nextAttemptAt).not.toBeNull();
    stub.answer = () => undefined;
    const afterRestart = pusher({ batchSize: 4 }); // a new instance (app restarted): the outbox tells it where to resume
    expect(await afterRestart.pushNow()).toEqual({ kind: 'done', sent: 6, rejected: 0 });
    const ids = stub.requests.map((r) => (r.json.events ?? []).map((e) => e.eventId));
    expect(ids[2]).toEqual(ids[0]); // the replay carries the same event ids: the server stores them once
    expect(afterRestart.status()).toMatchObject({
      pending: 0,
      consecutiveFailures: 0,
      lastError: null,
      nextAttemptAt: null,
    });
    expect(afterRestart.status().lastPushAt).not.toBeNull();
  });

  it('backs off on a dead server address without throwing', async () => {
    connect(await deadServerUrl());
    record(1);
    const p = pusher();
    const results = [await p.pushNow(), await p.pushNow(), await p.pushNow(), await p.pushNow()];
    expect(results.map((r) => (r.kind === 'failed' ? r.retryInMs : r.kind))).toEqual([100, 200, 400, 400]);
    expect(pendingCount(store.db)).toBe(2);
  });

  it('records what the server rejected and does not send it again', async () => {
    record(2);
    stub.answer = (request, index) => (index === 0 ? acknowledge(request, [1, 2]) : undefined);
    expect(await pusher().pushNow()).toEqual({ kind: 'done', sent: 2, rejected: 2 });
    const state = readSyncState(store.db);
    expect(state.rejectedTotal).toBe(2);
    expect(state.recentRejections.map((r) => [r.seq, r.reason])).toEqual([
      [2, 'invalid'],
      [3, 'invalid'],
    ]);
    record(1);
    await pusher().pushNow();
    expect(stub.requests[1]?.json.events?.map((e) => e.seq)).toEqual([5, 6]);
  });

  it('halves the batch on 413 and gives up only an event that is too large alone', async () => {
    record(4); // 8 rows
    stub.answer = (request) =>
      (request.json.events?.length ?? 0) > 2 || request.json.events?.[0]?.seq === 3
        ? { status: 413, body: {} }
        : undefined;
    const result = await pusher({ batchSize: 8 }).pushNow();
    expect(result).toEqual({ kind: 'done', sent: 7, rejected: 1 });
    expect(readSyncState(store.db).recentRejections).toEqual([
      expect.objectContaining({ seq: 3, reason: 'too_large' }),
    ]);
  });

  it('withholds any row that contains a vault secret', async () => {
    vault.setSecret('hka.tokenEmpresa', HKA_TOKEN);
    record(1);
    store.db.transaction((tx) =>
      appendAudit(tx, { actor: 'bug', action: 'oops', details: { leaked: `x${HKA_TOKEN}x` } }, new Date()),
    );
    record(1);
    expect(await pusher().pushNow()).toEqual({ kind: 'done', sent: 4, rejected: 1 });
    expect(stub.requests.some((r) => r.body.includes(HKA_TOKEN))).toBe(false);
    expect(readSyncState(store.db).recentRejections).toEqual([
      expect.objectContaining({ seq: 3, reason: 'withheld_secret' }),
    ]);
    expect(pendingCount(store.db)).toBe(0);
  });

  it('reports a refused token, and does nothing when not enrolled', async () => {
    record(1);
    stub.answer = () => ({ status: 401, body: { error: 'unauthorized' } });
    const p = pusher();
    expect(await p.pushNow()).toMatchObject({ kind: 'failed' });
    expect(p.status().lastError).toMatch(/revoked/);
    vault.deleteSecret('sync.deviceToken');
    expect(await p.pushNow()).toEqual({ kind: 'not_enrolled' });
    expect(p.status()).toMatchObject({ enrolled: false, pending: 2 });
    expect(stub.requests).toHaveLength(1);
  });

  it('runs on its timer once started, and stop() waits for the cycle in flight', async () => {
    // A cycle reads the clock before its first await, so a cycle that starts is seen at once, not when its request
    // reaches the stub server.
    let clockReads = 0;
    const clock = () => {
      clockReads += 1;
      return new Date();
    };
    const p = new SyncPusher({ db: store.db, vault, random: () => 0.5, clock }, { backoffMs: [100], intervalMs: 20 });
    const seen: number[] = [];
    p.onChange((s) => seen.push(s.pending));
    p.start();
    record(2);
    while (pendingCount(store.db) > 0) await new Promise((r) => setTimeout(r, 10));
    await p.stop();
    expect(pendingCount(store.db)).toBe(0);
    expect(seen).toContain(0);
    const after = { requests: stub.requests.length, clockReads };
    record(1);
    // Were its 20 ms timer still set, it would fire before this later-due 100 ms one (timers fire in due order).
    await new Promise((r) => setTimeout(r, 100));
    expect({ requests: stub.requests.length, clockReads }).toEqual(after); // stopped: no cycle, no push
  });

  it('parks an event holding text the central database cannot store, before sending it, and sends the rest', async () => {
    record(1);
    store.db.transaction((tx) =>
      appendAudit(
        tx,
        { actor: 'cajero-1', action: 'product.updated', details: { description: 'Arroz\u0000 5 lb' } },
        new Date(),
      ),
    );
    record(1);
    const p = pusher();
    expect(await p.pushNow()).toEqual({ kind: 'done', sent: 4, rejected: 1 });
    expect(sentSeqs()).toEqual([1, 2, 4, 5]);
    expect(p.status().recentRejections).toEqual([
      expect.objectContaining({
        seq: 3,
        reason: 'unstorable_text',
        message: expect.stringContaining('payload.details.description') as unknown,
      }),
    ]);
    expect(pendingCount(store.db)).toBe(0);
  });

  it('bisects a batch the server fails on, parks the one event it keeps failing on while healthy, and sends the rest', async () => {
    record(7); // 14 rows; the server fails on seq 6 (a stand-in for the NUL that stalled a register)
    const health: string[] = [];
    stub.answer = (request) => {
      if (request.path === '/health') {
        health.push('ok');
        return { status: 200, body: { status: 'ok', database: 'postgres' } };
      }
      return request.json.events?.some((e) => e.seq === 6)
        ? { status: 500, body: { error: 'internal_error' } }
        : undefined;
    };
    const p = pusher({ batchSize: 14 });
    const first = await p.pushNow();
    expect(first).toMatchObject({ kind: 'failed', sent: 5 });
    expect(p.status().lastError).toMatch(/event 6 alone \(1\/3\)/);
    expect(await p.pushNow()).toMatchObject({ kind: 'failed', sent: 0 });
    expect(await p.pushNow()).toEqual({ kind: 'done', sent: 8, rejected: 1 });
    expect(health).toHaveLength(3);
    expect(pendingCount(store.db)).toBe(0);
    const delivered = new Set(
      stub.requests
        .filter((r) => r.path !== '/health' && !r.json.events?.some((e) => e.seq === 6))
        .flatMap((r) => r.json.events?.map((e) => e.seq) ?? []),
    );
    expect([...delivered].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(p.status()).toMatchObject({
      rejectedTotal: 1,
      consecutiveFailures: 0,
      lastError: null,
      recentRejections: [expect.objectContaining({ seq: 6, reason: 'server_error' })],
    });
    expect(readSyncState(store.db).suspect).toBeNull();
  });

  it('gives no strike while the server is down (500 and a failing health check): it only backs off', async () => {
    record(1);
    stub.answer = (request) =>
      request.path === '/health' ? { status: 503, body: { status: 'unavailable' } } : { status: 500, body: {} };
    const p = pusher();
    for (let i = 0; i < 4; i++) expect(await p.pushNow()).toMatchObject({ kind: 'failed' });
    expect(p.status().lastError).toMatch(/health check fails/);
    expect(readSyncState(store.db).suspect).toBeNull();
    expect(pendingCount(store.db)).toBe(2);
  });

  it('keeps strikes across restarts and forgets them when the event goes through', async () => {
    record(1); // seqs 1, 2
    stub.answer = (request) =>
      request.path === '/health' ? { status: 200, body: { status: 'ok' } } : { status: 500, body: {} };
    await pusher({ batchSize: 1 }).pushNow();
    await pusher({ batchSize: 1 }).pushNow(); // a restarted app
    expect(readSyncState(store.db).suspect).toEqual({ seq: 1, strikes: 2 });
    stub.answer = () => undefined;
    expect(await pusher().pushNow()).toEqual({ kind: 'done', sent: 2, rejected: 0 });
    expect(readSyncState(store.db).suspect).toBeNull();
  });
});
