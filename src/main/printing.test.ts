import { describe, expect, it, vi } from 'vitest';
import type { PrinterInfo } from 'electron';
import { AppError } from '../core/app/app-error';
import { desktopPrinter, printReceipt, printerNames } from './printing';

function fakeContents(success: boolean, reason = '', printers: string[] = []) {
  return {
    print: vi.fn((_options: unknown, done?: (ok: boolean, why: string) => void) => done?.(success, reason)),
    getPrintersAsync: vi.fn(() =>
      Promise.resolve(printers.map((name) => ({ name, displayName: `${name} (USB)` }) as PrinterInfo)),
    ),
  };
}

describe('printReceipt', () => {
  it('prints silently to the named printer, as many copies as asked', async () => {
    const contents = fakeContents(true);
    await expect(printReceipt(contents, { printerName: 'EPSON TM-T20III', copies: 2 })).resolves.toEqual({
      via: 'printer',
    });
    expect(contents.print.mock.calls[0]?.[0]).toEqual({
      silent: true,
      printBackground: false,
      margins: { marginType: 'none' },
      copies: 2,
      deviceName: 'EPSON TM-T20III',
    });
  });

  it('uses the default printer when none is configured', async () => {
    const contents = fakeContents(true);
    await printReceipt(contents, { printerName: null, copies: 1 });
    expect(contents.print.mock.calls[0]?.[0]).not.toHaveProperty('deviceName');
    expect(contents.print.mock.calls[0]?.[0]).toMatchObject({ copies: 1 });
  });

  it('reports a failed print as an AppError with a Spanish message', async () => {
    const failure = printReceipt(fakeContents(false, 'failed'), { printerName: null, copies: 1 });
    await expect(failure).rejects.toBeInstanceOf(AppError);
    await expect(failure).rejects.toThrow('No se pudo imprimir el recibo (failed)');
  });
});

describe('printer list', () => {
  it('gives the OS printers by name only, sorted and without repeats', async () => {
    await expect(printerNames(fakeContents(true, '', ['Zebra', 'EPSON TM-T20III', 'Zebra']))).resolves.toEqual([
      'EPSON TM-T20III',
      'Zebra',
    ]);
  });

  it('the desktop printer answers no printers and the browser fallback while the window is closed', async () => {
    const window: { contents?: ReturnType<typeof fakeContents> } = {};
    const printer = desktopPrinter(() => window.contents);
    await expect(printer.listPrinters?.()).resolves.toEqual([]);
    await expect(printer.print({ printerName: null, copies: 1 })).resolves.toEqual({ via: 'browser' });
    const contents = fakeContents(true, '', ['EPSON TM-T20III']);
    window.contents = contents;
    await expect(printer.listPrinters?.()).resolves.toEqual(['EPSON TM-T20III']);
    await expect(printer.print({ printerName: 'EPSON TM-T20III', copies: 3 })).resolves.toEqual({ via: 'printer' });
    expect(contents.print.mock.calls[0]?.[0]).toMatchObject({ copies: 3, deviceName: 'EPSON TM-T20III' });
  });
});
