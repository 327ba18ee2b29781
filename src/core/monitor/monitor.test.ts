// The monitoring panel's numbers from known rows on a real SQLite file: percentiles, error rate by kind, latency
// buckets, queue samples and retention, folios alarm, clock offsets, and today's sales by hour (exact decimals).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { anItem } from '../../../tests/fixtures/fiscal-documents';
import { SALE } from '../../../tests/fixtures/register-harness';
import { recordHkaCall } from '../queue/hka-metrics';
import { captureSale, type SaleDraft } from '../sales/capture-sale';
import { saveContingencySettings, DEFAULT_CONTINGENCY_SETTINGS } from '../settings/contingency-settings';
import { openDatabase, type OpenedDatabase } from '../store/open-database';
import { DEFAULT_ISSUER_SETTINGS } from '../store/settings-repo';
import { clockCheck, fetchWithDateTap, recordPeerClock } from './clock-offset';
import { foliosView, recordFolios } from './folios';
import { MonitorService } from './monitor-service';
import { monitorOverview } from './overview';
import { queueDepthSeries, sampleQueueDepth } from './queue-samples';
import { salesByHourToday } from './sales-by-hour';

const NOW = new Date('2026-11-28T15:00:00Z'); // 10:00 in Panamá
const MINUTE = 60_000;
const INPUTS = {
  queue: { waiting: 0, inFlight: 0, parked: 0, failed: 0 },
  contingency: { active: false, needsExtendedReason: false },
};

let store: OpenedDatabase;
beforeEach(() => {
  store = openDatabase({ path: ':memory:' });
});
afterEach(() => store.close());

function call(minutesAgo: number, durationMs: number, outcome = 'authorized'): void {
  recordHkaCall(store.db, {
    operation: 'Enviar',
    documentId: null,
    startedAt: NOW.getTime() - minutesAgo * MINUTE,
    durationMs,
    outcome,
    codigo: undefined,
  });
}

function capture(draft: SaleDraft, at: string, status?: string): void {
  const result = captureSale(
    {
      db: store.db,
      issuer: DEFAULT_ISSUER_SETTINGS,
      emissionMode: () => ({ tipoEmision: '01' }),
      clock: () => new Date(at),
      actor: 'c',
    },
    draft,
  );
  if (!result.ok) throw new Error(JSON.stringify(result.violations));
  if (status) store.sqlite.prepare('UPDATE documents SET status = ? WHERE id = ?').run(status, result.captured.id);
}

describe('monitorOverview', () => {
  it('gives nearest-rank percentiles, error rate and errors by kind over the last hour only', () => {
    for (let ms = 1; ms <= 100; ms++) call(ms % 50, ms); // 100 calls within the hour, 1..100 ms
    call(30, 5_000, 'transient:response_timeout');
    call(30, 40, 'rejected');
    call(31, 4_000, 'transient:response_timeout');
    call(61, 99_999, 'transient:connection_refused'); // older than an hour: not counted
    const hka = monitorOverview(store.db, NOW, 6, INPUTS).hka;
    // Sorted: 1..40, 40, 41..100, 4000, 5000 (103). Ranks ⌈p·n⌉: 52nd = 51, 98th = 97, 102nd = 4000.
    expect(hka).toEqual({
      calls: 103,
      p50Ms: 51,
      p95Ms: 97,
      p99Ms: 4_000,
      errorRate: 3 / 103,
      errorsByKind: [
        { kind: 'response_timeout', count: 2 },
        { kind: 'rejected', count: 1 },
      ],
    });
  });

  it('has null percentiles and no errors without calls', () => {
    expect(monitorOverview(store.db, NOW, 6, INPUTS).hka).toEqual({
      calls: 0,
      p50Ms: null,
      p95Ms: null,
      p99Ms: null,
      errorRate: 0,
      errorsByKind: [],
    });
  });

  it('buckets latency in 10 minutes over the requested hours, empty buckets with null latencies', () => {
    call(5, 100);
    call(6, 300);
    call(125, 700); // two hours ago
    const latency = monitorOverview(store.db, NOW, 3, INPUTS).series.latency;
    expect(latency).toHaveLength(19); // 3 h aligned to 10 min, plus the bucket holding "now"
    expect(latency[0]?.at).toBe('2026-11-28T12:00:00.000Z');
    expect(latency.filter((p) => p.calls > 0)).toEqual([
      { at: '2026-11-28T12:50:00.000Z', p50Ms: 700, p95Ms: 700, calls: 1 },
      { at: '2026-11-28T14:50:00.000Z', p50Ms: 100, p95Ms: 300, calls: 2 },
    ]);
    expect(latency.find((p) => p.calls === 0)).toMatchObject({ p50Ms: null, p95Ms: null });
  });

  it('reports how long contingency has lasted', () => {
    const since = new Date(NOW.getTime() - 90 * MINUTE).toISOString();
    const overview = monitorOverview(store.db, NOW, 6, {
      ...INPUTS,
      contingency: { active: true, since, motivo: 'x', needsExtendedReason: false },
    });
    expect(overview.contingency).toMatchObject({ active: true, durationMs: 90 * MINUTE });
    expect(monitorOverview(store.db, NOW, 6, INPUTS).contingency.durationMs).toBeNull();
  });
});

