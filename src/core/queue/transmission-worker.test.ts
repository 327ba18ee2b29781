// The transmission queue against the real HKA simulator over loopback: every outcome ends in the right state,
// a rejected document does not hold up the next, faults never produce a duplicate at HKA.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SALE, startRegister, waitFor, type Register } from '../../../tests/fixtures/register-harness';
import { DEFAULT_ISSUER_SETTINGS } from '../store/settings-repo';
import { queueCounts } from './outbox-repo';
import { retryDocument } from './manual-retry';
import { hkaMetricsSince } from './hka-metrics';
import { createHkaClient } from '../hka/client/hka-client';
import { toHkaDocumento } from '../hka/map-documento';
import { DEMO_ACCOUNT } from '../hka/simulator';
import type { FiscalDocument } from '../../shared/fiscal/document';
import type { DocumentTotals } from '../../shared/fiscal/totals';

let register: Register | undefined;
afterEach(async () => {
  await register?.close();
  register = undefined;
});

function captureOk(r: Register, issuer = DEFAULT_ISSUER_SETTINGS): string {
  const result = r.capture(SALE, issuer);
  if (!result.ok) throw new Error(JSON.stringify(result.violations));
  return result.captured.id;
}

const ledgerCount = (r: Register) => r.sim.ledger().length;
const job = (r: Register, id: string) =>
  r.store.sqlite.prepare('SELECT state, attempts, maybe_sent FROM outbox_jobs WHERE document_id = ?').get(id) as {
    state: string;
    attempts: number;
    maybe_sent: number;
  };

