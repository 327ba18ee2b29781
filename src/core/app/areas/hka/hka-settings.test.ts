// The manager's HKA settings over IPC, against the real simulator: write-only tokens, "Probar conexión" opening
// invoicing in Demo, confirmation when documents are waiting, and no token value in any response.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAST_WORKER } from '../../../../../tests/fixtures/register-harness';
import { DEMO_ACCOUNT, startHkaSimulator, type HkaSimulator } from '../../../hka/simulator';
import { dataSetPath } from '../../../store/data-sets';
import { dispatchIpc } from '../../dispatch';
import { createRegisterCore, type RegisterCore } from '../../register-core';
import { asGerente } from '../../../../../tests/fixtures/register-users';

let sim: HkaSimulator;
let core: RegisterCore;
let dir: string;
const responses: unknown[] = [];
beforeAll(async () => {
  sim = await startHkaSimulator({});
  dir = mkdtempSync(join(tmpdir(), 'sago-hka-settings-'));
  core = await createRegisterCore({
    dataDir: dir,
    simulatorEndpoint: sim.endpoint,
    worker: { ...FAST_WORKER, pollMs: 60_000 },
  });
  await asGerente(core.ipc);
});
afterAll(async () => {
  await core.close();
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
});

async function call(channel: string, request: unknown) {
  const result = await dispatchIpc(core.ipc, channel, request);
  responses.push(result);
  return result;
}

describe('HKA settings', () => {
  it('switches to Demo with write-only tokens, opens invoicing only after a successful test, never echoes a token', async () => {
    expect(await call('settings:hka', {})).toMatchObject({
      ok: true,
      value: { environment: 'simulador', invoicingAllowed: true, restartNeeded: false },
    });
    const saved = await call('settings:saveHka', {
      environment: 'demo',
      endpoint: sim.endpoint,
      tokenEmpresa: DEMO_ACCOUNT.tokenEmpresa,
      tokenPassword: DEMO_ACCOUNT.tokenPassword,
    });
    expect(saved).toMatchObject({
      ok: true,
      value: {
        environment: 'demo',
        invoicingAllowed: false,
        restartNeeded: true,
        tokenEmpresa: { configured: true, lastFour: DEMO_ACCOUNT.tokenEmpresa.slice(-4) },
      },
    });
    const tested = await call('settings:testHka', {});
    expect(tested).toMatchObject({ ok: true, value: { foliosDisponibleCiclo: expect.any(Number) as unknown } });
    expect(await call('settings:hka', {})).toMatchObject({ ok: true, value: { invoicingAllowed: true } });

    await call('settings:saveHka', {
      environment: 'demo',
      endpoint: sim.endpoint,
      tokenPassword: 'otra-clave-equivocada',
    });
    expect(await call('settings:testHka', {})).toMatchObject({
      ok: false,
      error: { code: 'not_allowed', message: expect.stringContaining('HKA rechazó') as unknown },
    });
    expect(await call('settings:hka', {})).toMatchObject({ ok: true, value: { invoicingAllowed: false } });

    const wire = JSON.stringify(responses);
    for (const secret of [DEMO_ACCOUNT.tokenEmpresa, DEMO_ACCOUNT.tokenPassword, 'otra-clave-equivocada'])
      expect(wire).not.toContain(secret);
  });

  it('asks for confirmation when documents are still waiting for HKA', async () => {
    expect(await call('settings:saveHka', { environment: 'simulador' })).toMatchObject({ ok: true }); // nothing waiting yet
    await sim.faults.refuseConnections(); // HKA unreachable: the next sale stays in the queue
    const sale = await call('sales:complete', {
      draft: {
        tipoDocumento: '01',
        cliente: { tipoClienteFE: '02', pais: 'PA' },
        tiempoPago: '1',
        items: [{ descripcion: 'Pan de molde', cantidad: '1', precioUnitario: '2.00', tasaItbms: '00' }],
        pagos: [{ formaPagoFact: '02', valorCuotaPagada: '2.00' }],
      },
    });
    expect(sale).toMatchObject({ ok: true });
    const refused = await call('settings:saveHka', { environment: 'demo', endpoint: sim.endpoint });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'not_allowed', message: expect.stringContaining('pendientes de envío') as unknown },
    });
    expect(
      await call('settings:saveHka', { environment: 'demo', endpoint: sim.endpoint, confirmQueued: true }),
    ).toMatchObject({ ok: true });
    await sim.faults.acceptConnections();
  });

  it('audits every change with environment and endpoint before/after and the tokens only as "changed", never their values', () => {
    // The Demo settings were saved into Demo's data set (the running one is training's): its trail has the changes;
    // the confirmation given while training documents waited is in the running one.
    const demo = new Database(dataSetPath(dir, 'demo'), { readonly: true });
    const select = "SELECT actor, action, details FROM audit_log WHERE action LIKE 'settings.hka%' ORDER BY id";
    const rows = demo.prepare(select).all() as { actor: string; action: string; details: string }[];
    const runningRows = core.store.sqlite.prepare(select).all() as { actor: string; action: string; details: string }[];
    expect(JSON.parse(rows[0]?.details ?? '{}')).toEqual({
      before: { environment: 'simulador', endpoint: null },
      after: { environment: 'demo', endpoint: sim.endpoint },
      tokenEmpresa: 'changed',
      tokenPassword: 'changed',
    });
    expect(JSON.parse(rows[1]?.details ?? '{}')).toMatchObject({ tokenEmpresa: 'unchanged', tokenPassword: 'changed' });
    expect(
      runningRows
        .filter((r) => r.action === 'settings.hka_confirmed_with_queue')
        .map((r) => JSON.parse(r.details) as unknown),
    ).toEqual([{ waiting: 1 }]);
    // Nothing the register keeps in the clear (the whole audit trail and what waits to be synced) holds a token.
    const everything = JSON.stringify(
      [core.store.sqlite, demo].map((db) => [
        db.prepare('SELECT * FROM audit_log').all(),
        db.prepare('SELECT * FROM sync_outbox').all(),
        db.prepare('SELECT * FROM settings').all(),
      ]),
    );
    demo.close();
    expect(everything).toContain('tokenPassword'); // the scan reads the rows that describe the token changes
    for (const secret of [DEMO_ACCOUNT.tokenEmpresa, DEMO_ACCOUNT.tokenPassword, 'otra-clave-equivocada'])
      expect(everything).not.toContain(secret);
  });
});
