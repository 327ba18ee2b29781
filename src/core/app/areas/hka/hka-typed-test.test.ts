// Issue 18: "Probar conexión" tests exactly what the form holds. Typed values are tested as typed (a token left empty
// borrows the saved one), verify nothing until saved, and a save of exactly those values marks the connection
// verified; a save of anything else does not. Real core, real simulator over HTTP.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAST_WORKER } from '../../../../../tests/fixtures/register-harness';
import { asGerente } from '../../../../../tests/fixtures/register-users';
import { DEMO_ACCOUNT, startHkaSimulator, type HkaSimulator } from '../../../hka/simulator';
import { dispatchIpc } from '../../dispatch';
import { createRegisterCore, type RegisterCore } from '../../register-core';

let sim: HkaSimulator;
let core: RegisterCore;
const dir = mkdtempSync(join(tmpdir(), 'sago-hka-typed-'));
const answers: unknown[] = [];
beforeAll(async () => {
  sim = await startHkaSimulator({});
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
  answers.push(result);
  return result;
}
const demo = (tokens: { tokenEmpresa?: string; tokenPassword?: string }) => ({
  environment: 'demo',
  endpoint: sim.endpoint,
  ...tokens,
});
const RIGHT = { tokenEmpresa: DEMO_ACCOUNT.tokenEmpresa, tokenPassword: DEMO_ACCOUNT.tokenPassword };

describe('"Probar conexión" on the values typed in the form', () => {
  it("reports wrong typed tokens as HKA's refusal and saves nothing", async () => {
    const refused = await call('settings:testHka', {
      draft: demo({ tokenEmpresa: 'equivocado-0001', tokenPassword: 'equivocada-0002' }),
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'not_allowed', message: expect.stringMatching(/^HKA rechazó las credenciales/) as unknown },
    });
    expect(await call('settings:hka', {})).toMatchObject({
      ok: true,
      value: { environment: 'simulador', tokenEmpresa: { configured: false } },
    });
  });

  it('right typed tokens pass as "typed"; saving exactly them verifies the connection without another test', async () => {
    expect(await call('settings:testHka', { draft: demo(RIGHT) })).toMatchObject({
      ok: true,
      value: { tested: 'typed', licencia: DEMO_ACCOUNT.licencia },
    });
    expect(await call('settings:saveHka', demo(RIGHT))).toMatchObject({
      ok: true,
      value: { environment: 'demo', invoicingAllowed: true },
    });
  });

  it('a save of other values than those tested verifies nothing', async () => {
    expect(
      await call('settings:testHka', { draft: demo({ tokenPassword: DEMO_ACCOUNT.tokenPassword }) }),
    ).toMatchObject({ ok: true, value: { tested: 'typed' } });
    expect(await call('settings:saveHka', demo({ tokenPassword: 'otra-clave-distinta' }))).toMatchObject({
      ok: true,
      value: { invoicingAllowed: false },
    });
    // The saved (wrong) password with a typed right one: tested as typed, the saved password is not what was tested.
    expect(await call('settings:testHka', {})).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^HKA rechazó/) as unknown },
    });
  });

  it('an untouched token borrows the saved one only within its environment', async () => {
    expect(
      await call('settings:testHka', { draft: { environment: 'produccion', tokenPassword: 'solo-una' } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', message: 'Escriba tokenEmpresa y tokenPassword para probar este ambiente' },
    });
  });

  it('never answers or audits a token value', () => {
    const audit = JSON.stringify(core.store.sqlite.prepare('SELECT details FROM audit_log').all());
    const wire = JSON.stringify(answers);
    for (const secret of [
      ...Object.values(RIGHT),
      'equivocado-0001',
      'equivocada-0002',
      'otra-clave-distinta',
      'solo-una',
    ]) {
      expect(wire).not.toContain(secret);
      expect(audit).not.toContain(secret);
    }
  });
});
