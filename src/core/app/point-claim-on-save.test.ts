// Issue 11 §2, register side: changing the billing point in Configuración › Emisor claims the new point at head office
// at once, without the manager waiting for the network; when head office says another register has it, the till
// refuses to invoice on it (Spanish, naming the point) and writes nothing. A scripted central server; the real one's
// side is src/server/routes/point-claims.test.ts.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoRegister } from '../../../tests/fixtures/demo-register';
import { FAST_WORKER, waitFor } from '../../../tests/fixtures/register-harness';
import { ipcOk } from '../../../tests/fixtures/register-users';
import { startHkaSimulator, type HkaSimulator } from '../hka/simulator';
import { readPointClaim } from '../sync/claim-point';
import { startStubSyncServer, type StubSyncServer } from '../sync/stub-sync-server.fixture';
import { dispatchIpc } from './dispatch';
import type { RegisterCore } from './register-core';

const ORG = randomUUID();
const TOKEN = `sgd.${ORG}.device-secret-0123456789abcdef`;
let hka: HkaSimulator;
let server: StubSyncServer;
let core: RegisterCore;
const dir = mkdtempSync(join(tmpdir(), 'sago-point-claim-'));

beforeAll(async () => {
  hka = await startHkaSimulator();
  server = await startStubSyncServer();
  server.answer = (request) => {
    if (request.path === '/v1/enrol') {
      return {
        status: 201,
        body: {
          deviceId: randomUUID(),
          orgId: ORG,
          storeId: randomUUID(),
          storeCode: '0000',
          storeName: 'Casa Matriz',
          registerName: 'Caja 1',
          token: TOKEN,
        },
      };
    }
    if (request.path === '/v1/devices/claim-point') {
      const point = request.json as { puntoFacturacion?: string };
      return point.puntoFacturacion === '002'
        ? {
            status: 409,
            body: {
              error: 'point_claimed',
              message: 'Billing point already claimed by another register of this organisation',
            },
          }
        : { status: 200, body: { claimed: true } };
    }
    return undefined;
  };
  core = await startDemoRegister(hka.endpoint, { dataDir: dir, worker: FAST_WORKER });
  await ipcOk(core.ipc, 'sync:enrol', { serverUrl: server.url, code: 'sge.good', registerName: 'Caja 1' });
});
afterAll(async () => {
  await core.close();
  await server.close();
  await hka.close();
  rmSync(dir, { recursive: true, force: true });
});

const DRAFT = {
  tipoDocumento: '01' as const,
  cliente: { tipoClienteFE: '02' as const, pais: 'PA' },
  tiempoPago: '1' as const,
  items: [
    { codigo: 'P100', descripcion: 'Pan de molde', cantidad: '1', precioUnitario: '2.00', tasaItbms: '00' as const },
  ],
  pagos: [{ formaPagoFact: '02' as const, valorCuotaPagada: '2.00' }],
};

describe('changing the billing point in the issuer settings', () => {
  it('claims the new point at once; a point head office gives to another register stops invoicing on it', async () => {
    // The simulator's demo issuer (a Demo data set starts without an issuer identity of its own).
    const issuer = {
      ...(await ipcOk(core.ipc, 'settings:issuer', {})),
      ruc: '155596713-2-2015',
      dv: '59',
      razonSocial: 'THE FACTORY HKA CORP',
    };
    await ipcOk(core.ipc, 'settings:saveIssuer', { ...issuer, puntoFacturacionFiscal: '002' });
    await waitFor(() => readPointClaim(core.store.db)?.puntoFacturacion === '002', 10_000, 'the claim of point 002');
    expect(readPointClaim(core.store.db)).toMatchObject({ state: 'refused', puntoFacturacion: '002' });
    const documents = () => (core.store.sqlite.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
    const before = documents();
    const refused = await dispatchIpc(core.ipc, 'sales:complete', { draft: DRAFT });
    expect(refused).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('punto de facturación 002') as unknown },
    });
    expect(documents()).toBe(before);

    await ipcOk(core.ipc, 'settings:saveIssuer', { ...issuer, puntoFacturacionFiscal: '003' });
    await waitFor(() => readPointClaim(core.store.db)?.puntoFacturacion === '003', 10_000, 'the claim of point 003');
    expect((await ipcOk(core.ipc, 'sales:complete', { draft: DRAFT })).numero).toBe(1);
  });
});
