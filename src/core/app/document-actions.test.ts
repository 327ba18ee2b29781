// Annulment and credit notes through the IPC handler map, against a real simulator and a real register file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAST_WORKER, waitFor } from '../../../tests/fixtures/register-harness';
import type { IpcResult } from '../../shared/ipc/api';
import { ipcContract, type Channel, type Request, type Response } from '../../shared/ipc/contract';
import { startHkaSimulator, type HkaSimulator } from '../hka/simulator';
import { dispatchIpc } from './dispatch';
import { createRegisterCore, type RegisterCore } from './register-core';

let sim: HkaSimulator;
let core: RegisterCore;
let dir: string;
beforeAll(async () => {
  sim = await startHkaSimulator({});
  dir = mkdtempSync(join(tmpdir(), 'sago-doc-actions-'));
  core = await createRegisterCore({ dataDir: dir, simulatorEndpoint: sim.endpoint, worker: FAST_WORKER });
});
afterAll(async () => {
  await core.close();
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
});

async function call<C extends Channel>(channel: C, request: Request<C>): Promise<IpcResult<Response<C>>> {
  const result = await dispatchIpc(core.handlers, channel, request);
  if (result.ok) ipcContract[channel].response.parse(result.value);
  return result as IpcResult<Response<C>>;
}

async function authorisedSale(): Promise<string> {
  const sale = await call('sales:complete', { draft: {
    tipoDocumento: '01', cliente: { tipoClienteFE: '02', pais: 'PA' }, tiempoPago: '1',
    items: [{ descripcion: 'Arroz blanco 5 lb', cantidad: '2', precioUnitario: '3.25', tasaItbms: '00' }],
    pagos: [{ formaPagoFact: '04', valorCuotaPagada: '6.50' }],
  } });
  if (!sale.ok) throw new Error(JSON.stringify(sale.error));
  const status = () => core.store.sqlite.prepare('SELECT status FROM documents WHERE id = ?').pluck().get(sale.value.id);
  await waitFor(() => status() === 'AUTHORIZED', 5_000, 'authorised');
  return sale.value.id;
}

describe('document actions over IPC', () => {
  it('issues a credit note for an authorised invoice, referencing its CUFE', async () => {
    const id = await authorisedSale();
    const note = await call('documents:creditNote', { id, lines: [{ line: 1, cantidad: '1' }] });
    expect(note).toMatchObject({ ok: true, value: { tipoDocumento: '04', status: 'QUEUED', totalFactura: '3.25' } });
    const refusal = await call('documents:creditNote', { id, lines: [{ line: 1, cantidad: '5' }] });
    expect(refusal).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
  });

  it('annuls an authorised document, and explains a refusal in Spanish', async () => {
    const id = await authorisedSale();
    expect(await call('documents:annul', { id, motivo: 'Venta registrada por error' })).toMatchObject({ ok: true, value: { status: 'ANNULLED' } });
    expect(await call('documents:annul', { id, motivo: 'Venta registrada por error' })).toMatchObject({
      ok: false, error: { code: 'not_allowed', message: 'Solo se anulan documentos autorizados por la DGI' },
    });
    expect(await call('documents:annul', { id: 'nope', motivo: 'Venta registrada por error' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