describe('folios', () => {
  it('raises the alarm below the threshold of the contingency settings (100 by default)', () => {
    expect(foliosView(store.db)).toEqual({ available: null, checkedAt: null, threshold: 100, alarm: false });
    recordFolios(store.db, 99, NOW);
    expect(foliosView(store.db)).toEqual({ available: 99, checkedAt: NOW.toISOString(), threshold: 100, alarm: true });
    saveContingencySettings(
      { db: store.db, clock: () => NOW },
      { ...DEFAULT_CONTINGENCY_SETTINGS, foliosAlarmThreshold: 50 },
      { actor: 'gerente' },
    );
    expect(foliosView(store.db)).toMatchObject({ threshold: 50, alarm: false });
  });
});

describe('clock check', () => {
  it('records the offset of each peer and warns beyond two minutes', () => {
    expect(clockCheck(store.db)).toEqual({
      hkaOffsetMs: null,
      hkaCheckedAt: null,
      serverOffsetMs: null,
      serverCheckedAt: null,
      warn: false,
    });
    recordPeerClock(store.db, 'hka', new Date(NOW.getTime() - 119_000), NOW);
    recordPeerClock(store.db, 'server', new Date(NOW.getTime() + 1_000), NOW);
    expect(clockCheck(store.db)).toEqual({
      hkaOffsetMs: 119_000,
      hkaCheckedAt: NOW.toISOString(),
      serverOffsetMs: -1_000,
      serverCheckedAt: NOW.toISOString(),
      warn: false,
    });
    recordPeerClock(store.db, 'server', new Date(NOW.getTime() + 121_000), NOW);
    expect(clockCheck(store.db)).toMatchObject({ serverOffsetMs: -121_000, warn: true });
  });

  it('reads the central server clock from the Date header of every reply', async () => {
    const seen: Date[] = [];
    const fake = vi.fn(() =>
      Promise.resolve(new Response('{}', { headers: { date: 'Sat, 28 Nov 2026 15:00:00 GMT' } })),
    );
    const tapped = fetchWithDateTap(fake, (d) => seen.push(d));
    expect((await tapped('http://x/')).status).toBe(200);
    await tapped('http://x/');
    expect(seen.map((d) => d.toISOString())).toEqual(['2026-11-28T15:00:00.000Z', '2026-11-28T15:00:00.000Z']);
    const noDate = fetchWithDateTap(
      () => Promise.resolve(new Response('{}')),
      (d) => seen.push(d),
    );
    await noDate('http://x/');
    expect(seen).toHaveLength(2);
  });
});

describe('sales by hour', () => {
  it("totals today's sales per Panamá hour exactly, leaving out notes, annulled and discarded documents", () => {
    const sale = (precio: string) => ({
      ...SALE,
      items: [anItem({ cantidad: '1', precioUnitario: precio, tasaItbms: '00' })],
      pagos: [{ formaPagoFact: '02' as const, valorCuotaPagada: precio }],
    });
    capture(sale('0.10'), '2026-11-28T14:05:00Z'); // 09:05 Panamá
    capture(sale('0.20'), '2026-11-28T14:59:00Z'); // 09:59
    capture(sale('1000000.01'), '2026-11-28T05:00:00Z'); // 00:00 Panamá today
    capture(sale('5.00'), '2026-11-28T14:10:00Z', 'ANNULLED');
    capture(sale('7.00'), '2026-11-28T14:20:00Z', 'CANCELLED');
    capture(sale('9.00'), '2026-11-28T04:59:00Z'); // 23:59 yesterday in Panamá
    const hours = salesByHourToday(store.db, NOW);
    expect(hours).toHaveLength(24);
    expect(hours[9]).toEqual({ hour: 9, documents: 2, total: '0.30' }); // not 0.30000000000000004
    expect(hours[0]).toEqual({ hour: 0, documents: 1, total: '1000000.01' });
    expect(hours.filter((h) => h.documents > 0).map((h) => h.hour)).toEqual([0, 9]);
    expect(hours[23]).toEqual({ hour: 23, documents: 0, total: '0.00' });
  });
});

