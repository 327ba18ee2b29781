import { describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../shared/ipc/channels';
import { AppError } from './app-error';
import type { ActingUser, SessionGate } from './caller';
import { dispatchIpc, isChannel, type IpcBinding, type IpcHandlers } from './dispatch';

const GERENTE: ActingUser = { id: 'u-g', username: 'gabriela', displayName: 'Gabriela', role: 'gerente' };
const CAJERO: ActingUser = { id: 'u-c', username: 'carlos', displayName: 'Carlos', role: 'cajero' };

/** The register's session as the dispatcher sees it: who is signed in, and the approvals a gerente gave. */
function fakeSession(
  user: ActingUser | undefined,
  approvals: Record<string, { action: string; by: ActingUser }> = {},
): SessionGate {
  return {
    currentUser: () => user,
    consumeApproval: (token, action) => {
      const approval = approvals[token];
      if (approval?.action !== action) return undefined;
      delete approvals[token];
      return approval.by;
    },
  };
}

/** A handler map where every handler is a spy answering `{ channel }`, served with a gerente signed in. */
function spyHandlers(): IpcHandlers {
  return Object.fromEntries(
    CHANNELS.map((c) => [c, vi.fn(() => Promise.resolve({ channel: c }))]),
  ) as unknown as IpcHandlers;
}

const as = (handlers: IpcHandlers, session: SessionGate = fakeSession(GERENTE)): IpcBinding => ({ handlers, session });

const SALE = {
  tipoDocumento: '01',
  cliente: { tipoClienteFE: '02', pais: 'PA' },
  tiempoPago: '1',
  items: [{ descripcion: 'Arroz', cantidad: '1', precioUnitario: '1.00', tasaItbms: '00' }],
  pagos: [{ formaPagoFact: '02', valorCuotaPagada: '1.00' }],
};

describe('dispatchIpc', () => {
  it('parses the request and answers the handler value', async () => {
    const handlers = spyHandlers();
    expect(await dispatchIpc(as(handlers), 'catalog:search', { query: 'arroz' })).toEqual({
      ok: true,
      value: { channel: 'catalog:search' },
    });
    // Defaults of the request schema are applied before the handler sees the request.
    expect(handlers['catalog:search']).toHaveBeenCalledWith(
      { query: 'arroz', limit: 20 },
      expect.objectContaining({ user: GERENTE }),
    );
  });

  it('treats a missing payload as an empty request', async () => {
    const handlers = spyHandlers();
    expect((await dispatchIpc(as(handlers), 'app:status', undefined)).ok).toBe(true);
  });

  it('refuses an unknown channel, including inherited object keys', async () => {
    for (const channel of ['catalog:drop', '__proto__', 'toString']) {
      expect(isChannel(channel)).toBe(false);
      expect(await dispatchIpc(as(spyHandlers()), channel, {})).toEqual({
        ok: false,
        error: { code: 'invalid_request', message: 'Operación desconocida' },
      });
    }
  });

  it('rejects a malformed payload without calling the handler', async () => {
    const handlers = spyHandlers();
    const result = await dispatchIpc(as(handlers), 'catalog:search', { query: 42, limit: 1000 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_request');
    expect(result.error.violations?.map((v) => v.path)).toEqual(['query', 'limit']);
    expect(result.error.message).toMatch(/se esperaba texto.*\(query\)/);
    expect(handlers['catalog:search']).not.toHaveBeenCalled();
  });

  it("reports an invalid sale draft with the fiscal domain's Spanish messages and paths", async () => {
    const handlers = spyHandlers();
    const result = await dispatchIpc(as(handlers), 'sales:complete', {
      draft: { ...SALE, items: [{ ...SALE.items[0], cantidad: '-1' }] },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.violations?.[0]).toMatchObject({
      path: 'items[0].cantidad',
      message: expect.stringMatching(/^Ítem 1: la cantidad/) as unknown,
    });
    expect(result.error.message).toMatch(/^Ítem 1: la cantidad/);
    expect(handlers['sales:complete']).not.toHaveBeenCalled();
  });

  it("names a customer's receptor problems as the cliente's", async () => {
    const receptor = {
      tipoClienteFE: '01',
      tipoContribuyente: '2',
      numeroRUC: '155596713-2-2015',
      digitoVerificadorRUC: '58',
      razonSocial: 'Tienda',
      direccion: 'Calle 50',
      pais: 'PA',
    };
    const result = await dispatchIpc(as(spyHandlers()), 'customers:save', { receptor });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_request',
        message: 'Cliente: el dígito verificador no corresponde al RUC (se esperaba 59)',
      },
    });
  });

  it('turns an AppError into error data', async () => {
    const handlers = spyHandlers();
    handlers['documents:get'] = () => Promise.reject(new AppError('not_found', 'El documento no existe'));
    expect(await dispatchIpc(as(handlers), 'documents:get', { id: 'x' })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'El documento no existe' },
    });
  });

  it('hides unexpected errors: generic Spanish message, no stack, details only in the log', async () => {
    const handlers = spyHandlers();
    handlers['queue:sendNow'] = () => Promise.reject(new Error('boom at /home/cajero/secret-path'));
    const log = { error: vi.fn() };
    const result = await dispatchIpc(as(handlers), 'queue:sendNow', {}, log);
    expect(result).toEqual({
      ok: false,
      error: { code: 'internal', message: expect.stringMatching(/^Ocurrió un error inesperado/) as unknown },
    });
    expect(JSON.stringify(result)).not.toMatch(/secret-path|at .*\.ts/);
    expect(log.error).toHaveBeenCalledWith('IPC queue:sendNow failed', {
      error: 'Error: boom at /home/cajero/secret-path',
    });
  });
});

