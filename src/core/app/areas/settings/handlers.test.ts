// The settings, contingency, audit and customers-import channels through dispatchIpc on a real register (SQLite file,
// simulator): who may call them, what they write, what they audit and the events they emit.
import { describe, expect, it } from 'vitest';
import { settingsRegister } from '../../../../../tests/fixtures/settings-register';
import { signInAs } from '../../../../../tests/fixtures/register-users';
import { SETTINGS_CHANNELS } from '../../../../shared/ipc/areas/settings/channels';
import { MANAGER_REQUIRED, MANAGER_SESSION_REQUIRED, SIGN_IN_REQUIRED } from '../../caller';
import { createSettingsHandlers, type SettingsDeps } from './handlers';

const r = settingsRegister();
const { call, count, auditOf, approval, contingencyEvents } = r;

const ISSUER = {
  ruc: '155596713-2-2015',
  dv: '59',
  razonSocial: 'MINI SUPER LA ESQUINA S.A.',
  codigoSucursalEmisor: '0001',
  tipoSucursal: '1',
  puntoFacturacionFiscal: '002',
  naturalezaOperacion: '01',
};
const RECEIPT = {
  printerName: 'EPSON TM-T20III',
  paper: '58',
  headerLines: ['MINI SUPER LA ESQUINA'],
  footerLines: ['Gracias'],
  copies: 2,
};
const CONTINGENCY = {
  afterUnreachableMinutes: 5,
  afterConsecutiveFailures: 3,
  defaultReason: 'Falla del enlace de internet de la tienda',
  foliosAlarmThreshold: 50,
};
const MOTIVO = 'Corte de energía en el centro de datos del proveedor';

