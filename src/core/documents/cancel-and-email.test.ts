// Discarding documents the DGI never accepted, and the CAFE by e-mail, against the real simulator and SQLite.
import { afterEach, describe, expect, it } from 'vitest';
import { startRegister, type Register } from '../../../tests/fixtures/register-harness';
import { DEMO_ACCOUNT } from '../hka/simulator';
import { claimDueJobs } from '../queue/outbox-repo';
import { cancelDocument, type CancelDeps } from './cancel-document';
import { emailTrace, sendDocumentEmail } from './document-email';

let register: Register | undefined;
afterEach(async () => {
  await register?.close();
  register = undefined;
});

const MOTIVO = 'Cliente mal digitado, se registra de nuevo';

async function setup(): Promise<{ r: Register; deps: CancelDeps }> {
  register = await startRegister({ responseTimeoutMs: 2_000 });
  return { r: register, deps: register.hka };
}

/** Puts a queued document where the queue would have left it (the worker is not running). */
function markAs(r: Register, id: string, status: 'REJECTED' | 'FAILED'): void {
  r.store.sqlite
    .prepare('UPDATE documents SET status = ?, hka_codigo = ? WHERE id = ?')
    .run(status, status === 'REJECTED' ? '103' : null, id);
  r.store.sqlite
    .prepare('UPDATE outbox_jobs SET state = ? WHERE document_id = ?')
    .run(status === 'REJECTED' ? 'parked' : 'failed', id);
}

const jobState = (r: Register, id: string) =>
  r.store.sqlite.prepare('SELECT state FROM outbox_jobs WHERE document_id = ?').pluck().get(id);

describe('cancelDocument', () => {
  it('discards a REJECTED document without asking HKA: final, its job closed, audited with the reason', async () => {
    const { r, deps } = await setup();
    const id = r.captureId();
    markAs(r, id, 'REJECTED');
    expect(await cancelDocument(deps, id, MOTIVO, { actor: 'gerente-1' })).toEqual({
      ok: true,
      change: { documentId: id, from: 'REJECTED', to: 'CANCELLED' },
    });
    expect(r.statusOf(id)).toBe('CANCELLED');
    expect(jobState(r, id)).toBe('cancelled');
    expect(r.sim.calls()).toBe(0);
    const audit = r.store.sqlite
      .prepare("SELECT actor, details FROM audit_log WHERE action = 'document.cancelled'")
      .get();
    expect(audit).toEqual({ actor: 'gerente-1', details: JSON.stringify({ motivo: MOTIVO, from: 'REJECTED' }) });
    // Never sent again: even "send now" has no job to claim.
    r.store.sqlite.prepare('UPDATE outbox_jobs SET next_attempt_at = 0').run();
    expect(claimDueJobs(r.store.db, 'test', Date.now(), 1_000, 10)).toEqual([]);
  });

  it('refuses AUTHORIZED and QUEUED documents, a short reason and an unknown id', async () => {
    const { r, deps } = await setup();
    const id = await r.authorise();
    expect(await cancelDocument(deps, id, MOTIVO, { actor: 'g' })).toMatchObject({
      ok: false,
      reason: 'not_allowed',
      message: expect.stringContaining('Solo se descartan') as unknown,
    });
    await r.worker.stop(1_000);
    const queued = r.captureId();
    expect(await cancelDocument(deps, queued, MOTIVO, { actor: 'g' })).toMatchObject({
      ok: false,
      reason: 'not_allowed',
    });
    markAs(r, queued, 'REJECTED');
    expect(await cancelDocument(deps, queued, 'corto', { actor: 'g' })).toMatchObject({
      ok: false,
      reason: 'not_allowed',
      message: expect.stringContaining('15 a 250') as unknown,
    });
    expect(await cancelDocument(deps, 'nope', MOTIVO, { actor: 'g' })).toMatchObject({
      ok: false,
      reason: 'not_found',
    });
    expect([r.statusOf(id), r.statusOf(queued)]).toEqual(['AUTHORIZED', 'REJECTED']);
  });

  it('discards a FAILED document once HKA confirms it never got it', async () => {
    const { r, deps } = await setup();
    const id = r.captureId();
    markAs(r, id, 'FAILED');
    expect(await cancelDocument(deps, id, MOTIVO, { actor: 'g' })).toMatchObject({ ok: true });
    expect(r.sim.calls('EstadoDocumento')).toBe(1);
    expect([r.statusOf(id), jobState(r, id)]).toEqual(['CANCELLED', 'cancelled']);
  });

  it('refuses to discard a FAILED document HKA has authorised, and records the authorisation instead', async () => {
    const { r, deps } = await setup();
    const id = await r.authorise();
    await r.worker.stop(1_000);
    // The reply was lost: the register believes the sending failed.
    r.store.sqlite.prepare("UPDATE documents SET status = 'FAILED', cufe = NULL, qr = NULL WHERE id = ?").run(id);
    r.store.sqlite.prepare("UPDATE outbox_jobs SET state = 'failed' WHERE document_id = ?").run(id);
    const result = await cancelDocument(deps, id, MOTIVO, { actor: 'g' });
    expect(result).toMatchObject({
      ok: false,
      reason: 'authorized',
      change: { from: 'FAILED', to: 'AUTHORIZED' },
      message: expect.stringContaining('ya autorizó') as unknown,
    });
    const row = r.store.sqlite.prepare('SELECT status, cufe, qr FROM documents WHERE id = ?').get(id) as {
      status: string;
      cufe: string | null;
      qr: string | null;
    };
    expect(row.status).toBe('AUTHORIZED');
    expect(row.cufe).toMatch(/^FE/);
    expect(row.qr).toMatch(/^https?:/);
    expect(jobState(r, id)).toBe('done');
  });

  it('keeps a FAILED document when HKA refuses the question for another reason (a bad token proves nothing)', async () => {
    const { r, deps } = await setup();
    const id = r.captureId();
    markAs(r, id, 'FAILED');
    const badToken = {
      ...deps,
      credentials: {
        withCredentials: <T>(use: (c: typeof DEMO_ACCOUNT) => Promise<T>) =>
          use({ ...DEMO_ACCOUNT, tokenPassword: 'wrong-password' }),
      },
    };
    expect(await cancelDocument(badToken, id, MOTIVO, { actor: 'g' })).toMatchObject({
      ok: false,
      reason: 'not_allowed',
      message: expect.stringContaining('no confirmó') as unknown,
    });
    expect([r.statusOf(id), jobState(r, id)]).toEqual(['FAILED', 'failed']);
  });

  it('keeps a FAILED document when HKA cannot be asked', async () => {
    const { r, deps } = await setup();
    const id = r.captureId();
    markAs(r, id, 'FAILED');
    await r.sim.faults.refuseConnections();
    expect(await cancelDocument(deps, id, MOTIVO, { actor: 'g' })).toMatchObject({
      ok: false,
      reason: 'hka_unreachable',
      message: expect.stringContaining('No se pudo confirmar con HKA') as unknown,
    });
    expect([r.statusOf(id), jobState(r, id)]).toEqual(['FAILED', 'failed']);
    await r.sim.faults.acceptConnections();
  });
});

