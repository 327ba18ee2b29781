// Manager-only actions over IPC: single-user before the first manager exists; afterwards a cashier needs a gerente
// signed in or a one-shot approval (PIN) for that very action.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAST_WORKER } from '../../../tests/fixtures/register-harness';
import { startHkaSimulator, type HkaSimulator } from '../hka/simulator';
import { dispatchIpc } from './dispatch';
import { MANAGER_REQUIRED } from './manager-guard';
import { createRegisterCore, type RegisterCore } from './register-core';

let sim: HkaSimulator;
let core: RegisterCore;
let dir: string;
beforeAll(async () => {
  sim = await startHkaSimulator({});
  dir = mkdtempSync(join(tmpdir(), 'sago-guard-'));
  core = await createRegisterCore({ dataDir: dir, simulatorEndpoint: sim.endpoint, worker: FAST_WORKER });
  await core.close(); // the handlers below only touch the database; no worker needed
  core = await createRegisterCore({ dataDir: dir, simulatorEndpoint: sim.endpoint, worker: { ...FAST_WORKER, pollMs: 60_000 } });
});
afterAll(async () => {
  await core.close();
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
});

const call = (channel: string, request: unknown) => dispatchIpc(core.handlers, channel, request);

function failedDocument(): string {
  const sale = core.store.sqlite.prepare('SELECT id FROM documents LIMIT 1').pluck().get() as string | undefined;
  if (!sale) throw new Error('no document');
  core.store.sqlite.prepare("UPDATE documents SET status = 'FAILED' WHERE id = ?").run(sale);
  core.store.sqlite.prepare("UPDATE outbox_jobs SET state = 'failed' WHERE document_id = ?").run(sale);
  return sale;
}

describe('manager-only actions', () => {
  it('run single-user before the first manager exists, then need a manager or an approval', async () => {
    const sale = await call('sales:complete', { draft: {
      tipoDocumento: '01', cliente: { tipoClienteFE: '02', pais: 'PA' }, tiempoPago: '1',
      items: [{ descripcion: 'Arroz blanco 5 lb', cantidad: '1', precioUnitario: '3.25', tasaItbms: '00' }],
      pagos: [{ formaPagoFact: '02', valorCuotaPagada: '5.00' }],
    } });
    expect(sale.ok).toBe(true);
    expect(await call('documents:retry', { id: failedDocument() })).toMatchObject({ ok: true });

    expect(await call('auth:setup', { username: 'ana', displayName: 'Ana Gerente', pin: '2468' })).toMatchObject({ ok: true });
    expect(await call('auth:createUser', { username: 'luis', displayName: 'Luis Cajero', pin: '1357', role: 'cajero' })).toMatchObject({ ok: true });
    expect(await call('auth:signIn', { username: 'luis', pin: '1357' })).toMatchObject({ ok: true });

    const id = failedDocument();
    expect(await call('documents:retry', { id })).toMatchObject({ ok: false, error: { code: 'not_allowed', message: MANAGER_REQUIRED } });
    const wrongAction = await call('auth:approve', { username: 'ana', pin: '2468', action: 'documents:annul' });
    if (!wrongAction.ok) throw new Error(JSON.stringify(wrongAction.error));
    const token = (wrongAction.value as { token: string }).token;
    expect(await call('documents:retry', { id, approval: token })).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    const approval = await call('auth:approve', { username: 'ana', pin: '2468', action: 'documents:retry' });
    if (!approval.ok) throw new Error(JSON.stringify(approval.error));
    const retryToken = (approval.value as { token: string }).token;
    expect(await call('documents:retry', { id, approval: retryToken })).toMatchObject({ ok: true });
    const audit = core.store.sqlite.prepare("SELECT actor FROM audit_log WHERE action = 'document.retry' ORDER BY id DESC LIMIT 1").pluck().get();
    expect(audit).toBe('ana');
    expect(await call('documents:retry', { id: failedDocument(), approval: retryToken })).toMatchObject({ ok: false }); // one shot
  });
});

describe('closing a shift with documents not yet authorised', () => {
  it('needs a gerente approval for that action once users exist', async () => {
    // The previous test left ana (gerente) and luis (cajero, signed in) and FAILED documents behind; its first sale
    // opened a shift by itself (no shift was open).
    expect(await call('reports:currentShift', {})).toMatchObject({ ok: true, value: { openingCash: '0.00', closedAt: null } });
    const sale = await call('sales:complete', { draft: {
      tipoDocumento: '01', cliente: { tipoClienteFE: '02', pais: 'PA' }, tiempoPago: '1',
      items: [{ descripcion: 'Leche entera 1 L', cantidad: '1', precioUnitario: '1.10', tasaItbms: '00' }],
      pagos: [{ formaPagoFact: '02', valorCuotaPagada: '1.10' }],
    } });
    expect(sale.ok).toBe(true); // never sent (the worker is idle here): still QUEUED at the close
    const refused = await call('reports:closeShift', { countedCash: '20.00' });
    expect(refused).toMatchObject({ ok: true, value: { closed: false, reason: 'needs_manager' } });
    const approval = await call('auth:approve', { username: 'ana', pin: '2468', action: 'reports:closeShift' });
    if (!approval.ok) throw new Error(JSON.stringify(approval.error));
    const closed = await call('reports:closeShift', { countedCash: '20.00', approval: (approval.value as { token: string }).token });
    expect(closed).toMatchObject({ ok: true, value: { closed: true } });
  });
});
