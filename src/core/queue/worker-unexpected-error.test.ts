// A job whose processing throws (not an HKA answer: the vault, a corrupt body, a bug) costs an attempt each time and
// ends FAILED with the error for the manager, instead of coming back every lease period forever. The clock is fake:
// the test moves it past each backoff wait and past the lease, and ticks the worker itself.
import { afterEach, describe, expect, it } from 'vitest';
import { SALE, waitFor } from '../../../tests/fixtures/register-harness';
import { createHkaClient } from '../hka/client/hka-client';
import { startHkaSimulator, type HkaSimulator } from '../hka/simulator';
import { captureSale } from '../sales/capture-sale';
import { openDatabase, type OpenedDatabase } from '../store/open-database';
import { DEFAULT_ISSUER_SETTINGS } from '../store/settings-repo';
import { ConnectivityMonitor } from './connectivity';
import { ContingencyManager } from './contingency';
import { queueCounts } from './outbox-repo';
import { TransmissionWorker } from './transmission-worker';

const BACKOFF = [1_000, 2_000];
const LEASE_MS = 60_000;

let sim: HkaSimulator | undefined;
let store: OpenedDatabase | undefined;
let worker: TransmissionWorker | undefined;
afterEach(async () => {
  await worker?.stop(1_000);
  store?.close();
  await sim?.close();
  worker = undefined;
  store = undefined;
  sim = undefined;
});

async function setUp(withCredentials: () => Promise<never> | undefined) {
  sim = await startHkaSimulator({});
  store = openDatabase({ path: ':memory:' });
  let now = Date.parse('2026-12-05T14:00:00Z');
  const clock = () => new Date(now);
  const client = await createHkaClient({
    environment: 'simulador',
    endpoint: sim.endpoint,
    connectTimeoutMs: 300,
    responseTimeoutMs: 400,
  });
  let calls = 0;
  const credentials = {
    withCredentials<T>(use: (c: { tokenEmpresa: string; tokenPassword: string }) => Promise<T>): Promise<T> {
      calls += 1;
      const thrown = withCredentials();
      return thrown ?? use({ tokenEmpresa: 'x', tokenPassword: 'y' });
    },
  };
  const connectivity = new ConnectivityMonitor(() => Promise.resolve(true), {
    offlineProbeMs: 3_600_000,
    onlineProbeMs: 3_600_000,
  });
  const contingency = new ContingencyManager(store.db, clock, {});
  worker = new TransmissionWorker(
    { db: store.db, client, connectivity, contingency, credentials, clock, random: () => 0.5 },
    { concurrency: 1, callsPerSecond: 1_000, leaseMs: LEASE_MS, pollMs: 3_600_000, backoffMs: BACKOFF },
  );
  const captured = captureSale(
    {
      db: store.db,
      issuer: DEFAULT_ISSUER_SETTINGS,
      emissionMode: () => ({ tipoEmision: '01' }),
      clock,
      actor: 'cajero-1',
    },
    SALE,
  );
  if (!captured.ok) throw new Error(JSON.stringify(captured.violations));
  const db = store;
  const job = () =>
    db.sqlite
      .prepare(
        'SELECT state, attempts, maybe_sent AS maybeSent, last_error AS lastError FROM outbox_jobs WHERE document_id = ?',
      )
      .get(captured.captured.id) as { state: string; attempts: number; maybeSent: number; lastError: string | null };
  const doc = () =>
    db.sqlite
      .prepare('SELECT status, hka_mensajes AS mensajes FROM documents WHERE id = ?')
      .get(captured.captured.id) as { status: string; mensajes: string | null };
  return {
    id: captured.captured.id,
    job,
    doc,
    calls: () => calls,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('a job that throws inside processing', () => {
  it('counts an attempt each time and ends FAILED with the error after the configured attempts', async () => {
    const t = await setUp(() => Promise.reject(new Error('keychain locked')));
    const w = worker!;
    w.start();
    await waitFor(() => t.job().attempts === 1, 3_000, 'first attempt counted');
    expect(t.job()).toMatchObject({ state: 'pending', maybeSent: 1, lastError: 'Error: keychain locked' });
    expect(t.doc().status).toBe('QUEUED');

    t.advance(BACKOFF[0]! * 2);
    w.tick();
    await waitFor(() => t.job().attempts === 2, 3_000, 'second attempt counted');
    t.advance(BACKOFF[1]! * 2);
    w.tick();
    await waitFor(() => t.job().state === 'failed', 3_000, 'failed');

    expect(t.job()).toMatchObject({ attempts: 3, lastError: 'Error: keychain locked' });
    const { status, mensajes } = t.doc();
    expect(status).toBe('FAILED');
    expect(JSON.parse(mensajes ?? '[]')).toEqual([
      expect.stringMatching(/^Error interno del registro.*keychain locked/),
    ]);
    expect(queueCounts(store!.db)).toMatchObject({ waiting: 0, failed: 1 });

    // Past any lease and backoff, it is not claimed again: nothing comes back by itself.
    t.advance(LEASE_MS * 10);
    w.tick();
    await w.stop(1_000);
    expect(t.calls()).toBe(3);
    expect(t.job().state).toBe('failed');
  });

  it('a corrupt stored document (a mapping exception) ends FAILED the same way', async () => {
    const t = await setUp(() => undefined);
    store!.sqlite.prepare('UPDATE documents SET body = ? WHERE id = ?').run('{"items":null}', t.id);
    const w = worker!;
    w.start();
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      await waitFor(() => t.job().attempts === attempt, 3_000, `attempt ${attempt}`);
      t.advance(10_000);
      w.tick();
    }
    await waitFor(() => t.doc().status === 'FAILED', 3_000, 'failed');
    expect(t.job().state).toBe('failed');
    expect(sim!.ledger()).toHaveLength(0);
  });
});
