// Issue 12 §4: the register follows HKA's live contract, not only our copy of it. The simulator serves a variant WSDL
// (documento and datosDocumento in other namespaces than our bundled guess, REFERENCE.md §7.1) and reads requests by
// it, as WCF would. A register that reads the live WSDL (first use, "Probar conexión") gets its sale authorised and
// its DGI XML downloaded; the same register that can only use the bundled WSDL has the sale rejected by HKA.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAST_WORKER, waitFor } from '../../../tests/fixtures/register-harness';
import { asGerente } from '../../../tests/fixtures/register-users';
import { NS } from '../hka/contract';
import { DEMO_ACCOUNT, startHkaSimulator, type HkaSimulator } from '../hka/simulator';
import { dispatchIpc } from './dispatch';
import { createRegisterCore, type RegisterCore, type RegisterCoreOptions } from './register-core';

const VARIANT = {
  [NS.model]: 'http://schemas.datacontract.org/2004/07/Services.Models',
  [NS.comprobante]: 'http://schemas.datacontract.org/2004/07/Services.ObjComprobante.v1_1',
};

const SALE = {
  tipoDocumento: '01',
  cliente: { tipoClienteFE: '02', pais: 'PA' },
  tiempoPago: '1',
  items: [{ codigo: 'P100', descripcion: 'Pan de molde', cantidad: '1', precioUnitario: '2.00', tasaItbms: '00' }],
  pagos: [{ formaPagoFact: '02', valorCuotaPagada: '2.00' }],
};

let sim: HkaSimulator;
const dirs: string[] = [];
const cores: RegisterCore[] = [];

beforeAll(async () => {
  sim = await startHkaSimulator({ contractVariant: { namespaces: VARIANT } });
});
afterAll(async () => {
  for (const core of cores) await core.close();
  await sim.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function ok<T = Record<string, unknown>>(core: RegisterCore, channel: string, request: unknown): Promise<T> {
  const result = await dispatchIpc(core.ipc, channel, request);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/** A register saved for Demo against the simulator's address, restarted so the running connection is that one. */
async function demoRegister(extra: Partial<RegisterCoreOptions> = {}): Promise<RegisterCore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sago-live-contract-'));
  dirs.push(dataDir);
  const first = await createRegisterCore({ dataDir, worker: FAST_WORKER });
  await asGerente(first.ipc);
  await ok(first, 'settings:saveHka', {
    environment: 'demo',
    endpoint: sim.endpoint,
    tokenEmpresa: DEMO_ACCOUNT.tokenEmpresa,
    tokenPassword: DEMO_ACCOUNT.tokenPassword,
  });
  await first.close();
  const core = await createRegisterCore({ dataDir, worker: FAST_WORKER, ...extra });
  cores.push(core);
  await asGerente(core.ipc);
  await core.contract.settled(); // the first-use read of HKA's WSDL, started in the background
  return core;
}

const statusOf = (core: RegisterCore, id: string) =>
  core.store.sqlite.prepare('SELECT status, hka_mensajes AS mensajes FROM documents WHERE id = ?').get(id) as {
    status: string;
    mensajes: string | null;
  };

describe('the register follows the WSDL HKA publishes', () => {
  it('reads it at first use, shows how it differs from ours, and a sale is authorised and downloaded through it', async () => {
    const core = await demoRegister();
    const view = await ok<{
      contract: { source: string; differences: { area: string; subject: string; live: string | null }[] };
    }>(core, 'settings:hka', {});
    expect(view.contract.source).toBe('live');
    expect(view.contract.differences).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ area: 'namespace', subject: 'Enviar.documento', live: VARIANT[NS.comprobante] }),
        expect.objectContaining({ area: 'namespace', subject: 'DescargaXML.datosDocumento', live: VARIANT[NS.model] }),
      ]),
    );
    const tested = await ok<{ contract: { source: string } }>(core, 'settings:testHka', {});
    expect(tested.contract.source).toBe('live');

    const sale = await ok<{ id: string }>(core, 'sales:complete', { draft: SALE });
    await waitFor(
      () => statusOf(core, sale.id).status === 'AUTHORIZED',
      10_000,
      'sale authorised through the live contract',
    );
    const files = await ok<{ xml: { path: string } | null }>(core, 'documents:downloadFiles', { id: sale.id });
    expect(files.xml).not.toBeNull(); // DescargaXML: datosDocumento in the variant's namespace
  });

  it("with only our bundled WSDL (HKA's cannot be read), the same sale is rejected by HKA", async () => {
    const core = await demoRegister({ fetchHkaWsdl: () => Promise.reject(new Error('connect ECONNREFUSED')) });
    const view = await ok<{ contract: { source: string } }>(core, 'settings:hka', {});
    expect(view.contract.source).toBe('bundled');
    await ok(core, 'settings:testHka', {}); // FoliosRestantes has only tem: parameters: it passes either way
    const sale = await ok<{ id: string }>(core, 'sales:complete', { draft: SALE });
    await waitFor(() => statusOf(core, sale.id).status === 'REJECTED', 10_000, 'sale rejected by the variant contract');
    // WCF ignored every documento member in the namespace our copy guessed: HKA saw no document at all.
    expect(statusOf(core, sale.id).mensajes).toContain('El campo documento es requerido');
  });
});
