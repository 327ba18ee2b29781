// The read worker (decision 0024) on a real SQLite file written by the year generator's small variant: every read
// query answers on the worker's read-only connection exactly what it answers on the core's; errors keep their code;
// a thread that dies under a read, or never starts, leaves the read answered on the core's connection and the next
// read starts a new thread; the handlers' access rules still decide before any read runs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { draftWithItems } from '../../../bench/capture-drafts';
import { generateYear } from '../../../bench/year/generate-year';
import { areaBinding } from '../../../tests/fixtures/area-binding';
import { AUDIT_CHAIN_GENESIS } from '../../shared/audit/audit-chain';
import { BLIND_X_REFUSED, createReportsHandlers } from '../app/areas/reports/handlers';
import { captureSale } from '../sales/capture-sale';
import { openDatabase, type OpenedDatabase } from '../store/open-database';
import { DEFAULT_ISSUER_SETTINGS } from '../store/settings-repo';
import { inlineReads } from './inline-reads';
import type { ReadReply, ReadWorkerData } from './read-protocol';
import type { ReadArgs, ReadName } from './read-queries';
import { ReadWorker, READS_CLOSED } from './read-worker';
import { startWorkerThread } from './worker-thread';

let dir: string;
let store: OpenedDatabase;
let path: string;
const workers: ReadWorker[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sago-reads-'));
  path = join(dir, 'sago-simulador.sqlite');
  store = openDatabase({ path, checkpointIntervalMs: 0 });
  const year = await generateYear(store, { docs: 400, days: 4, seed: 11 });
  // Three sales after the last Z: their capture opens the shift the X report reads.
  const deps = {
    db: store.db,
    issuer: DEFAULT_ISSUER_SETTINGS,
    emissionMode: () => ({ tipoEmision: '01' as const }),
    clock: () => year.end,
    actor: 'cajero-ana',
  };
  for (const items of [1, 5, 12]) {
    const sold = captureSale(deps, draftWithItems(items));
    if (!sold.ok) throw new Error(JSON.stringify(sold.violations));
  }
}, 120_000);

