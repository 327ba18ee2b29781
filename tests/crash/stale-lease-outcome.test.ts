// Regression test for an engine bug found while building the crash test: a lease that expired while its call was
// still running let the same worker claim the job again, and the stale attempt's transient failure then put the
// document back in the queue just before the live attempt's authorisation, which was dropped (QUEUED → AUTHORIZED is
// not a legal move): authorised at HKA, QUEUED forever in the register. Fixed three ways (src/core/queue):
// a worker never claims a document whose call is still in flight; only the claim holding the lease may report a
// non-final outcome; HKA's authorisation is recorded from any status along legal transitions.
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT } from '../../src/core/hka/simulator';
import { SALE, startRegister, waitFor, type Register } from '../fixtures/register-harness';

let register: Register | undefined;
afterEach(async () => {
  await register?.close();
  register = undefined;
});

describe('a lease that expires while its call is still running', () => {
  it('is not claimed again by the same worker, and the sale ends AUTHORIZED with its CUFE', async () => {
    // Lease (150 ms) shorter than the first call (300 ms, then a 500): before the fix the job was claimed again
    // while the call ran.
    register = await startRegister({
      worker: { concurrency: 2, leaseMs: 150, backoffMs: [200] },
      responseTimeoutMs: 3_000,
    });
    const r = register;
    r.sim.faults.inject({ kind: 'latency', ms: 300, operation: 'Enviar', when: { calls: [1] } });
    r.sim.faults.inject({ kind: 'http500', operation: 'Enviar', when: { calls: [1] } });
    const captured = r.capture(SALE);
    if (!captured.ok) throw new Error(JSON.stringify(captured.violations));
    const id = captured.captured.id;
    r.worker.start();

    const job = () =>
      r.store.sqlite.prepare('SELECT state FROM outbox_jobs WHERE document_id = ?').pluck().get(id) as string;
    await waitFor(() => r.statusOf(id) === 'AUTHORIZED', 5_000, 'authorised');
    expect(r.sim.ledger()).toEqual([
      expect.objectContaining({ ruc: DEMO_ACCOUNT.issuer.ruc, numeroDocumentoFiscal: '0000000001' }),
    ]);
    const row = r.store.sqlite.prepare('SELECT status, cufe FROM documents WHERE id = ?').get(id) as {
      status: string;
      cufe: string | null;
    };
    expect({ ...row, job: job() }).toEqual({ status: 'AUTHORIZED', cufe: r.sim.ledger()[0]?.cufe, job: 'done' });
    // One attempt at a time: the 500, then (maybe sent) EstadoDocumento + Enviar. Never two Enviar in flight.
    expect(r.sim.calls('Enviar')).toBe(2);
    const calls = r.store.sqlite
      .prepare(
        "SELECT started_at AS start, duration_ms AS ms FROM hka_calls WHERE operation = 'Enviar' ORDER BY started_at",
      )
      .all() as { start: number; ms: number }[];
    expect(calls).toHaveLength(2);
    expect(calls[1]!.start).toBeGreaterThanOrEqual(calls[0]!.start + calls[0]!.ms - 5); // the second began after the first ended
  });
});
