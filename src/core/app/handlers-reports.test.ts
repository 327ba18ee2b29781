// The reports handlers through dispatchIpc: requests parsed by the contract, answers that satisfy its response schemas.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ipcContract } from '../../shared/ipc/contract';
import { REPORTS_CHANNELS } from '../../shared/ipc/channels-reports';
import { openDatabase, type OpenedDatabase } from '../store/open-database';
import { createReportsHandlers } from './handlers-reports';
import { areaBinding } from '../../../tests/fixtures/area-binding';

let store: OpenedDatabase;
beforeEach(() => { store = openDatabase({ path: ':memory:' }); });
afterEach(() => store.close());

const clock = () => new Date('2025-03-03T14:00:00Z');
// The reports handlers use only the store and the clock; the rest of the register is not needed here.
const handlers = () => createReportsHandlers({ db: store.db, clock });
const served = () => areaBinding(store.db, clock, handlers());

describe('reports handlers', () => {
  it('serves exactly the channels of the reports contract', () => {
    expect(Object.keys(handlers()).sort()).toEqual([...REPORTS_CHANNELS].sort());
  });

  it('opens a shift, gives X and Z reports that match the contract, and refuses an X report without a shift', async () => {
    const h = await served();
    await expect(h.ok('reports:xReport', {})).rejects.toMatchObject({ code: 'not_allowed', message: expect.stringContaining('No hay un turno abierto') as unknown });
    const shift = await h.ok('reports:openShift', { openingCash: '25.00' });
    expect(ipcContract['reports:openShift'].response.parse(shift)).toMatchObject({ openingCash: '25.00', closedAt: null, openedByName: 'Gabriela Gerente' });
    const x = await h.ok('reports:xReport', {});
    expect(ipcContract['reports:xReport'].response.safeParse(x).success).toBe(true);
    const z = await h.ok('reports:closeShift', { countedCash: '25.00' });
    expect(ipcContract['reports:closeShift'].response.safeParse(z).success).toBe(true);
    expect(z).toMatchObject({ closed: true, report: { cash: { expected: '25.00', difference: '0.00' } } });
    expect(await h.ok('reports:zReport', { shiftId: shift.id })).toEqual({ report: (z as { report: unknown }).report, text: expect.any(String) as unknown, csv: expect.any(String) as unknown });
    await expect(h.ok('reports:sales', { from: '2025-03-05', to: '2025-03-01' })).rejects.toMatchObject({ code: 'invalid_request' });
  });

  it('keeps the count blind for a cashier: no X report, and the expected figure only after counting', async () => {
    const h = await served();
    await h.ok('reports:openShift', { openingCash: '25.00' });
    await h.ok('auth:signIn', { username: 'cajero', pin: '1357' });
    await expect(h.ok('reports:xReport', {})).rejects.toMatchObject({ code: 'not_allowed', message: expect.stringMatching(/conteo ciego/) as unknown });
    expect(await h.ok('reports:closeShift', { countedCash: '24.00' })).toMatchObject({ closed: false, reason: 'needs_reason', expected: '25.00', difference: '-1.00' });
    // A difference beyond the limit needs a gerente: asked for only when the cashier presents an approval.
    expect(await h.ok('reports:closeShift', { countedCash: '10.00', reason: 'Faltante sin explicación todavía' })).toMatchObject({ closed: false, reason: 'needs_manager' });
    await expect(h.ok('reports:closeShift', { countedCash: '10.00', reason: 'Faltante sin explicación todavía', approval: 'not-a-token' }))
      .rejects.toMatchObject({ code: 'approval_required' });
    const approval = (await h.ok('auth:approve', { username: 'gerente', pin: '2468', action: 'reports:closeShift' })).token;
    const closed = await h.ok('reports:closeShift', { countedCash: '10.00', reason: 'Faltante sin explicación todavía', approval });
    expect(closed).toMatchObject({ closed: true, report: { shift: { closedByName: 'Carlos Cajero', closeApprovedByName: 'Gabriela Gerente' } } });
    const audit = store.sqlite.prepare("SELECT actor_name AS actorName, approved_by_name AS approvedByName FROM audit_log WHERE action = 'shift.closed'").get();
    expect(audit).toEqual({ actorName: 'Carlos Cajero', approvedByName: 'Gabriela Gerente' });
  });

  it('imports a catalogue CSV', async () => {
    const h = await served();
    const result = await h.ok('catalog:importCsv', { csv: 'codigo,descripcion,precio,tasaItbms\nA1,Arroz,4.25,01\n' });
    expect(ipcContract['catalog:importCsv'].response.parse(result)).toEqual({ rows: 1, imported: 1, errors: [] });
  });

  it('imports a price change to an existing product only once the manager confirms it', async () => {
    const h = await served();
    await h.ok('catalog:importCsv', { csv: 'codigo,descripcion,precio,tasaItbms\nA1,Arroz,4.25,01\n' });
    const csv = 'codigo,descripcion,precio,tasaItbms\nA1,Arroz,0.01,01\nA2,Frijol,2.00,01\n';
    expect(await h.ok('catalog:importCsv', { csv })).toEqual({ rows: 2, imported: 0, errors: [], priceChanges: [{ row: 2, codigo: 'A1', before: '4.25', after: '0.01' }] });
    expect(store.sqlite.prepare("SELECT precio FROM products WHERE codigo = 'A1'").pluck().get()).toBe('4.25');
    expect(store.sqlite.prepare("SELECT count(*) FROM products WHERE codigo = 'A2'").pluck().get()).toBe(0);
    expect(await h.ok('catalog:importCsv', { csv, confirmPriceChanges: true })).toMatchObject({ imported: 2 });
    expect(store.sqlite.prepare("SELECT precio FROM products WHERE codigo = 'A1'").pluck().get()).toBe('0.01');
  });
});