describe('settings handlers', () => {
  it('serve exactly the channels of the settings contract', () => {
    const keys = Object.keys(createSettingsHandlers({} as SettingsDeps)).sort();
    expect(keys).toEqual([...SETTINGS_CHANNELS].sort());
  });

  it('a signed-in gerente reads and saves the issuer, refusing a wrong DV without writing', async () => {
    expect(await call('settings:issuer')).toMatchObject({
      ok: true,
      value: { razonSocial: 'THE FACTORY HKA CORP', codigoSucursalEmisor: '0000' },
    });
    const audits = count('SELECT COUNT(*) FROM audit_log');
    expect(await call('settings:saveIssuer', { ...ISSUER, dv: '58' })).toMatchObject({
      ok: false,
      error: {
        code: 'validation_failed',
        violations: [{ path: 'dv', message: 'El DV no corresponde al RUC (se esperaba 59)' }],
      },
    });
    expect(await call('settings:saveIssuer', { ...ISSUER, puntoFacturacionFiscal: '000' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
    expect(count("SELECT COUNT(*) FROM settings WHERE key IN ('issuer', 'issuer_identity')")).toBe(0);
    expect(count('SELECT COUNT(*) FROM audit_log')).toBe(audits);
    // Sent without the list of authorised downloaders: none (the panel always sends the list it shows).
    expect(await call('settings:saveIssuer', ISSUER)).toEqual({
      ok: true,
      value: { ...ISSUER, autorizadosDescarga: [] },
    });
    expect(await call('app:status')).toMatchObject({
      ok: true,
      value: { issuer: { razonSocial: 'MINI SUPER LA ESQUINA S.A.', codigoSucursal: '0001', puntoFacturacion: '002' } },
    });
    expect(auditOf('settings.issuer')).toEqual([
      {
        actor: 'Gabriela Gerente',
        details: {
          before: expect.objectContaining({ razonSocial: 'THE FACTORY HKA CORP' }) as unknown,
          after: { ...ISSUER, autorizadosDescarga: [] },
        },
      },
    ]);
  });

  it('saves the receipt (printer in the preferences) and the contingency settings, both audited', async () => {
    expect(await call('settings:receipt')).toEqual({
      ok: true,
      value: { printerName: null, paper: '80', headerLines: [], footerLines: [], copies: 1, printers: [] },
    });
    expect(await call('settings:saveReceipt', { ...RECEIPT, copies: 4 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
    expect(await call('settings:saveReceipt', RECEIPT)).toEqual({ ok: true, value: { ...RECEIPT, printers: [] } });
    expect(await call('preferences:get')).toMatchObject({ ok: true, value: { printerName: 'EPSON TM-T20III' } });
    expect(auditOf('settings.receipt').map((a) => a.details['after'])).toEqual([RECEIPT]);

    expect(await call('settings:contingency')).toMatchObject({
      ok: true,
      value: { afterUnreachableMinutes: 2, afterConsecutiveFailures: 5, current: { active: false } },
    });
    expect(await call('settings:saveContingency', { ...CONTINGENCY, defaultReason: 'corto' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
    expect(await call('settings:saveContingency', CONTINGENCY)).toEqual({
      ok: true,
      value: { ...CONTINGENCY, current: { active: false, needsExtendedReason: false } },
    });
    expect(auditOf('settings.contingency').map((a) => a.details['after'])).toEqual([CONTINGENCY]);
  });

  it('enters, re-words and leaves contingency by hand, audited and announced like automatic changes', async () => {
    expect(await call('contingency:leave')).toMatchObject({
      ok: false,
      error: { code: 'not_allowed', message: 'La caja no está en contingencia' },
    });
    expect(await call('contingency:setReason', { motivo: MOTIVO })).toMatchObject({
      ok: false,
      error: { code: 'not_allowed' },
    });
    expect(await call('contingency:enter', { motivo: 'corto' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
    const entered = await call('contingency:enter', { motivo: MOTIVO });
    expect(entered).toEqual({
      ok: true,
      value: { active: true, since: '2026-11-28T10:00:00-05:00', motivo: MOTIVO, needsExtendedReason: false },
    });
    expect(await call('contingency:enter', { motivo: MOTIVO })).toMatchObject({
      ok: false,
      error: { code: 'not_allowed' },
    });
    expect(contingencyEvents).toEqual([entered.ok && entered.value]);

    r.advance(73 * 3_600_000); // the DGI wants a reason that explains a contingency longer than 72 h
    expect(await call('settings:contingency')).toMatchObject({
      ok: true,
      value: { current: { active: true, needsExtendedReason: true } },
    });
    const extended = 'Tres días sin energía en el centro de datos del proveedor de internet';
    expect(await call('contingency:setReason', { motivo: extended })).toMatchObject({
      ok: true,
      value: { motivo: extended, needsExtendedReason: false },
    });
    expect(await call('contingency:leave')).toEqual({ ok: true, value: { active: false, needsExtendedReason: false } });
    expect(contingencyEvents).toHaveLength(3);
    expect(contingencyEvents.at(-1)).toEqual({ active: false, needsExtendedReason: false });
    expect(
      r.core.store.sqlite
        .prepare("SELECT action FROM audit_log WHERE action LIKE 'contingency.%' ORDER BY id")
        .pluck()
        .all(),
    ).toEqual(['contingency.entered', 'contingency.reason_changed', 'contingency.left']);
  });

  it("a cashier reads only the receipt; a signed-in gerente or a gerente's approval may change things", async () => {
    await signInAs(r.core.ipc, null);
    expect(await call('settings:receipt')).toMatchObject({
      ok: false,
      error: { code: 'not_allowed', message: SIGN_IN_REQUIRED },
    });
    await signInAs(r.core.ipc, 'cajero');

    expect(await call('settings:receipt')).toMatchObject({ ok: true, value: { copies: 2 } });
    for (const channel of ['settings:issuer', 'settings:contingency', 'audit:list']) {
      expect(await call(channel)).toMatchObject({
        ok: false,
        error: { code: 'not_allowed', message: MANAGER_SESSION_REQUIRED },
      });
    }
    expect(await call('preferences:set', { language: 'en' })).toMatchObject({ ok: true, value: { language: 'en' } }); // the cashier's own
    expect(await call('preferences:set', { language: 'es-PA', printerName: 'Otra impresora' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
    expect(await call('settings:receipt')).toMatchObject({ ok: true, value: { printerName: 'EPSON TM-T20III' } }); // unchanged
    expect(await call('customers:importCsv', { csv: 'tipoCliente,nombre\n02,María López\n' })).toMatchObject({
      ok: false,
      error: { code: 'not_allowed', message: MANAGER_SESSION_REQUIRED },
    });
    expect(
      await call('catalog:importCsv', { csv: 'codigo,descripcion,precio,tasaItbms\nA1,Arroz,4.25,01\n' }),
    ).toMatchObject({ ok: false, error: { code: 'not_allowed', message: MANAGER_SESSION_REQUIRED } });
    expect(r.core.store.sqlite.prepare("SELECT count(*) FROM products WHERE codigo = 'A1'").pluck().get()).toBe(0);
    const writes: [string, unknown][] = [
      ['settings:saveIssuer', ISSUER],
      ['settings:saveReceipt', RECEIPT],
      ['settings:saveContingency', CONTINGENCY],
      ['contingency:enter', { motivo: MOTIVO }],
      ['contingency:setReason', { motivo: MOTIVO }],
      ['contingency:leave', {}],
      ['app:restart', {}],
    ];
    const audits = count('SELECT COUNT(*) FROM audit_log');
    for (const [channel, request] of writes) {
      expect(await call(channel, request)).toMatchObject({
        ok: false,
        error: { code: 'approval_required', message: MANAGER_REQUIRED, approvalAction: channel },
      });
    }
    expect(count('SELECT COUNT(*) FROM audit_log')).toBe(audits);
    expect(count('SELECT COUNT(*) FROM customers')).toBe(0);

    // An approval is for one channel and one use.
    const token = await approval('contingency:enter');
    expect(await call('settings:saveReceipt', { ...RECEIPT, approval: token })).toMatchObject({
      ok: false,
      error: { code: 'approval_required' },
    });
    expect(
      await call('contingency:enter', { motivo: MOTIVO, approval: await approval('contingency:enter') }),
    ).toMatchObject({ ok: true, value: { active: true } });
    expect(await call('contingency:leave', { approval: await approval('contingency:leave') })).toMatchObject({
      ok: true,
      value: { active: false },
    });
    // The cashier at the keyboard and the gerente who approved, both named.
    const entered = r.core.store.sqlite
      .prepare(
        "SELECT actor_name AS actorName, approved_by_name AS approvedByName FROM audit_log WHERE action = 'contingency.entered' ORDER BY id DESC LIMIT 1",
      )
      .get();
    expect(entered).toEqual({ actorName: 'Carlos Cajero', approvedByName: 'Gabriela Gerente' });
    expect(auditOf('contingency.left').at(-1)?.actor).toBe('Carlos Cajero');

    await signInAs(r.core.ipc, 'gerente');
    expect(await call('settings:issuer')).toMatchObject({ ok: true, value: ISSUER });
    expect(await call('settings:saveContingency', { ...CONTINGENCY, foliosAlarmThreshold: 80 })).toMatchObject({
      ok: true,
      value: { foliosAlarmThreshold: 80 },
    });
    expect(auditOf('settings.contingency').at(-1)).toEqual({
      actor: 'Gabriela Gerente',
      details: { before: CONTINGENCY, after: { ...CONTINGENCY, foliosAlarmThreshold: 80 } },
    });
    expect(await call('customers:importCsv', { csv: 'tipoCliente,nombre\n02,María López\n' })).toEqual({
      ok: true,
      value: { rows: 1, imported: 1, errors: [] },
    });
    expect(auditOf('customers.imported')).toEqual([
      { actor: 'Gabriela Gerente', details: { rows: 1, created: 1, updated: 0, skippedRows: [] } },
    ]);
    // The file as the picker sends it: Excel-es bytes (semicolons, Windows-1252 "í"), decoded by the core.
    const ansi = Buffer.from('tipoCliente;nombre\r\n02;Raúl Núñez\r\n', 'latin1').toString('base64');
    expect(await call('customers:importCsv', { file: ansi })).toEqual({
      ok: true,
      value: { rows: 1, imported: 1, errors: [] },
    });
    expect(
      r.core.store.sqlite.prepare("SELECT count(*) FROM customers WHERE nombre = 'Raúl Núñez'").pluck().get(),
    ).toBe(1);
    // The web host cannot relaunch itself: the manager is told to restart it by hand, and nothing is audited.
    expect(await call('app:restart', {})).toEqual({ ok: true, value: { via: 'manual' } });
    expect(auditOf('app.restart')).toEqual([]);
  });

  it('lists the audit trail for the gerente, newest first, by pages and by action prefix', async () => {
    const first = await call('audit:list', { action: 'settings.', limit: 2 });
    if (!first.ok) throw new Error(JSON.stringify(first.error));
    const page = first.value as {
      items: { action: string; actor: string; details: Record<string, unknown> }[];
      nextCursor: string | null;
    };
    expect(page.items.map((e) => e.action)).toEqual(['settings.contingency', 'settings.contingency']);
    expect(page.items[0]).toMatchObject({
      actorName: 'Gabriela Gerente',
      approvedBy: null,
      details: { after: { foliosAlarmThreshold: 80 } },
    });
    const rest = await call('audit:list', { action: 'settings.', limit: 10, cursor: page.nextCursor });
    expect(rest).toMatchObject({
      ok: true,
      value: { items: [{ action: 'settings.receipt' }, { action: 'settings.issuer' }], nextCursor: null },
    });
    expect(await call('audit:list', { cursor: 'x'.repeat(41) })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
  });
});
