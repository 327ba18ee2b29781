// Head office's catalogue end to end (issue 15): the real server on real PostgreSQL and two registers (two cores, each
// with its own SQLite file, on Demo against the HKA simulator), enrolled through their IPC like a manager does. A
// price changed centrally is charged by both registers' next sale; a register with a basket in progress waits; a
// local edit is overwritten by head office and audited; a bad row in head office's database is refused alone.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegisterCore } from '../../src/core/app/register-core';
import { startHkaSimulator, type HkaSimulator } from '../../src/core/hka/simulator';
import { ADMIN_CATALOG_PATH } from '../../src/shared/sync/catalog';
import { startDemoRegister } from '../fixtures/demo-register';
import { api, startSyncTestServer, type SyncTestServer, type Tenant } from '../fixtures/pg-test-db';
import { FAST_WORKER } from '../fixtures/register-harness';
import { ipcOk } from '../fixtures/register-users';

let sim: HkaSimulator;
let kit: SyncTestServer;
let tenant: Tenant;
const registers: RegisterCore[] = [];
const dirs: string[] = [];

const ISSUER = {
  ruc: '155596713-2-2015',
  dv: '59',
  razonSocial: 'MINI SUPER LA ESQUINA S.A.',
  codigoSucursalEmisor: '0000',
  tipoSucursal: '1' as const,
  naturalezaOperacion: '01' as const,
  autorizadosDescarga: [],
};
const product = (codigo: string, precio: string) => ({
  codigo,
  descripcion: `Producto ${codigo}`,
  precio,
  tasaItbms: '01',
});
const writeCatalog = async (products: unknown[]) => {
  const answer = await api<{ version: number }>(kit.url, ADMIN_CATALOG_PATH, {
    bearer: tenant.adminKey,
    body: { products },
  });
  expect(answer.status).toBe(200);
  return answer.body.version;
};

/** The till's next sale of one unit of `code`: looked up in the register's catalogue, charged at its price. */
async function sellOne(core: RegisterCore, code: string): Promise<{ precio: string; totalFactura: string }> {
  const found = await ipcOk(core.ipc, 'catalog:lookup', { code });
  if (!found) throw new Error(`${code} is not in the register's catalogue`);
  const sale = await ipcOk(core.ipc, 'sales:complete', {
    draft: {
      tipoDocumento: '01',
      cliente: { tipoClienteFE: '02', pais: 'PA' },
      tiempoPago: '1',
      items: [
        {
          codigo: found.codigo,
          descripcion: found.descripcion,
          unidadMedida: found.unidad,
          cantidad: '1',
          precioUnitario: found.precio,
          tasaItbms: found.tasaItbms,
        },
      ],
      pagos: [{ formaPagoFact: '02', valorCuotaPagada: '100.00' }],
    },
  });
  return { precio: found.precio, totalFactura: sale.totalFactura };
}

const audits = (core: RegisterCore, action: string) =>
  (
    core.store.sqlite
      .prepare('SELECT details FROM audit_log WHERE action = ? ORDER BY id')
      .pluck()
      .all(action) as string[]
  ).map((d) => JSON.parse(d) as Record<string, unknown>);

beforeAll(async () => {
  sim = await startHkaSimulator({});
  kit = await startSyncTestServer();
  tenant = await kit.createTenant('Mini Super La Esquina');
  const store = await api<{ id: string }>(kit.url, '/v1/admin/stores', {
    bearer: tenant.adminKey,
    body: { code: '0000', name: 'Casa Matriz' },
  });
  for (const punto of ['001', '002']) {
    const dir = mkdtempSync(join(tmpdir(), 'sago-catalog-'));
    dirs.push(dir);
    // The timer's pulls are an hour apart: this test decides when each register pulls (as "Sincronizar ahora" does).
    const core = await startDemoRegister(sim.endpoint, {
      dataDir: dir,
      worker: FAST_WORKER,
      catalog: { intervalMs: 3_600_000 },
    });
    registers.push(core);
    await ipcOk(core.ipc, 'settings:saveIssuer', { ...ISSUER, puntoFacturacionFiscal: punto });
    const code = await api<{ code: string }>(kit.url, '/v1/admin/enrolment-codes', {
      bearer: tenant.adminKey,
      body: { storeId: store.body.id, registerName: `Caja ${punto}` },
    });
    await ipcOk(core.ipc, 'sync:enrol', { serverUrl: kit.url, code: code.body.code, registerName: `Caja ${punto}` });
  }
}, 60_000);

