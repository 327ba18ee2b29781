// The thermal printer through the contract, as the till and the settings panel call it, on a real register (SQLite
// file, simulator) and a network "printer" (a TCP server on loopback) that keeps every job's bytes, decoded here:
// the receipt of a saved sale with its cashier, COPIA on a reprint, the drawer's kick after a cash sale (not a card
// sale), on a refund in cash (not to a card) and on a gerente's "abrir gaveta", the test page, bad settings refused without writing, and a printer that
// does not answer reported while the sale stands.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coreIpcSuite } from '../../../../../tests/fixtures/core-ipc-suite';
import { decodeEscPos } from '../../../../../tests/fixtures/escpos-decode';
import { startFakeEscPosPrinter, type FakeEscPosPrinter } from '../../../../../tests/fixtures/fake-escpos-printer';
import { waitFor } from '../../../../../tests/fixtures/register-harness';
import { TEST_USERS } from '../../../../../tests/fixtures/register-users';
import { DEFAULT_THERMAL_PRINTER } from '../../../../shared/ipc/areas/printer/contract';
import { COPY_BANNER } from '../../../printing/escpos-receipt';

const suite = coreIpcSuite('thermal');
const { call, ok } = suite;
let printer: FakeEscPosPrinter;
beforeAll(async () => {
  printer = await startFakeEscPosPrinter();
});
afterAll(() => printer.close());

const sale = (formaPagoFact: '02' | '03', paid: string) => ({
  draft: {
    tipoDocumento: '01' as const,
    cliente: { tipoClienteFE: '02' as const, pais: 'PA' },
    tiempoPago: '1' as const,
    items: [
      {
        codigo: 'P001',
        descripcion: 'Arroz blanco 5 lb',
        cantidad: '2',
        precioUnitario: '3.25',
        tasaItbms: '00' as const,
      },
    ],
    pagos: [{ formaPagoFact, valorCuotaPagada: paid }],
  },
});
const network = () => ({
  ...DEFAULT_THERMAL_PRINTER,
  kind: 'network' as const,
  host: '127.0.0.1',
  port: printer.port,
  drawer: true,
});
const settingsRow = () =>
  suite.core.store.sqlite.prepare("SELECT value FROM settings WHERE key = 'thermalPrinter'").pluck().get();

