import { describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../shared/ipc/channels';
import { AppError } from './app-error';
import { dispatchIpc, isChannel, type IpcHandlers } from './dispatch';

/** A handler map where every handler is a spy answering `{ channel }`. */
function spyHandlers(): IpcHandlers {
  return Object.fromEntries(CHANNELS.map((c) => [c, vi.fn(() => Promise.resolve({ channel: c }))])) as unknown as IpcHandlers;
}

const SALE = {
  tipoDocumento: '01', cliente: { tipoClienteFE: '02', pais: 'PA' }, tiempoPago: '1',
  items: [{ descripcion: 'Arroz', cantidad: '1', precioUnitario: '1.00', tasaItbms: '00' }],
  pagos: [{ formaPagoFact: '02', valorCuotaPagada: '1.00' }],
};

describe('dispatchIpc', () => {
  it('parses the request and answers the handler value', async () => {
    const handlers = spyHandlers();
    expect(await dispatchIpc(handlers, 'catalog:search', { query: 'arroz' })).toEqual({ ok: true, value: { channel: 'catalog:search' } });
    // Defaults of the request schema are applied before the handler sees the request.
    expect(handlers['catalog:search']).toHaveBeenCalledWith({ query: 'arroz', limit: 20 });
  });

  it('treats a missing payload as an empty request', async () => {
    const handlers = spyHandlers();
    expect((await dispatchIpc(handlers, 'app:status', undefined)).ok).toBe(true);
  });

  it('refuses an unknown channel, including inherited object keys', async () => {
    for (const channel of ['catalog:drop', '__proto__', 'toString']) {
      expect(isChannel(channel)).toBe(false);
      expect(await dispatchIpc(spyHandlers(), channel, {})).toEqual({ ok: false, error: { code: 'invalid_request', message: 'Operación desconocida' } });
    }
  });

  it('rejects a malformed payload without calling the handler', async () => {
    const handlers = spyHandlers();
    const result = await dispatchIpc(handlers, 'catalog:search', { query: 42, limit: 1000 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_request');
    expect(result.error.violations?.map((v) => v.path)).toEqual(['query', 'limit']);
    expect(result.error.message).toMatch(/se esperaba texto.*\(query\)/);
    expect(handlers['catalog:search']).not.toHaveBeenCalled();
  });

  it('reports an invalid sale draft with the fiscal domain\'s Spanish messages and paths', async () => {
    const handlers = spyHandlers();
    const result = await dispatchIpc(handlers, 'sales:complete', { draft: { ...SALE, items: [{ ...SALE.items[0], cantidad: '-1' }] } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.violations?.[0]).toMatchObject({ path: 'items[0].cantidad', message: expect.stringMatching(/^Ítem 1: la cantidad/) as unknown });
    expect(result.error.message).toMatch(/^Ítem 1: la cantidad/);
    expect(handlers['sales:complete']).not.toHaveBeenCalled();
  });

  it('names a customer\'s receptor problems as the cliente\'s', async () => {
    const receptor = { tipoClienteFE: '01', tipoContribuyente: '2', numeroRUC: '155596713-2-2015', digitoVerificadorRUC: '58', razonSocial: 'Tienda', direccion: 'Calle 50', pais: 'PA' };
    const result = await dispatchIpc(spyHandlers(), 'customers:save', { receptor });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request', message: 'Cliente: el dígito verificador no corresponde al RUC (se esperaba 59)' } });
  });

  it('turns an AppError into error data', async () => {
    const handlers = spyHandlers();
    handlers['documents:get'] = () => Promise.reject(new AppError('not_found', 'El documento no existe'));
    expect(await dispatchIpc(handlers, 'documents:get', { id: 'x' })).toEqual({ ok: false, error: { code: 'not_found', message: 'El documento no existe' } });
  });

  it('hides unexpected errors: generic Spanish message, no stack, details only in the log', async () => {
    const handlers = spyHandlers();
    handlers['queue:sendNow'] = () => Promise.reject(new Error('boom at /home/cajero/secret-path'));
    const log = { error: vi.fn() };
    const result = await dispatchIpc(handlers, 'queue:sendNow', {}, log);
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: expect.stringMatching(/^Ocurrió un error inesperado/) as unknown } });
    expect(JSON.stringify(result)).not.toMatch(/secret-path|at .*\.ts/);
    expect(log.error).toHaveBeenCalledWith('IPC queue:sendNow failed', { error: 'Error: boom at /home/cajero/secret-path' });
  });
});
