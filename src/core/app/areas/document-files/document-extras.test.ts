// The document page's extra actions and the monitoring panel over IPC, against a real simulator and register file:
// files (download, keep, open in the browser), e-mail, discard, generic credit note (06), the detail's
// annulableUntil/hint, monitor:overview and monitor:checkFolios, and who may do what once users exist.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coreIpcSuite } from '../../../../../tests/fixtures/core-ipc-suite';
import { FAST_WORKER, waitFor } from '../../../../../tests/fixtures/register-harness';
import type { Response } from '../../../../shared/ipc/contract';
import { dispatchIpc } from '../../dispatch';
import { MANAGER_REQUIRED, MANAGER_SESSION_REQUIRED } from '../../caller';
import { seedUsers } from '../../../../../tests/fixtures/register-users';
import { createRegisterCore } from '../../register-core';

const suite = coreIpcSuite('doc-extras');
const { call, ok, status } = suite;
const DRAFT = {
  cliente: { tipoClienteFE: '02' as const, pais: 'PA' },
  tiempoPago: '1' as const,
  items: [{ descripcion: 'Arroz blanco 5 lb', cantidad: '2', precioUnitario: '3.25', tasaItbms: '00' as const }],
  pagos: [{ formaPagoFact: '02' as const, valorCuotaPagada: '6.50' }],
};
const authorisedSale = () => suite.authorisedSale(DRAFT);

