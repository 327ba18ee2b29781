// A receipt that prints by itself prints even when the cashier moves on at once (decision 0043's "left" item): the
// sale-done dialog printed 300 ms after it opened, and an Enter (the cashier's, or a scanner's for the next customer)
// before that closed it and the receipt was never printed, silently. Now the close prints first and closes once the
// printer took it; a printer out of paper keeps the dialog open to say so. Real core, SQLite file, simulator,
// Chromium; the thermal printer is a TCP server on loopback that answers ESC/POS status like an Epson.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COPY_BANNER } from '../../src/core/printing/escpos-receipt';
import { decodeEscPos } from '../fixtures/escpos-decode';
import { READY_STATUS, startFakeEscPosPrinter, type FakeEscPosPrinter } from '../fixtures/fake-escpos-printer';
import { ipcOk, signInAs as signInCore } from '../fixtures/register-users';
import { scan, startNewSale, waitForCheckout } from './fixtures/checkout-page';
import { chromiumAvailable } from './fixtures/chromium';
import { e2eSuite } from './fixtures/e2e-suite';

describe.skipIf(!chromiumAvailable())('the receipt printed by itself, when the cashier moves on at once', () => {
  let printer: FakeEscPosPrinter;
  beforeAll(async () => {
    printer = await startFakeEscPosPrinter();
  });
  afterAll(() => printer.close());

  const suite = e2eSuite({ users: 'seeded', signedInAs: 'cajero' }, async (reg) => {
    await waitForCheckout(reg.page);
    // The receipts go to a network ESC/POS printer, set by the gerente through the core.
    await signInCore(reg.host.core.ipc, 'gerente');
    await ipcOk(reg.host.core.ipc, 'printer:save', {
      kind: 'network',
      host: '127.0.0.1',
      port: printer.port,
      devicePath: '',
      drawer: false,
    });
    await signInCore(reg.host.core.ipc, 'cajero');
    await waitForCheckout(reg.page);
  });
  const lastNumero = () =>
    suite.reg.host.core.store.sqlite
      .prepare('SELECT numero FROM documents ORDER BY rowid DESC LIMIT 1')
      .pluck()
      .get() as number;

  /** Rings one item and pays it exactly; returns once the sale-done dialog is on screen (its timer just started). */
  async function sellOne(): Promise<void> {
    const { page } = suite.reg;
    await startNewSale(page);
    await scan(page, 'P001');
    await expect.poll(() => page.getByTestId('sale-total').textContent()).toBe('B/. 3.25');
    await page.keyboard.press('F4');
    await page.getByTestId('payment-dialog').waitFor();
    await page.keyboard.press('+');
    await page.getByTestId('sale-done').waitFor();
  }

  it('prints the receipt when Enter closes the dialog before it printed by itself, once, then starts the next sale', async () => {
    const { page } = suite.reg;
    const jobs = printer.jobs.length;
    await sellOne();
    await page.keyboard.press('Enter'); // at once: well inside the 300 ms the dialog waits before printing
    await waitForCheckout(page);
    await expect.poll(() => printer.jobs.length).toBe(jobs + 1);
    const paper = decodeEscPos(printer.jobs.at(-1)!).lines;
    expect(paper).toContain('Arroz blanco 5 lb');
    expect(paper.some((line) => line.startsWith('No.') && line.endsWith(String(lastNumero())))).toBe(true);
    expect(paper).not.toContain(COPY_BANNER); // the original
    // The next sale's receipt is the next job: the first one was not printed a second time by the timer.
    await sellOne();
    await page.keyboard.press('F2');
    await waitForCheckout(page);
    await expect.poll(() => printer.jobs.length).toBe(jobs + 2);
    const next = decodeEscPos(printer.jobs.at(-1)!).lines;
    expect(next.some((line) => line.startsWith('No.') && line.endsWith(String(lastNumero())))).toBe(true);
  });

  it('keeps the dialog open and says "Sin papel" when the printer is out of paper; the next Enter closes it', async () => {
    const { page } = suite.reg;
    const jobs = printer.jobs.length;
    printer.status = { printer: 0x1a, offlineCause: 0x32, paper: 0x7e }; // offline, stopped by paper end, no roll
    try {
      await sellOne();
      await page.keyboard.press('Enter');
      const done = page.getByTestId('sale-done');
      await expect
        .poll(() => done.getByTestId('print-error').textContent())
        .toBe('Sin papel: cargue un rollo nuevo y reimprima el recibo (la venta está guardada).');
      expect(await done.count()).toBe(1);
      expect(printer.jobs).toHaveLength(jobs);
    } finally {
      printer.status = READY_STATUS;
    }
    await page.keyboard.press('Enter'); // the cashier has read it: the next Enter starts the next sale
    await waitForCheckout(page);
    expect(await page.getByTestId('sale-done').count()).toBe(0);
  });
});