afterAll(async () => {
  for (const worker of workers) await worker.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A read worker on the test's file whose threads the test can reach (to kill one). */
function readWorker(
  options: {
    entry?: URL;
    log?: { warn(message: string, meta?: Record<string, unknown>): void };
    idleMs?: number;
    sliceChars?: number;
  } = {},
) {
  const threads: Worker[] = [];
  const { sliceChars, ...rest } = options;
  const worker = new ReadWorker({
    data: { path, sliceChars },
    fallback: inlineReads(store.db),
    ...rest,
    start: (entry: URL, data: ReadWorkerData) => {
      const thread = startWorkerThread(entry, data);
      threads.push(thread);
      return thread;
    },
  });
  workers.push(worker);
  return { worker, threads };
}

const sql = <T>(query: string) => store.sqlite.prepare(query).pluck().get() as T;

describe('the read worker', () => {
  it('answers every read query exactly as the core connection does', async () => {
    const { worker } = readWorker();
    const inline = inlineReads(store.db);
    const lastDay = sql<string>('SELECT max(substr(fecha_emision, 1, 10)) FROM documents');
    const closedShift = sql<string>('SELECT id FROM shifts WHERE z_report IS NOT NULL ORDER BY opened_at LIMIT 1');
    const at = new Date(Date.parse(sql<string>('SELECT max(created_at) FROM documents')) + 3_600_000).toISOString();
    const cases: { [K in ReadName]: ReadArgs<K> } = {
      xReport: { at },
      zReport: { shiftId: closedShift },
      salesReport: { from: `${lastDay.slice(0, 8)}01`, to: lastDay },
      documentsList: { limit: 50, query: 'maria' },
      auditList: { limit: 50 },
      auditCsv: {},
      auditChainPage: { afterId: 0, expectedPrev: AUDIT_CHAIN_GENESIS, pageSize: 500 },
      monitorOverview: {
        at,
        hours: 48,
        inputs: {
          queue: { waiting: 0, inFlight: 0, parked: 0, failed: 0 },
          contingency: { active: false, needsExtendedReason: false },
        },
      },
    };
    for (const [name, args] of Object.entries(cases) as [ReadName, never][]) {
      const expected = await inline.run(name, args);
      expect(await worker.run(name, args), name).toEqual(expected);
    }
    const page = await worker.run('documentsList', { limit: 5 });
    expect(page.items).toHaveLength(5);
    expect(worker.starts).toBe(1);
  });

  it('answers the whole history sales report in many slices exactly as the core connection does', async () => {
    const { worker, threads } = readWorker({ sliceChars: 512 });
    const from = sql<string>('SELECT min(substr(fecha_emision, 1, 10)) FROM documents');
    const to = sql<string>('SELECT max(substr(fecha_emision, 1, 10)) FROM documents');
    const expected = await inlineReads(store.db).run('salesReport', { from, to });
    expect(JSON.stringify(expected.report.byProduct).length).toBeGreaterThan(20 * 512); // over 20 slices
    const answer = worker.run('salesReport', { from, to });
    const replies: ReadReply[] = [];
    threads[0]!.on('message', (reply: ReadReply) => replies.push(reply));
    const sliced = await answer;
    expect(replies[0]).toMatchObject({ ok: true, value: { report: { byProduct: [] } } });
    const slices = replies[0]?.ok ? replies[0].sliced?.find((a) => a.path.at(-1) === 'byProduct')?.slices : [];
    expect(slices?.length).toBeGreaterThan(20);
    expect(sliced).toEqual(expected);
    expect(JSON.stringify(sliced)).toBe(JSON.stringify(expected)); // same keys in the same order
  });

  it('keeps an AppError as data: code and Spanish message', async () => {
    const { worker } = readWorker();
    await expect(worker.run('zReport', { shiftId: 'no-such-shift' })).rejects.toMatchObject({
      name: 'AppError',
      code: 'not_found',
      message: 'El turno no existe',
    });
  });

  it('answers a read on the core connection when the thread dies under it, and starts a new thread next', async () => {
    const log = { warn: vi.fn<(message: string, meta?: Record<string, unknown>) => void>() };
    const { worker, threads } = readWorker({ log });
    const expected = await inlineReads(store.db).run('auditList', { limit: 20 });
    await worker.run('documentsList', { limit: 1 }); // the thread is up
    const inFlight = worker.run('auditList', { limit: 20 });
    await threads[0]!.terminate(); // the thread dies with the read in flight
    expect(await inFlight).toEqual(expected);
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('Read worker stopped'), expect.anything());
    expect(await worker.run('auditList', { limit: 20 })).toEqual(expected);
    expect(worker.starts).toBe(2);
    expect(threads).toHaveLength(2);
  });

  it('ends its thread after a while without reads, quietly, and starts a new one for the next read', async () => {
    const log = { warn: vi.fn<(message: string, meta?: Record<string, unknown>) => void>() };
    const { worker, threads } = readWorker({ log, idleMs: 50 });
    const first = await worker.run('documentsList', { limit: 2 });
    // No read for 50 ms: the thread and its memory go (a worker no longer running has threadId -1).
    await vi.waitFor(() => expect(threads[0]!.threadId).toBe(-1), { timeout: 10_000 });
    expect(await worker.run('documentsList', { limit: 2 })).toEqual(first);
    expect(worker.starts).toBe(2);
    expect(log.warn).not.toHaveBeenCalled();
  });

  it('keeps its thread while reads keep coming', async () => {
    const { worker } = readWorker({ idleMs: 60_000 });
    for (let i = 0; i < 3; i++) await worker.run('documentsList', { limit: 1 });
    expect(worker.starts).toBe(1);
  });

  it('answers on the core connection when the thread cannot start', async () => {
    const log = { warn: vi.fn<(message: string, meta?: Record<string, unknown>) => void>() };
    const { worker } = readWorker({ entry: new URL('./no-such-entry.js', import.meta.url), log });
    const expected = await inlineReads(store.db).run('documentsList', { limit: 3 });
    expect(await worker.run('documentsList', { limit: 3 })).toEqual(expected);
    expect(log.warn).toHaveBeenCalledTimes(1);
  });

  it('refuses reads once closed, with a Spanish message', async () => {
    const { worker } = readWorker();
    await worker.close();
    await expect(worker.run('documentsList', { limit: 1 })).rejects.toMatchObject({ message: READS_CLOSED });
  });

  it('leaves access to the handlers: a cashier gets no X report with the blind count, and no read runs', async () => {
    const { worker } = readWorker();
    const run = vi.spyOn(worker, 'run');
    const clock = () => new Date(Date.parse(sql<string>('SELECT max(created_at) FROM documents')) + 60_000);
    const h = await areaBinding(store.db, clock, createReportsHandlers({ db: store.db, clock, reads: worker }));
    const x = await h.ok('reports:xReport', {}); // the gerente's X report, from the worker
    expect(x.report.kind).toBe('X');
    expect(run).toHaveBeenCalledTimes(1);
    await h.ok('auth:signIn', { username: 'cajero', pin: '1357' });
    await expect(h.ok('reports:xReport', {})).rejects.toMatchObject({
      code: 'not_allowed',
      message: expect.stringContaining(BLIND_X_REFUSED) as unknown,
    });
    expect(run).toHaveBeenCalledTimes(1);
  });
});