describe('document files over IPC', () => {
  it('downloads once, lists the kept files and opens them in the browser as bytes', async () => {
    const id = await authorisedSale();
    expect(await ok('documents:files', { id })).toEqual({ pdf: null, xml: null });
    expect(await call('documents:openFile', { id, kind: 'pdf' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: expect.stringContaining('aún no se ha descargado') as unknown },
    });
    const files = await ok('documents:downloadFiles', { id });
    expect(files.pdf?.path.startsWith(join(suite.dataDir, 'documentos'))).toBe(true);
    expect(await ok('documents:files', { id })).toEqual(files);
    const opened = await ok('documents:openFile', { id, kind: 'pdf' });
    if (opened.via !== 'browser') throw new Error('expected the browser opener');
    expect(opened).toMatchObject({ fileName: files.pdf?.fileName, mimeType: 'application/pdf' });
    expect(Buffer.from(opened.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(await call('documents:files', { id: '../../sago.sqlite' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});

describe('e-mail over IPC', () => {
  it('sends and traces; a malformed address never reaches HKA', async () => {
    const id = await authorisedSale();
    const before = suite.sim.calls('EnvioCorreo');
    expect(await call('documents:sendEmail', { id, correo: 'no-es-correo' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
    expect(suite.sim.calls('EnvioCorreo')).toBe(before);
    expect(await ok('documents:sendEmail', { id, correo: 'cliente@example.com' })).toEqual({ done: true });
    expect((await ok('documents:emailTrace', { id })).entregas).toMatchObject([{ correo: 'cliente@example.com' }]);
  });
});

describe('discard over IPC', () => {
  it('discards a rejected document (retry then refused) and refuses an authorised one', async () => {
    const sale = await ok('sales:complete', { draft: { tipoDocumento: '01', ...DRAFT } });
    await waitFor(() => status(sale.id) === 'AUTHORIZED', 5_000, 'authorised');
    const rejected = await authorisedSale();
    suite.core.store.sqlite
      .prepare(
        "UPDATE documents SET status = 'REJECTED', cufe = NULL, hka_codigo = '103', hka_mensajes = ? WHERE id = ?",
      )
      .run(JSON.stringify(['2152-Item 1: Monto del ITBMS del ítem inválido']), rejected);
    suite.core.store.sqlite.prepare("UPDATE outbox_jobs SET state = 'parked' WHERE document_id = ?").run(rejected);
    expect((await ok('documents:get', { id: rejected })).hint).toContain('ITBMS');

    const detail = await ok('documents:cancel', { id: rejected, motivo: 'Se registró con el cliente equivocado' });
    expect(detail).toMatchObject({ status: 'CANCELLED', annulableUntil: null, hint: null });
    expect(detail.history.at(-1)).toMatchObject({
      action: 'document.cancelled',
      details: { motivo: 'Se registró con el cliente equivocado' },
    });
    expect(await call('documents:retry', { id: rejected })).toMatchObject({
      ok: false,
      error: { code: 'not_allowed' },
    });
    expect(
      await call('documents:cancel', { id: sale.id, motivo: 'Se registró con el cliente equivocado' }),
    ).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    expect(await call('documents:cancel', { id: sale.id, motivo: 'corto' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
    expect(status(sale.id)).toBe('AUTHORIZED');
  });
});

describe('generic credit note (06) over IPC', () => {
  it('is captured without a CUFE reference and authorised by the simulator', async () => {
    const note = await ok('documents:genericCreditNote', {
      draft: DRAFT,
      motivo: 'Bonificación por volumen de compras del mes',
    });
    expect(note).toMatchObject({ tipoDocumento: '06', status: 'QUEUED', totalFactura: '6.50' });
    expect(note.document).toMatchObject({
      naturalezaOperacion: '11',
      informacionInteres: expect.stringContaining('Bonificación por volumen') as unknown,
    });
    expect((note.document as { referencias?: unknown }).referencias).toBeUndefined();
    await waitFor(() => status(note.id) === 'AUTHORIZED', 5_000, 'generic note authorised');
    expect(suite.sim.ledger().some((e) => e.tipoDocumento === '06')).toBe(true);
    const withCufe = await call('documents:genericCreditNote', {
      draft: {
        ...DRAFT,
        referencias: [
          {
            fechaEmision: '2026-11-01T10:00:00-05:00',
            cufe: 'FE012000000521-136-113133-0270062022051590000008910080125781091727',
          },
        ],
      },
      motivo: 'Bonificación por volumen de compras del mes',
    });
    expect(withCufe).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
  });

  it('to the State: refused without CPBS codes on its lines, authorised with them', async () => {
    const estado = {
      tipoClienteFE: '03' as const,
      tipoContribuyente: '2' as const,
      numeroRUC: '155596713-2-2015',
      digitoVerificadorRUC: '59',
      razonSocial: 'Ministerio de Prueba',
      direccion: 'Avenida Perú, edificio 2',
      pais: 'PA',
    };
    const motivo = 'Devolución de resmas recibidas dañadas';
    const without = await call('documents:genericCreditNote', { draft: { ...DRAFT, cliente: estado }, motivo });
    expect(without).toMatchObject({
      ok: false,
      error: {
        code: 'validation_failed',
        violations: expect.arrayContaining([expect.objectContaining({ rule: 'cpbs_required' })]) as unknown,
      },
    });
    const items = [{ ...DRAFT.items[0]!, codigoCPBSAbrev: '14', codigoCPBS: '1410', unidadMedidaCPBS: 'Resma' }];
    const note = await ok('documents:genericCreditNote', { draft: { ...DRAFT, cliente: estado, items }, motivo });
    await waitFor(() => status(note.id) === 'AUTHORIZED', 5_000, 'generic note to the State authorised');
  });
});

describe('document detail', () => {
  it('says until when an authorised document may be annulled (7 Panamá days), nothing for others', async () => {
    const id = await authorisedSale();
    const detail = await ok('documents:get', { id });
    const authorisedOn = (detail.fechaRecepcionDgi ?? detail.fechaEmision).slice(0, 10);
    const last = new Date(Date.parse(`${authorisedOn}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
    expect(detail).toMatchObject({ annulableUntil: `${last}T23:59:59-05:00`, hint: null });
  });
});

describe('monitoring over IPC', () => {
  it("shows HKA calls, the queue, the clock offset from HKA's Date header and the folios HKA reports", async () => {
    const t0 = Date.now();
    await authorisedSale();
    const overview = await ok('monitor:overview', { hours: 2 });
    const elapsed = Date.now() - t0;
    expect(overview.hka.calls).toBeGreaterThan(0);
    expect(overview.hka.p50Ms).not.toBeNull();
    expect(overview.clock.hkaOffsetMs).not.toBeNull();
    // Same clock on both sides: the offset is at most the time the calls took plus the header's whole-second rounding
    // (bounds taken from this run, not a fixed tolerance).
    expect(Math.abs(overview.clock.hkaOffsetMs ?? Infinity)).toBeLessThanOrEqual(elapsed + 1_000);
    expect(overview.clock.warn).toBe(false);
    expect(overview.series.salesByHour.reduce((n, h) => n + h.documents, 0)).toBeGreaterThan(0);
    // "Probar conexión" keeps HKA's answer for the panel too.
    suite.core.store.sqlite.prepare("DELETE FROM settings WHERE key = 'monitor_folios'").run();
    const tested = await ok('settings:testHka', {});
    expect((await ok('monitor:overview', { hours: 1 })).folios.available).toBe(tested.foliosDisponibleCiclo);
    const folios = await ok('monitor:checkFolios', {});
    expect(folios).toMatchObject({ threshold: 100 });
    expect(folios.available).toBeGreaterThan(0);
    expect((await ok('monitor:overview', { hours: 1 })).folios).toEqual(folios);
  });

  it('explains in Spanish when HKA cannot be reached for the folios', async () => {
    await suite.sim.faults.refuseConnections();
    try {
      expect(await call('monitor:checkFolios', {})).toMatchObject({
        ok: false,
        error: { code: 'not_allowed', message: expect.stringContaining('No se pudo contactar a HKA') as unknown },
      });
    } finally {
      await suite.sim.faults.acceptConnections();
    }
  });
});

describe('clock check', () => {
  it("warns when the PC clock is minutes ahead of HKA's (its Date header), measured by the start-up folios check", async () => {
    const aheadDir = mkdtempSync(join(tmpdir(), 'sago-clock-'));
    const t0 = Date.now();
    const ahead = await createRegisterCore({
      dataDir: aheadDir,
      simulatorEndpoint: suite.sim.endpoint,
      worker: FAST_WORKER,
      clock: () => new Date(Date.now() + 5 * 60_000),
    });
    try {
      await seedUsers(ahead.ipc, 'gerente');
      await waitFor(
        () =>
          ahead.store.sqlite.prepare("SELECT count(*) FROM settings WHERE key = 'monitor_folios'").pluck().get() === 1,
        5_000,
        'folios checked',
      );
      const result = await dispatchIpc(ahead.ipc, 'monitor:overview', { hours: 1 });
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      const elapsed = Date.now() - t0;
      const { clock } = result.value as Response<'monitor:overview'>;
      expect(clock.warn).toBe(true);
      // Five minutes ahead, give or take the time the check took and the header's whole-second rounding.
      expect(clock.hkaOffsetMs).toBeGreaterThanOrEqual(5 * 60_000 - elapsed);
      expect(clock.hkaOffsetMs).toBeLessThanOrEqual(5 * 60_000 + elapsed + 1_000);
    } finally {
      await ahead.close();
      rmSync(aheadDir, { recursive: true, force: true });
    }
  });
});

describe('who may act', () => {
  it('needs a manager to discard, issue a 06 or read the monitor, and a signed-in user to e-mail', async () => {
    const id = await authorisedSale();
    await suite.signInAs(null);
    expect(await call('documents:sendEmail', { id, correo: 'cliente@example.com' })).toMatchObject({
      ok: false,
      error: { code: 'not_allowed', message: expect.stringContaining('Inicie sesión') as unknown },
    });
    await suite.signInAs('cajero');
    expect(await ok('documents:sendEmail', { id, correo: 'cliente@example.com' })).toEqual({ done: true });
    const needsApproval = { ok: false, error: { code: 'approval_required', message: MANAGER_REQUIRED } };
    expect(await call('documents:cancel', { id, motivo: 'Se registró con el cliente equivocado' })).toMatchObject(
      needsApproval,
    );
    expect(
      await call('documents:genericCreditNote', {
        draft: DRAFT,
        motivo: 'Bonificación por volumen de compras del mes',
      }),
    ).toMatchObject(needsApproval);
    const managerOnly = { ok: false, error: { code: 'not_allowed', message: MANAGER_SESSION_REQUIRED } };
    expect(await call('monitor:overview', { hours: 1 })).toMatchObject(managerOnly);
    expect(await call('monitor:checkFolios', {})).toMatchObject(managerOnly);
    const audit = suite.core.store.sqlite
      .prepare("SELECT actor_name FROM audit_log WHERE action = 'document.emailed' ORDER BY id DESC LIMIT 1")
      .pluck()
      .get();
    expect(audit).toBe('Carlos Cajero');
    await suite.signInAs('gerente');
  });
});