describe('MonitorService', () => {
  it('samples the queue, prunes past retention and checks folios when due and online', async () => {
    let now = NOW;
    const checkFolios = vi.fn(() => {
      recordFolios(store.db, 500, now);
      return Promise.resolve();
    });
    const connectivity = { state: 'online' as 'online' | 'offline' };
    call(7 * 24 * 60 + 1, 10); // older than 7 days
    call(60, 10);
    store.sqlite
      .prepare('INSERT INTO queue_samples (at, waiting) VALUES (?, 3), (?, 4)')
      .run(NOW.getTime() - 49 * 60 * MINUTE, NOW.getTime() - 60 * MINUTE);
    capture(SALE, '2026-11-28T14:00:00Z'); // one document waiting
    store.sqlite.prepare('DELETE FROM sync_outbox').run();
    const syncEvent = store.sqlite.prepare(
      "INSERT INTO sync_outbox (event_id, kind, payload, sent_at) VALUES (?, 'audit', '{}', ?)",
    );
    syncEvent.run('sent-long-ago', new Date(NOW.getTime() - 31 * 24 * 60 * MINUTE).toISOString());
    syncEvent.run('sent-recently', new Date(NOW.getTime() - 29 * 24 * 60 * MINUTE).toISOString());
    syncEvent.run('never-sent', null); // however old, an unsent event stays until the server has it
    const service = new MonitorService(
      { db: store.db, clock: () => now, connectivity, checkFolios },
      { sampleEveryMs: 60_000_000 },
    );
    service.start();
    await service.stop();
    expect(store.sqlite.prepare('SELECT count(*) FROM hka_calls').pluck().get()).toBe(1);
    // Pruned: only the event sent long ago. (The folios answer was queued for head office too, after them.)
    expect(
      store.sqlite
        .prepare("SELECT event_id FROM sync_outbox WHERE payload NOT LIKE '%hka.folios_checked%' ORDER BY id")
        .pluck()
        .all(),
    ).toEqual(['sent-recently', 'never-sent']);
    expect(queueDepthSeries(store.db, NOW.getTime() - 48 * 60 * MINUTE, NOW.getTime() + 1)).toEqual([
      { at: new Date(NOW.getTime() - 60 * MINUTE).toISOString(), waiting: 4 },
      { at: NOW.toISOString(), waiting: 1 },
    ]);
    expect(checkFolios).toHaveBeenCalledTimes(1);

    // Within 6 hours of the last answer: no new check; offline: none either.
    now = new Date(NOW.getTime() + 5 * 60 * MINUTE);
    const again = new MonitorService({ db: store.db, clock: () => now, connectivity, checkFolios });
    again.start();
    await again.stop();
    expect(checkFolios).toHaveBeenCalledTimes(1);
    now = new Date(NOW.getTime() + 7 * 60 * MINUTE);
    connectivity.state = 'offline';
    const offline = new MonitorService({ db: store.db, clock: () => now, connectivity, checkFolios });
    offline.start();
    await offline.stop();
    expect(checkFolios).toHaveBeenCalledTimes(1);
    connectivity.state = 'online';
    const due = new MonitorService({ db: store.db, clock: () => now, connectivity, checkFolios });
    due.start();
    await due.stop();
    expect(checkFolios).toHaveBeenCalledTimes(2);
  });

  it('keeps running when a folios check fails', async () => {
    const warn = vi.fn();
    const service = new MonitorService({
      db: store.db,
      clock: () => NOW,
      connectivity: { state: 'online' },
      checkFolios: () => Promise.reject(new Error('vault locked')),
      log: { warn },
    });
    service.start();
    await service.stop();
    expect(warn).toHaveBeenCalledWith('Monitor: folios check failed', { error: 'vault locked' });
    sampleQueueDepth(store.db, NOW);
  });
});