describe('TransmissionWorker', () => {
  it('authorises every captured sale exactly once and stores CUFE and QR', async () => {
    register = await startRegister();
    const r = register;
    const ids = Array.from({ length: 12 }, () => captureOk(r));
    r.worker.start();
    await waitFor(() => ids.every((id) => r.statusOf(id) === 'AUTHORIZED'), 8_000, 'all authorised');
    expect(ledgerCount(r)).toBe(12);
    const row = r.store.sqlite.prepare('SELECT cufe, qr FROM documents WHERE id = ?').get(ids[0]) as {
      cufe: string;
      qr: string;
    };
    expect(row.cufe).toMatch(/^FE01/);
    expect(row.qr).toContain(row.cufe);
    expect(queueCounts(r.store.db)).toMatchObject({ waiting: 0, parked: 0, failed: 0 });
  });

  it('parks a rejected document and keeps sending the ones behind it', async () => {
    register = await startRegister({ worker: { concurrency: 1 } });
    const r = register;
    const bad = captureOk(r, { ...DEFAULT_ISSUER_SETTINGS, codigoSucursalEmisor: '0999' }); // not a branch at HKA
    const good = [captureOk(r), captureOk(r)];
    r.worker.start();
    await waitFor(() => good.every((id) => r.statusOf(id) === 'AUTHORIZED') && r.statusOf(bad) === 'REJECTED', 5_000);
    expect(job(r, bad).state).toBe('parked');
    const messages = r.store.sqlite
      .prepare('SELECT hka_mensajes FROM documents WHERE id = ?')
      .pluck()
      .get(bad) as string;
    expect(JSON.parse(messages)).toEqual([expect.stringContaining('codigoSucursalEmisor')]);
  });

  it.each(['http500', 'soapFault', 'malformed', 'reset', 'hang'] as const)(
    'recovers from %s with a retry and no duplicate at HKA',
    async (kind) => {
      register = await startRegister();
      const r = register;
      r.sim.faults.inject({ kind, operation: 'Enviar', when: { next: 1 } });
      const id = captureOk(r);
      r.worker.start();
      await waitFor(() => r.statusOf(id) === 'AUTHORIZED', 5_000, `${kind} recovery`);
      expect(job(r, id).attempts).toBe(1);
      expect(ledgerCount(r)).toBe(1);
    },
  );

  it('after "commit then drop" asks EstadoDocumento instead of sending again', async () => {
    register = await startRegister();
    const r = register;
    r.sim.faults.inject({ kind: 'commitThenDrop', operation: 'Enviar', when: { next: 1 } });
    const id = captureOk(r);
    r.worker.start();
    await waitFor(() => r.statusOf(id) === 'AUTHORIZED', 5_000);
    expect(r.sim.calls('Enviar')).toBe(1);
    expect(r.sim.calls('EstadoDocumento')).toBe(1);
    expect(ledgerCount(r)).toBe(1);
    const row = r.store.sqlite.prepare('SELECT cufe, qr FROM documents WHERE id = ?').get(id) as {
      cufe: string;
      qr: string | null;
    };
    expect(row.cufe).toBe(r.sim.ledger()[0]?.cufe);
    expect(row.qr).toContain(row.cufe); // recovered from the authorised XML
  });

  it('gives up after the last backoff (FAILED), and a manual retry then authorises it', async () => {
    register = await startRegister({ worker: { backoffMs: [20, 20] } });
    const r = register;
    const fault = r.sim.faults.inject({ kind: 'http500', operation: 'Enviar' });
    const id = captureOk(r);
    r.worker.start();
    await waitFor(() => r.statusOf(id) === 'FAILED', 5_000, 'FAILED');
    expect(job(r, id)).toMatchObject({ state: 'failed', attempts: 3, maybe_sent: 1 });
    fault.clear();
    retryDocument(r.store.db, id, { actor: 'gerente-1' }, new Date());
    await waitFor(() => r.statusOf(id) === 'AUTHORIZED', 5_000, 'authorised after retry');
    expect(ledgerCount(r)).toBe(1);
  });

  it('waits offline without burning attempts, then sends by itself', async () => {
    register = await startRegister();
    const r = register;
    await r.sim.faults.refuseConnections();
    const id = captureOk(r);
    r.worker.start();
    await waitFor(() => r.connectivity.state === 'offline', 3_000, 'offline');
    // The worker keeps ticking while offline: let it look three more times, then nothing may have been spent.
    const ticks = vi.spyOn(r.worker, 'tick');
    await waitFor(() => ticks.mock.calls.length >= 3, 3_000, 'three ticks while offline');
    expect(job(r, id)).toMatchObject({ state: 'pending', attempts: 0 });
    await r.sim.faults.acceptConnections();
    await waitFor(() => r.statusOf(id) === 'AUTHORIZED', 5_000, 'authorised once back online');
    expect(job(r, id).attempts).toBe(0);
  });

  it('takes over a job whose lease expired (crashed worker) and checks HKA before resending', async () => {
    register = await startRegister();
    const r = register;
    const id = captureOk(r);
    // A previous process leased the job, sent it (HKA authorised it) and died before recording the answer.
    r.store.sqlite
      .prepare(
        "UPDATE outbox_jobs SET state = 'leased', lease_owner = 'dead', lease_expires_at = ? WHERE document_id = ?",
      )
      .run(Date.now() - 1, id);
    r.store.sqlite.prepare("UPDATE documents SET status = 'PROCESSING' WHERE id = ?").run(id);
    r.sim.faults.inject({ kind: 'commitThenDrop', operation: 'Enviar', when: { next: 1 } });
    const body = r.store.sqlite.prepare('SELECT body FROM documents WHERE id = ?').pluck().get(id) as string;
    expect(body).toContain('"numeroDocumentoFiscal":"1"');
    r.worker.start();
    await waitFor(() => r.statusOf(id) === 'AUTHORIZED', 5_000);
    expect(r.sim.calls('EstadoDocumento')).toBeGreaterThanOrEqual(1);
    expect(ledgerCount(r)).toBe(1);
  });

  it("takes HKA's values on 102 (already authorised by an earlier send) without a second authorisation", async () => {
    register = await startRegister();
    const r = register;
    const id = captureOk(r);
    const row = r.store.sqlite.prepare('SELECT body, totals FROM documents WHERE id = ?').get(id) as {
      body: string;
      totals: string;
    };
    const direct = await createHkaClient({ environment: 'simulador', endpoint: r.sim.endpoint });
    const first = await direct.enviar(
      DEMO_ACCOUNT,
      toHkaDocumento(JSON.parse(row.body) as FiscalDocument, JSON.parse(row.totals) as DocumentTotals),
    );
    if (first.kind !== 'authorized') throw new Error(JSON.stringify(first));
    r.worker.start();
    await waitFor(() => r.statusOf(id) === 'AUTHORIZED', 5_000);
    const stored = r.store.sqlite.prepare('SELECT cufe, hka_codigo FROM documents WHERE id = ?').get(id);
    expect(stored).toEqual({ cufe: first.cufe, hka_codigo: '102' });
    expect(ledgerCount(r)).toBe(1);
  });

  it('records every HKA call for latency percentiles and error rates, and emits status and count events', async () => {
    register = await startRegister();
    const r = register;
    const statuses: string[] = [];
    r.worker.events.on('document-status', (change) => statuses.push(change.to));
    r.sim.faults.inject({ kind: 'http500', operation: 'Enviar', when: { next: 1 } });
    const ids = [captureOk(r), captureOk(r)];
    r.worker.start();
    await waitFor(() => ids.every((id) => r.statusOf(id) === 'AUTHORIZED'), 5_000);
    const metrics = hkaMetricsSince(r.store.db, 0);
    // The 500 may have reached HKA, so the retry asks EstadoDocumento first ("not found": a business answer).
    expect(metrics.calls).toBe(4);
    expect(metrics.byOutcome).toEqual({ authorized: 2, 'transient:http_error': 1, rejected: 1 });
    expect(metrics.transientRate).toBeCloseTo(1 / 4);
    expect(metrics.p50Ms).toBeGreaterThanOrEqual(0);
    expect(statuses.filter((s) => s === 'AUTHORIZED')).toHaveLength(2);
    expect(statuses).toContain('QUEUED'); // the failed attempt went back to the queue
  });

  it('"send now" skips a backoff wait and sends at once', async () => {
    register = await startRegister({ worker: { backoffMs: [60_000, 60_000] } });
    const r = register;
    r.sim.faults.inject({ kind: 'http500', operation: 'Enviar', when: { next: 1 } });
    const id = captureOk(r);
    r.worker.start();
    await waitFor(() => job(r, id).attempts === 1, 3_000, 'first failure');
    expect(r.statusOf(id)).toBe('QUEUED'); // waiting a minute before the next attempt
    await r.worker.sendNow();
    await waitFor(() => r.statusOf(id) === 'AUTHORIZED', 3_000, 'sent now');
  });

  it('on a clean stop gives back jobs it claimed but never started, so a restart sends them at once', async () => {
    register = await startRegister({ worker: { concurrency: 5, callsPerSecond: 1 } }); // 3 claimed, 1 started
    const r = register;
    r.sim.faults.inject({ kind: 'latency', ms: 300, operation: 'Enviar' });
    const ids = [captureOk(r), captureOk(r), captureOk(r)];
    r.worker.start();
    await waitFor(() => r.sim.calls('Enviar') >= 1, 3_000, 'first call under way');
    await r.worker.stop(2_000);
    const leased = r.store.sqlite.prepare("SELECT COUNT(*) FROM outbox_jobs WHERE state = 'leased'").pluck().get();
    expect(leased).toBe(0);
    const statuses = ids.map((id) => r.statusOf(id));
    expect(statuses.filter((s) => s === 'PROCESSING')).toEqual([]);
  });
});