afterAll(async () => {
  for (const core of registers) await core.close();
  await kit?.close();
  await sim?.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('catalogue from head office, two registers', () => {
  it("a price changed centrally is charged by both registers' next sale", async () => {
    await writeCatalog([product('ARROZ', '2.00'), product('FRIJOL', '1.00')]);
    for (const core of registers)
      expect(await core.catalog.pullNow()).toMatchObject({ kind: 'done', applied: 2, refused: 0 });
    for (const core of registers)
      expect(await sellOne(core, 'ARROZ')).toEqual({ precio: '2.00', totalFactura: '2.14' });
    await writeCatalog([product('ARROZ', '3.00')]);
    const pulled = await Promise.all(registers.map((core) => ipcOk(core.ipc, 'sync:pushNow', {}))); // "Sincronizar ahora"
    expect(pulled.map((status) => status.enrolled)).toEqual([true, true]);
    for (const core of registers)
      expect(await sellOne(core, 'ARROZ')).toEqual({ precio: '3.00', totalFactura: '3.21' });
  });

  it('a register with a sale in progress waits; head office then overwrites a local edit and audits it', async () => {
    const [first, second] = registers as [RegisterCore, RegisterCore];
    const frijol = await ipcOk(first.ipc, 'catalog:lookup', { code: 'FRIJOL' });
    if (!frijol) throw new Error('FRIJOL missing');
    await ipcOk(first.ipc, 'catalog:saveProduct', { ...frijol, precio: '1.25' }); // the gerente's local price
    const line = {
      key: 0,
      productId: frijol.id,
      codigo: 'FRIJOL',
      descripcion: frijol.descripcion,
      unidad: 'und',
      cantidad: '1',
      precioUnitario: '1.25',
      catalogPrice: '1.25',
      descuentoUnitario: '0',
      tasaItbms: '01' as const,
      codigoCPBS: null,
      unidadMedidaCPBS: null,
      requiereLote: false,
      medicina: null,
    };
    await ipcOk(first.ipc, 'till:saveDraft', { basket: { lines: [line], customer: null } });
    await writeCatalog([product('FRIJOL', '1.10')]);
    expect(await first.catalog.pullNow()).toEqual({ kind: 'sale_in_progress' });
    // What the monitoring panel's sync card shows: waiting for the sale.
    expect((await ipcOk(first.ipc, 'sync:status', {})).catalog?.waitingForSaleSince).toEqual(expect.any(String));
    expect((await ipcOk(first.ipc, 'catalog:lookup', { code: 'FRIJOL' }))?.precio).toBe('1.25');
    expect(await second.catalog.pullNow()).toMatchObject({ kind: 'done', applied: 1 });
    await ipcOk(first.ipc, 'till:saveDraft', { basket: null }); // the sale was completed or emptied
    expect(await first.catalog.pullNow()).toMatchObject({ kind: 'done', applied: 1, overwroteLocal: 1 });
    for (const core of registers)
      expect(await sellOne(core, 'FRIJOL')).toEqual({ precio: '1.10', totalFactura: '1.18' });
    expect(audits(first, 'catalog.central_overwrote_local')).toEqual([
      expect.objectContaining({
        codigo: 'FRIJOL',
        before: expect.objectContaining({ precio: '1.25' }) as unknown,
        after: expect.objectContaining({ precio: '1.10' }) as unknown,
      }),
    ]);
    expect(audits(second, 'catalog.central_overwrote_local')).toEqual([]);
  });

  it("a bad row in head office's database is refused alone by both registers; the good change beside it applies", async () => {
    const version = await writeCatalog([product('ARROZ', '3.50')]);
    // Evidence, not truth: a row the API would never have accepted, written straight into PostgreSQL.
    await kit.superQuery(
      `update catalog_products set descripcion = 'x', precio = -1, version = $1 where org_id = $2 and codigo = 'FRIJOL'`,
      [version, tenant.orgId],
    );
    for (const core of registers) {
      const result = await core.catalog.pullNow();
      expect(result).toMatchObject({ kind: 'done', applied: 1, refused: 1 });
      expect(audits(core, 'catalog.central_refused').at(-1)).toMatchObject({
        codigo: 'FRIJOL',
        version,
        reason: 'invalid',
        detail: 'invalid fields: descripcion, precio',
      });
      expect(await sellOne(core, 'ARROZ')).toEqual({ precio: '3.50', totalFactura: '3.75' });
      expect(await sellOne(core, 'FRIJOL')).toEqual({ precio: '1.10', totalFactura: '1.18' });
      expect((await ipcOk(core.ipc, 'sync:status', {})).catalog).toEqual({
        version,
        lastAppliedAt: expect.any(String) as unknown,
        waitingForSaleSince: null,
        refusedTotal: 1,
        lastError: null,
      });
    }
  });
});
