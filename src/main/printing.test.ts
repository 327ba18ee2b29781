import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../core/app/app-error';
import { printReceipt } from './printing';

function fakeContents(success: boolean, reason = '') {
  return { print: vi.fn((_options: unknown, done?: (ok: boolean, why: string) => void) => done?.(success, reason)) };
}

describe('printReceipt', () => {
  it('prints silently to the named printer', async () => {
    const contents = fakeContents(true);
    await expect(printReceipt(contents, 'EPSON TM-T20III')).resolves.toEqual({ via: 'printer' });
    expect(contents.print.mock.calls[0]?.[0]).toEqual({ silent: true, printBackground: false, margins: { marginType: 'none' }, deviceName: 'EPSON TM-T20III' });
  });

  it('uses the default printer when none is configured', async () => {
    const contents = fakeContents(true);
    await printReceipt(contents, null);
    expect(contents.print.mock.calls[0]?.[0]).not.toHaveProperty('deviceName');
  });

  it('reports a failed print as an AppError with a Spanish message', async () => {
    const failure = printReceipt(fakeContents(false, 'failed'), null);
    await expect(failure).rejects.toBeInstanceOf(AppError);
    await expect(failure).rejects.toThrow('No se pudo imprimir el recibo (failed)');
  });
});