describe('document e-mail', () => {
  it('sends the CAFE through HKA, audits the address, and HKA traces the delivery', async () => {
    const { r, deps } = await setup();
    const id = await r.authorise();
    expect(await sendDocumentEmail(deps, id, 'cliente@example.com', { actor: 'cajero-1' })).toEqual({ ok: true });
    const audit = r.store.sqlite
      .prepare("SELECT actor, details FROM audit_log WHERE action = 'document.emailed'")
      .get();
    expect(audit).toEqual({ actor: 'cajero-1', details: JSON.stringify({ correo: 'cliente@example.com' }) });
    const trace = await emailTrace(deps, id);
    expect(trace).toMatchObject({ ok: true, entregas: [{ correo: 'cliente@example.com' }] });
  });

  it('refuses an unauthorised document, and explains HKA refusals and outages in Spanish', async () => {
    const { r, deps } = await setup();
    const pending = r.captureId();
    expect(await sendDocumentEmail(deps, pending, 'cliente@example.com', { actor: 'c' })).toMatchObject({
      ok: false,
      reason: 'not_allowed',
      message: expect.stringContaining('autorizados') as unknown,
    });
    const id = await r.authorise();
    expect(await sendDocumentEmail(deps, id, 'no-es-correo', { actor: 'c' })).toMatchObject({
      ok: false,
      reason: 'hka_rejected',
      message: expect.stringContaining('HKA no envió el correo') as unknown,
    });
    await r.sim.faults.refuseConnections();
    expect(await sendDocumentEmail(deps, id, 'cliente@example.com', { actor: 'c' })).toMatchObject({
      ok: false,
      reason: 'hka_unreachable',
    });
    expect(await emailTrace(deps, id)).toMatchObject({ ok: false, reason: 'hka_unreachable' });
    await r.sim.faults.acceptConnections();
    expect(
      r.store.sqlite.prepare("SELECT count(*) FROM audit_log WHERE action = 'document.emailed'").pluck().get(),
    ).toBe(0);
  });
});