describe('thermal printer', () => {
  it('refuses settings a printer cannot be reached with, in Spanish, writing nothing', async () => {
    expect(await ok('printer:settings', {})).toEqual(DEFAULT_THERMAL_PRINTER);
    expect(await call('printer:save', { ...network(), host: 'http://192.168.1.50:9100' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', message: expect.stringContaining('sin http:// ni puerto') as string },
    });
    expect(await call('printer:save', { ...DEFAULT_THERMAL_PRINTER, kind: 'usb', devicePath: ' ' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
    expect(await call('printer:save', { ...DEFAULT_THERMAL_PRINTER, drawer: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
    expect(await call('printer:save', { ...network(), port: 70000 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
    expect(settingsRow()).toBeUndefined();
  });

  it("is a gerente's setting: a cashier can neither read it nor save it without a PIN", async () => {
    await suite.signInAs('cajero');
    expect(await call('printer:settings', {})).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    expect(await call('printer:save', network())).toMatchObject({ ok: false, error: { code: 'approval_required' } });
    expect(await call('printer:test', network())).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    await suite.signInAs('gerente');
  });

  it('prints a test page to the typed printer before it is saved', async () => {
    const before = printer.jobs.length;
    expect(await ok('printer:test', network())).toEqual({ printed: true });
    expect(printer.jobs).toHaveLength(before + 1);
    const page = decodeEscPos(printer.jobs.at(-1)!);
    expect(page.lines).toContain('PRUEBA DE IMPRESIÓN');
    expect(page.cuts).toBe(1);
    expect(await call('printer:test', DEFAULT_THERMAL_PRINTER)).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
  });

  it('saves the printer, audited with before and after', async () => {
    expect(await ok('printer:save', network())).toEqual(network());
    expect(await ok('printer:settings', {})).toEqual(network());
    const audit = suite.core.store.sqlite
      .prepare("SELECT details FROM audit_log WHERE action = 'settings.printer' ORDER BY id DESC")
      .pluck()
      .get() as string;
    expect(JSON.parse(audit)).toEqual({ before: DEFAULT_THERMAL_PRINTER, after: network() });
  });

  it("opens the drawer after a cash sale, and prints its receipt with the cashier's name; a reprint says COPIA", async () => {
    await suite.signInAs('cajero');
    const before = printer.jobs.length;
    const sold = await ok('sales:complete', sale('02', '10.00'));
    await waitFor(() => printer.jobs.length === before + 1, 5_000, 'the drawer kick');
    expect(decodeEscPos(printer.jobs.at(-1)!).pulses).toEqual([{ kind: 'pulse', pin: 2, onMs: 100, offMs: 500 }]);

    expect(await ok('receipt:print', { documentId: sold.id })).toEqual({ via: 'printer', copy: 0 });
    const receipt = decodeEscPos(printer.jobs.at(-1)!);
    expect(receipt.lines).toContain(`Cajero: ${TEST_USERS.cajero.displayName}`);
    expect(receipt.lines).toContain('Arroz blanco 5 lb');
    expect(receipt.lines.some((l) => /^TOTAL\s+B\/\. 6\.50$/.test(l))).toBe(true);
    expect(receipt.lines.some((l) => /^Vuelto\s+B\/\. 3\.50$/.test(l))).toBe(true);
    expect(receipt.lines).not.toContain(COPY_BANNER);
    expect(receipt.pulses).toEqual([]);
    expect(receipt.cuts).toBe(1);

    expect(await ok('receipt:print', { documentId: sold.id })).toEqual({ via: 'printer', copy: 1 });
    expect(decodeEscPos(printer.jobs.at(-1)!).lines[0]).toBe(COPY_BANNER);
    await suite.signInAs('gerente');
  });

  it('does not open the drawer for a card sale', async () => {
    const before = printer.jobs.length;
    const sold = await ok('sales:complete', sale('03', '6.50'));
    // Jobs go out in order: had the sale kicked the drawer, the kick would reach the printer before this receipt.
    await ok('receipt:print', { documentId: sold.id });
    expect(printer.jobs).toHaveLength(before + 1);
    expect(decodeEscPos(printer.jobs.at(-1)!).pulses).toEqual([]);
  });

  it('opens the drawer on "abrir gaveta" once the gerente allowed it, audited', async () => {
    await suite.signInAs('cajero');
    const before = printer.jobs.length;
    const action = { kind: 'drawerOpen' as const, motivo: 'Cambio para otra caja' };
    expect(await call('till:authorize', { action })).toMatchObject({ ok: false, error: { code: 'approval_required' } });
    expect(printer.jobs).toHaveLength(before);
    await ok('till:authorize', { action, approval: await suite.approval('till.drawerOpen') });
    expect(printer.jobs).toHaveLength(before + 1);
    expect(decodeEscPos(printer.jobs.at(-1)!).pulses).toHaveLength(1);
    const audited = suite.core.store.sqlite
      .prepare(
        "SELECT actor_name AS actor, approved_by_name AS approver FROM audit_log WHERE action = 'till.drawerOpen' ORDER BY id DESC",
      )
      .get();
    expect(audited).toEqual({ actor: TEST_USERS.cajero.displayName, approver: TEST_USERS.gerente.displayName });
    await suite.signInAs('gerente');
  });

  it('opens the drawer when cash is put in or taken out', async () => {
    const before = printer.jobs.length;
    await ok('till:cashMovement', { kind: 'in', amount: '20.00', reason: 'cambio' });
    await waitFor(() => printer.jobs.length === before + 1, 5_000, 'the drawer kick');
    expect(decodeEscPos(printer.jobs.at(-1)!).pulses).toHaveLength(1);
  });

  it('opens the drawer for a refund in cash (the money leaves it), never for a refund to a card', async () => {
    const id = await suite.authorisedSale(sale('03', '6.50').draft);
    const refund = async (tender: '02' | '03') =>
      ok('documents:creditNote', {
        id,
        lines: [{ line: 1, cantidad: '1' }],
        refund: tender,
        motivo: 'El cliente devolvió una bolsa cerrada',
        approval: await suite.approval('documents:creditNote'),
      });
    const before = printer.jobs.length;
    const toCard = await refund('03');
    // Jobs go out in order: had the card refund kicked the drawer, the kick would reach the printer before this receipt.
    await ok('receipt:print', { documentId: toCard.id });
    expect(printer.jobs).toHaveLength(before + 1);
    expect(decodeEscPos(printer.jobs.at(-1)!).pulses).toEqual([]);

    await refund('02');
    await waitFor(() => printer.jobs.length === before + 2, 5_000, 'the drawer kick');
    expect(decodeEscPos(printer.jobs.at(-1)!).pulses).toEqual([{ kind: 'pulse', pin: 2, onMs: 100, offMs: 500 }]);
  });

  it('reports a printer that does not answer, and the sale stands', async () => {
    const gone = await startFakeEscPosPrinter();
    await gone.close();
    await ok('printer:save', { ...network(), port: gone.port });
    const sold = await ok('sales:complete', sale('03', '6.50'));
    expect(await call('receipt:print', { documentId: sold.id })).toMatchObject({
      ok: false,
      error: {
        code: 'internal',
        message: expect.stringContaining('No se pudo imprimir en la impresora térmica') as string,
      },
    });
    expect(suite.status(sold.id)).toMatch(/^(QUEUED|PROCESSING|AUTHORIZED)$/);
    expect(await call('till:authorize', { action: { kind: 'drawerOpen', motivo: 'Prueba de gaveta' } })).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });

  it("prints to a USB printer's device, the extra copies marked COPIA", async () => {
    const device = join(suite.dataDir, 'lp0');
    await ok('printer:save', { ...DEFAULT_THERMAL_PRINTER, kind: 'usb', devicePath: device, drawer: false });
    await ok('settings:saveReceipt', {
      printerName: null,
      paper: '58',
      headerLines: ['Calle 50, Panamá', 'Tel. 264-0000'],
      footerLines: [],
      copies: 2,
    });
    const sold = await ok('sales:complete', sale('02', '10.00'));
    expect(await ok('receipt:print', { documentId: sold.id })).toEqual({ via: 'printer', copy: 0 });
    const printed = decodeEscPos(new Uint8Array(readFileSync(device)));
    // No kick (the drawer is off), two receipts with one cut each: the original, then a copy.
    expect(printed.pulses).toEqual([]);
    expect(printed.cuts).toBe(2);
    expect(printed.lines.filter((l) => l === COPY_BANNER)).toHaveLength(2);
    expect(printed.lines.filter((l) => l === 'Tel. 264-0000')).toHaveLength(2);
    expect(printed.lines[0]).not.toBe(COPY_BANNER);
    for (const e of printed.events) if (e.kind === 'text') expect(e.line.length).toBeLessThanOrEqual(32);
    await ok('settings:saveReceipt', { printerName: null, paper: '80', headerLines: [], footerLines: [], copies: 1 });
  });

  it("goes back to the system's print when set so: no bytes, the screen prints", async () => {
    await ok('printer:save', DEFAULT_THERMAL_PRINTER);
    const before = printer.jobs.length;
    const sold = await ok('sales:complete', sale('02', '10.00'));
    expect(await ok('receipt:print', { documentId: sold.id })).toEqual({ via: 'browser', copy: 0 });
    expect(printer.jobs).toHaveLength(before);
  });
});