describe('dispatchIpc access rules', () => {
  it('answers only open channels when nobody is signed in, before reading the payload', async () => {
    const handlers = spyHandlers();
    const nobody = as(handlers, fakeSession(undefined));
    expect(await dispatchIpc(nobody, 'app:status', {})).toMatchObject({ ok: true });
    expect(await dispatchIpc(nobody, 'auth:session', {})).toMatchObject({ ok: true });
    // A malformed payload on a closed channel still answers "sign in": nothing about the request is revealed.
    expect(await dispatchIpc(nobody, 'catalog:search', { query: 42 })).toEqual({
      ok: false,
      error: { code: 'not_allowed', message: 'Inicie sesión para continuar' },
    });
    expect(await dispatchIpc(nobody, 'sales:complete', { draft: SALE })).toMatchObject({
      ok: false,
      error: { code: 'not_allowed' },
    });
    expect(handlers['sales:complete']).not.toHaveBeenCalled();
  });

  it('gives gerente-only channels to a signed-in gerente, never to a cashier', async () => {
    const handlers = spyHandlers();
    expect(await dispatchIpc(as(handlers, fakeSession(CAJERO)), 'audit:list', {})).toMatchObject({
      ok: false,
      error: { code: 'not_allowed' },
    });
    expect(await dispatchIpc(as(handlers, fakeSession(GERENTE)), 'audit:list', {})).toMatchObject({ ok: true });
    expect(handlers['audit:list']).toHaveBeenCalledTimes(1);
  });

  it("lets a cashier through an approval channel only with a gerente's token for that very action, spent once", async () => {
    const handlers = spyHandlers();
    const session = fakeSession(CAJERO, {
      t1: { action: 'documents:retry', by: GERENTE },
      t2: { action: 'documents:annul', by: GERENTE },
    });
    const binding = as(handlers, session);
    expect(await dispatchIpc(binding, 'documents:retry', { id: 'd1' })).toMatchObject({
      ok: false,
      error: { code: 'approval_required', approvalAction: 'documents:retry' },
    });
    expect(await dispatchIpc(binding, 'documents:retry', { id: 'd1', approval: 't2' })).toMatchObject({
      ok: false,
      error: { code: 'approval_required' },
    });
    expect(await dispatchIpc(binding, 'documents:retry', { id: 'd1', approval: 't1' })).toMatchObject({ ok: true });
    expect(handlers['documents:retry']).toHaveBeenCalledWith(
      { id: 'd1', approval: 't1' },
      expect.objectContaining({ user: CAJERO, manager: GERENTE, approvedBy: GERENTE }),
    );
    expect(await dispatchIpc(binding, 'documents:retry', { id: 'd1', approval: 't1' })).toMatchObject({
      ok: false,
      error: { code: 'approval_required' },
    });
  });

  it('takes the acting user from the session, whatever the payload says', async () => {
    const handlers = spyHandlers();
    await dispatchIpc(as(handlers, fakeSession(CAJERO)), 'sales:complete', {
      draft: SALE,
      user: GERENTE,
      actor: 'gabriela',
    });
    expect(handlers['sales:complete']).toHaveBeenCalledWith(
      { draft: expect.anything() as unknown },
      expect.objectContaining({ user: CAJERO }),
    );
  });
});
