// The reports handlers through dispatchIpc: requests parsed by the contract, answers that satisfy its response schemas.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ipcContract } from '../../../../shared/ipc/contract';
import { REPORTS_CHANNELS } from '../../../../shared/ipc/areas/reports/channels';
import { openDatabase, type OpenedDatabase } from '../../../store/open-database';
import { inlineReads } from '../../../reads/inline-reads';
import { createReportsHandlers } from './handlers';
import { areaBinding } from '../../../../../tests/fixtures/area-binding';

let store: OpenedDatabase;
beforeEach(() => {
  store = openDatabase({ path: ':memory:' });
});
afterEach(() => store.close());

const clock = () => new Date('2025-03-03T14:00:00Z');
// The reports handlers use only the store, the clock and the reads (here on the same connection; the read worker has
// its own tests); the rest of the register is not needed here.
const handlers = () => createReportsHandlers({ db: store.db, clock, reads: inlineReads(store.db) });
const served = () => areaBinding(store.db, clock, handlers());

describe('reports handlers', () => {
  it('serves exactly the channels of the reports contract', () => {
    expect(Object.keys(handlers()).sort()).toEqual([...REPORTS_CHANNELS].sort());
  });

  it('opens a shift, gives X and Z reports that match the contract, and refuses an X report without a shift', async () => {
    const h = await served();
    await expect(h.ok('reports:xReport', {})).rejects.toMatchObject({
      code: 'not_allowed',
      message: expect.stringContaining('No hay un turno abierto') as unknown,
    });
    const shift = await h.ok('reports:openShift', { openingCash: '25.00' });
    expect(ipcContract['reports:openShift'].response.parse(shift)).toMatchObject({
      openingCash: '25.00',
      closedAt: null,
      openedByName: 'Gabriela Gerente',
    });
    const x = await h.ok('reports:xReport', {});
    expect(ipcContract['reports:xReport'].response.safeParse(x).success).toBe(true);
    const z = await h.ok('reports:closeShift', { countedCash: '25.00' });
    expect(ipcContract['reports:closeShift'].response.safeParse(z).success).toBe(true);
    expect(z).toMatchObject({ closed: true, report: { cash: { expected: '25.00', difference: '0.00' } } });
    expect(await h.ok('reports:zReport', { shiftId: shift.id })).toEqual({
      report: (z as { report: unknown }).report,
      text: expect.any(String) as unknown,
      csv: expect.any(String) as unknown,
    });
    await expect(h.ok('reports:sales', { from: '2025-03-05', to: '2025-03-01' })).rejects.toMatchObject({
      code: 'invalid_request',
    });
  });

  it('keeps the count blind for a cashier: no X report, and the expected figure only after counting', async () => {
    const h = await served();
    await h.ok('reports:openShift', { openingCash: '25.00' });
    await h.ok('auth:signIn', { username: 'cajero', pin: '1357' });
    await expect(h.ok('reports:xReport', {})).rejects.toMatchObject({
      code: 'not_allowed',
      message: expect.stringMatching(/conteo ciego/) as unknown,
    });
    expect(await h.ok('reports:closeShift', { countedCash: '24.00' })).toMatchObject({
      closed: false,
      reason: 'needs_reason',
      expected: '25.00',
      difference: '-1.00',
    });
    // A difference beyond the limit needs a gerente: asked for only when the cashier presents an approval.
    expect(
      await h.ok('reports:closeShift', { countedCash: '10.00', reason: 'Faltante sin explicación todavía' }),
    ).toMatchObject({ closed: false, reason: 'needs_manager' });
    await expect(
      h.ok('reports:closeShift', {
        countedCash: '10.00',
        reason: 'Faltante sin explicación todavía',
        approval: 'not-a-token',
      }),
    ).rejects.toMatchObject({ code: 'approval_required' });
    const approval = (await h.ok('auth:approve', { username: 'gerente', pin: '2468', action: 'reports:closeShift' }))
      .token;
    const closed = await h.ok('reports:closeShift', {
      countedCash: '10.00',
      reason: 'Faltante sin explicación todavía',
      approval,
    });
    expect(closed).toMatchObject({
      closed: true,
      report: { shift: { closedByName: 'Carlos Cajero', closeApprovedByName: 'Gabriela Gerente' } },
    });
    const audit = store.sqlite
      .prepare(
        "SELECT actor_name AS actorName, approved_by_name AS approvedByName FROM audit_log WHERE action = 'shift.closed'",
      )
      .get();
    expect(audit).toEqual({ actorName: 'Carlos Cajero', approvedByName: 'Gabriela Gerente' });
  });

  it('imports a catalogue CSV', async () => {
    const h = await served();
    const result = await h.ok('catalog:importCsv', { csv: 'codigo,descripcion,precio,tasaItbms\nA1,Arroz,4.25,01\n' });
    expect(ipcContract['catalog:importCsv'].response.parse(result)).toMatchObject({
      rows: 1,
      imported: 1,
      errors: [],
      preview: { counts: { new: 1 } },
    });
  });

  it('previews a Windows-1252 file sent as bytes, writing nothing; a changed product is imported only with the digest of its preview', async () => {
    const h = await served();
    await h.ok('catalog:importCsv', { csv: 'codigo,descripcion,precio,tasaItbms\nA1,Arroz,4.25,01\n' });
    const file = Buffer.from(
      'codigo;descripcion;precio;tasaItbms\r\nA1;Arroz;0,01;01\r\nA2;Frijol rojo ñ;2,00;01\r\n',
      'latin1',
    ).toString('base64');
    const preview = await h.ok('catalog:previewCsv', { file });
    expect(preview).toMatchObject({
      encoding: 'windows-1252',
      delimiter: ';',
      decimalSeparator: ',',
      counts: { new: 1, changed: 1, unchanged: 0, invalid: 0 },
      items: [
        { row: 2, kind: 'changed', codigo: 'A1', changes: [{ field: 'precio', before: '4.25', after: '0.01' }] },
        { row: 3, kind: 'new', codigo: 'A2', descripcion: 'Frijol rojo ñ', changes: [] },
      ],
    });
    const price = () => store.sqlite.prepare("SELECT precio FROM products WHERE codigo = 'A1'").pluck().get();
    const a2 = () => store.sqlite.prepare("SELECT count(*) FROM products WHERE codigo = 'A2'").pluck().get();
    expect(await h.ok('catalog:importCsv', { file })).toMatchObject({ imported: 0, confirmation: 'unconfirmed' });
    expect(await h.ok('catalog:importCsv', { file, confirmChanges: 'not-this-preview' })).toMatchObject({
      imported: 0,
      confirmation: 'stale',
    });
    expect([price(), a2()]).toEqual(['4.25', 0]);
    expect(await h.ok('catalog:importCsv', { file, confirmChanges: preview.digest })).toMatchObject({ imported: 2 });
    expect([price(), a2()]).toEqual(['0.01', 1]);
  });

  it('refuses a request with both a file and text, or a file that is not base64', async () => {
    const h = await served();
    // Requests a typed caller cannot build, as a renderer that misbehaves could send them.
    const bad = (request: unknown) => h.call('catalog:previewCsv', request as { file: string });
    expect(await bad({ file: 'QQ==', csv: 'a' })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(await bad({ file: 'no es base64!' })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });
});
