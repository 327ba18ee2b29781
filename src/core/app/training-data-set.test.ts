// Issue 11 §3: training is not fiscal. Ten sales in Simulador (training), then the manager switches to Demo (another
// simulator stands in for HKA's Demo) and rings three: the Z, the sales report, the documents list, the numbering
// and the central-sync outbox of Demo know the three only, Demo's HKA received three, and the training data set is
// still there, untouched, when the register goes back to it. Real core, real SQLite files, SOAP over HTTP.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAST_WORKER, waitFor } from '../../../tests/fixtures/register-harness';
import { asGerente, ipcOk } from '../../../tests/fixtures/register-users';
import { DEMO_ACCOUNT, startHkaSimulator, type HkaSimulator } from '../hka/simulator';
import { readHkaSettings } from '../hka/hka-connection';
import { dataSetPath } from '../store/data-sets';
import { toPanamaDate } from '../../shared/fiscal/panama-time';
import { dispatchIpc } from './dispatch';
import { createRegisterCore, type RegisterCore } from './register-core';

const draft = (precio: string) => ({
  tipoDocumento: '01' as const,
  cliente: { tipoClienteFE: '02' as const, pais: 'PA' },
  tiempoPago: '1' as const,
  items: [
    { codigo: 'P100', descripcion: 'Pan de molde', cantidad: '1', precioUnitario: precio, tasaItbms: '00' as const },
  ],
  pagos: [{ formaPagoFact: '02' as const, valorCuotaPagada: precio }],
});

let training: HkaSimulator;
let demoHka: HkaSimulator;
const dataDir = mkdtempSync(join(tmpdir(), 'sago-training-'));
const cores: RegisterCore[] = [];

async function start(): Promise<RegisterCore> {
  const core = await createRegisterCore({ dataDir, simulatorEndpoint: training.endpoint, worker: FAST_WORKER });
  cores.push(core);
  await asGerente(core.ipc);
  return core;
}

const count = (core: RegisterCore, sql: string) => (core.store.sqlite.prepare(sql).get() as { n: number }).n;
const authorisedAll = (core: RegisterCore) =>
  count(core, "SELECT count(*) AS n FROM documents WHERE status <> 'AUTHORIZED'") === 0;

beforeAll(async () => {
  training = await startHkaSimulator();
  demoHka = await startHkaSimulator();
});
afterAll(async () => {
  for (const core of cores) await core.close();
  await training.close();
  await demoHka.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('training (Simulador) and Demo keep separate data sets', () => {
  it('ten training sales, a switch to Demo, three sales: Demo sees three, numbered from 1, and HKA Demo got three', async () => {
    const trainingCore = await start();
    expect(trainingCore.environment).toBe('simulador');
    for (let i = 0; i < 10; i++) await ipcOk(trainingCore.ipc, 'sales:complete', { draft: draft('2.00') });
    await waitFor(() => authorisedAll(trainingCore), 10_000, 'training sales authorised');
    // Training never enrols with head office.
    const enrol = await dispatchIpc(trainingCore.ipc, 'sync:enrol', {
      serverUrl: 'http://127.0.0.1:9',
      code: 'sge.x.y',
    });
    expect(enrol).toMatchObject({
      ok: false,
      error: { code: 'not_allowed', message: expect.stringContaining('entrenamiento') as unknown },
    });

    // The manager switches to Demo: tokens typed for Demo are stored and verified in Demo's data set.
    await ipcOk(trainingCore.ipc, 'settings:saveHka', {
      environment: 'demo',
      endpoint: demoHka.endpoint,
      tokenEmpresa: DEMO_ACCOUNT.tokenEmpresa,
      tokenPassword: DEMO_ACCOUNT.tokenPassword,
    });
    expect(existsSync(dataSetPath(dataDir, 'demo'))).toBe(true);
    expect(await ipcOk(trainingCore.ipc, 'settings:hka', {})).toMatchObject({
      environment: 'demo',
      restartNeeded: true,
      invoicingAllowed: false,
    });
    await ipcOk(trainingCore.ipc, 'settings:testHka', {});
    expect(await ipcOk(trainingCore.ipc, 'settings:hka', {})).toMatchObject({
      environment: 'demo',
      invoicingAllowed: true,
    });
    // The training data set has no Demo token, and its own HKA settings still say Simulador.
    expect(count(trainingCore, "SELECT count(*) AS n FROM secrets WHERE name LIKE 'hka.%'")).toBe(0);
    expect(readHkaSettings(trainingCore.store.db).environment).toBe('simulador');
    await trainingCore.close();

    const demoCore = await start(); // the users came along: the same gerente signs in
    expect(demoCore.environment).toBe('demo');
    const sold = [];
    for (let i = 0; i < 3; i++) sold.push(await ipcOk(demoCore.ipc, 'sales:complete', { draft: draft('3.00') }));
    expect(sold.map((d) => d.numero)).toEqual([1, 2, 3]); // training consumed no real number
    await waitFor(() => authorisedAll(demoCore), 10_000, 'demo sales authorised');

    expect(demoHka.ledger()).toHaveLength(3);
    expect(training.ledger()).toHaveLength(10);
    expect((await ipcOk(demoCore.ipc, 'documents:list', { limit: 50 })).total).toBe(3);
    const day = toPanamaDate(new Date()); // the report's days are Panamá's (UTC is a day ahead after 19:00)
    const report = await ipcOk(demoCore.ipc, 'reports:sales', { from: day, to: day });
    expect(report.report.byDay.reduce((n, d) => n + d.documents, 0)).toBe(3);
    const z = await ipcOk(demoCore.ipc, 'reports:closeShift', { countedCash: '9.00' });
    expect(z).toMatchObject({ closed: true, report: { counts: { total: 3 }, salesTotal: '9.00' } });
    // What Demo would push to head office concerns its three documents only.
    expect(
      count(
        demoCore,
        "SELECT count(DISTINCT json_extract(payload, '$.documentId')) AS n FROM sync_outbox WHERE json_extract(payload, '$.documentId') IS NOT NULL",
      ),
    ).toBe(3);
    await ipcOk(demoCore.ipc, 'settings:saveHka', { environment: 'simulador' });
    await demoCore.close();

    // Back to training: its ten sales are where they were, Demo's three are not there.
    const again = await start();
    expect(again.environment).toBe('simulador');
    expect((await ipcOk(again.ipc, 'documents:list', { limit: 50 })).total).toBe(10);
    await again.close();
  });
});
