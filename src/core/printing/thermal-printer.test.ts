// The printer's status before a job, through the contract on a real register (SQLite file, simulator) and a network
// "printer" on loopback that answers ESC/POS real-time status like an Epson: out of paper, cover open or offline,
// nothing is sent and the cashier is told why (a stable rule the till translates); the sale stands, and the receipt
// prints once the printer is ready again. A printer that answers nothing is printed to as before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coreIpcSuite } from '../../../tests/fixtures/core-ipc-suite';
import { decodeEscPos } from '../../../tests/fixtures/escpos-decode';
import {
  READY_STATUS,
  startFakeEscPosPrinter,
  type FakeEscPosPrinter,
} from '../../../tests/fixtures/fake-escpos-printer';
import { waitFor } from '../../../tests/fixtures/register-harness';
import { DEFAULT_THERMAL_PRINTER } from '../../shared/ipc/areas/printer/contract';
import { COPY_BANNER } from './escpos-receipt';

const suite = coreIpcSuite('printer-status');
const { call, ok } = suite;
let printer: FakeEscPosPrinter;
beforeAll(async () => {
  printer = await startFakeEscPosPrinter();
});
afterAll(() => printer.close());

const cardSale = {
  draft: {
    tipoDocumento: '01' as const,
    cliente: { tipoClienteFE: '02' as const, pais: 'PA' },
    tiempoPago: '1' as const,
    items: [
      {
        codigo: 'P001',
        descripcion: 'Arroz blanco 5 lb',
        cantidad: '1',
        precioUnitario: '3.25',
        tasaItbms: '00' as const,
      },
    ],
    pagos: [{ formaPagoFact: '03' as const, valorCuotaPagada: '3.25' }],
  },
};

describe("the thermal printer's status", () => {
  beforeAll(async () => {
    await ok('printer:save', {
      ...DEFAULT_THERMAL_PRINTER,
      kind: 'network',
      host: '127.0.0.1',
      port: printer.port,
      drawer: true,
    });
  });

  it.each([
    ['paperOut', { printer: 0x1a, offlineCause: 0x32, paper: 0x7e }, 'Sin papel'],
    ['coverOpen', { printer: 0x1a, offlineCause: 0x16, paper: 0x12 }, 'Tapa abierta'],
    ['offline', { printer: 0x1a, offlineCause: 0x12, paper: 0x12 }, 'Impresora fuera de línea'],
  ] as const)('%s: sends nothing, says so, and the sale stands', async (rule, status, text) => {
    const sold = await ok('sales:complete', cardSale);
    const jobs = printer.jobs.length;
    printer.status = status;
    try {
      const refused = await call('receipt:print', { documentId: sold.id });
      expect(refused).toMatchObject({
        ok: false,
        error: {
          code: 'internal',
          message: expect.stringMatching(
            new RegExp(`^${text} en la impresora térmica \\(127\\.0\\.0\\.1:\\d+\\)`),
          ) as string,
          violations: [{ path: 'printer', rule: `printer.${rule}` }],
        },
      });
      expect(printer.jobs).toHaveLength(jobs);
      expect(suite.core.store.sqlite.prepare('SELECT count(*) FROM documents WHERE id = ?').pluck().get(sold.id)).toBe(
        1,
      );
    } finally {
      printer.status = READY_STATUS;
    }
    // The refused print is recorded (the audit trail is append-only) and does not count: no paper came out.
    const audit = suite.core.store.sqlite
      .prepare("SELECT action, details FROM audit_log WHERE document_id = ? AND action LIKE 'receipt.%' ORDER BY id")
      .all(sold.id) as { action: string; details: string }[];
    expect(audit.map((a) => [a.action, JSON.parse(a.details) as unknown])).toEqual([
      ['receipt.printed', { copy: 0 }],
      ['receipt.notPrinted', { copy: 0, reason: `printer.${rule}` }],
    ]);
    // Paper loaded, cover closed: the receipt goes out as the original, not as a COPIA; the next one is the copy.
    expect(await ok('receipt:print', { documentId: sold.id })).toEqual({ via: 'printer', copy: 0 });
    expect(printer.jobs).toHaveLength(jobs + 1);
    const original = decodeEscPos(printer.jobs.at(-1)!).lines;
    expect(original).toContain('Arroz blanco 5 lb');
    expect(original).not.toContain(COPY_BANNER);
    expect(await ok('receipt:print', { documentId: sold.id })).toEqual({ via: 'printer', copy: 1 });
    expect(decodeEscPos(printer.jobs.at(-1)!).lines[0]).toBe(COPY_BANNER);
  });

  it('tells a gerente opening the drawer that the printer has no paper; the drawer opens once it is ready', async () => {
    const jobs = printer.jobs.length;
    const action = { kind: 'drawerOpen' as const, motivo: 'Cambio para otra caja' };
    printer.status = { printer: 0x1a, offlineCause: 0x32, paper: 0x7e };
    try {
      expect(await call('till:authorize', { action })).toMatchObject({
        ok: false,
        error: { violations: [{ rule: 'printer.paperOut' }] },
      });
      expect(printer.jobs).toHaveLength(jobs);
    } finally {
      printer.status = READY_STATUS;
    }
    await ok('till:authorize', { action });
    expect(decodeEscPos(printer.jobs.at(-1)!).pulses).toHaveLength(1);
  });

  it('does not kick the drawer after a cash sale while the printer is offline (it would open later by surprise)', async () => {
    const jobs = printer.jobs.length;
    const asked = printer.questions;
    printer.status = { printer: 0x1a, offlineCause: 0x16, paper: 0x12 }; // cover open
    const cashSale = {
      draft: { ...cardSale.draft, pagos: [{ formaPagoFact: '02' as const, valorCuotaPagada: '5.00' }] },
    };
    const sold = await ok('sales:complete', cashSale).finally(() =>
      waitFor(() => printer.questions === asked + 3, 5_000, 'the status questions before the kick').finally(() => {
        printer.status = READY_STATUS;
      }),
    );
    // Jobs go out in order: had the kick been sent, it would reach the printer before this receipt.
    await ok('receipt:print', { documentId: sold.id });
    expect(printer.jobs).toHaveLength(jobs + 1);
    expect(decodeEscPos(printer.jobs.at(-1)!).pulses).toEqual([]);
  });

  it('prints as before to a printer that reports paper near its end', async () => {
    const sold = await ok('sales:complete', cardSale);
    const jobs = printer.jobs.length;
    printer.status = { printer: 0x12, offlineCause: 0x12, paper: 0x1e };
    try {
      await ok('receipt:print', { documentId: sold.id });
    } finally {
      printer.status = READY_STATUS;
    }
    expect(printer.jobs).toHaveLength(jobs + 1);
  });

  it('prints as before to a printer that answers no status (no return channel), after the status wait', async () => {
    const sold = await ok('sales:complete', cardSale);
    const jobs = printer.jobs.length;
    printer.status = 'silent';
    try {
      await ok('receipt:print', { documentId: sold.id });
    } finally {
      printer.status = READY_STATUS;
    }
    expect(printer.jobs).toHaveLength(jobs + 1);
  });
});
