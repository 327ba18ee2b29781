// The reports handlers through dispatchIpc: requests parsed by the contract, answers that satisfy its response schemas.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ipcContract } from '../../shared/ipc/contract';
import { REPORTS_CHANNELS } from '../../shared/ipc/channels-reports';
import { openDatabase, type OpenedDatabase } from '../store/open-database';
import { createReportsHandlers } from './handlers-reports';
import type { RegisterContext } from './ipc-handlers';

let store: OpenedDatabase;
beforeEach(() => { store = openDatabase({ path: ':memory:' }); });
afterEach(() => store.close());

function handlers() {
  // The reports handlers use only the store, the clock and the actor; the rest of the register is not needed here.
  const ctx = { db: store.db, clock: () => new Date('2025-03-03T14:00:00Z'), actor: 'cajero-1' } as Partial<RegisterContext> as RegisterContext;
  return createReportsHandlers(ctx);
}

describe('reports handlers', () => {
  it('serves exactly the channels of the reports contract', () => {
    expect(Object.keys(handlers()).sort()).toEqual([...REPORTS_CHANNELS].sort());
  });

  it('opens a shift, gives X and Z reports that match the contract, and refuses an X report without a shift', async () => {
    const h = handlers();
    await expect(h['reports:xReport']({})).rejects.toMatchObject({ code: 'not_allowed', message: expect.stringContaining('No hay un turno abierto') as unknown });
    const shift = await h['reports:openShift']({ openingCash: '25.00' });
    expect(ipcContract['reports:openShift'].response.parse(shift)).toMatchObject({ openingCash: '25.00', closedAt: null });
    const x = await h['reports:xReport']({});
    expect(ipcContract['reports:xReport'].response.safeParse(x).success).toBe(true);
    const z = await h['reports:closeShift']({ countedCash: '25.00' });
    expect(ipcContract['reports:closeShift'].response.safeParse(z).success).toBe(true);
    expect(z).toMatchObject({ closed: true, report: { cash: { expected: '25.00', difference: '0.00' } } });
    expect(await h['reports:zReport']({ shiftId: shift.id })).toEqual({ report: (z as { report: unknown }).report, text: expect.any(String) as unknown, csv: expect.any(String) as unknown });
    await expect(h['reports:sales']({ from: '2025-03-05', to: '2025-03-01' })).rejects.toMatchObject({ code: 'invalid_request' });
  });

  it('imports a catalogue CSV', async () => {
    const result = await handlers()['catalog:importCsv']({ csv: 'codigo,descripcion,precio,tasaItbms\nA1,Arroz,4.25,01\n' });
    expect(ipcContract['catalog:importCsv'].response.parse(result)).toEqual({ rows: 1, imported: 1, errors: [] });
  });
});
