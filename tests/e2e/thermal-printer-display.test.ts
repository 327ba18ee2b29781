// Acceptance (issue 14, printing and the customer display): the gerente sets a network ESC/POS printer in "Recibo e
// impresora" (a wrong address is explained and nothing is saved), prints a test page, and saves; then a cash sale at
// the till opens the drawer and prints its receipt on that printer (the bytes, decoded: the cashier's name, the
// total, the cut); meanwhile a second page — the customer display — shows the lines, the total and then the change,
// live. Real core, SQLite file, simulator, Debian's Chromium with two pages; the printer is a TCP server on loopback.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { decodeEscPos } from '../fixtures/escpos-decode';
import { startFakeEscPosPrinter, type FakeEscPosPrinter } from '../fixtures/fake-escpos-printer';
import { scan, screenshot, startNewSale, waitForCheckout } from './fixtures/checkout-page';
import { chromiumAvailable } from './fixtures/chromium';
import { e2eSuite } from './fixtures/e2e-suite';
import { E2E_USERS } from './fixtures/web-register';

describe.skipIf(!chromiumAvailable())(
  'thermal printer and customer display, in Chromium through the web host',
  { timeout: 90_000 },
  () => {
    let printer: FakeEscPosPrinter;
    beforeAll(async () => {
      printer = await startFakeEscPosPrinter();
    });
    afterAll(() => printer.close());

    const suite = e2eSuite({ users: 'seeded', signedInAs: 'gerente' }, async (reg) => {
      await waitForCheckout(reg.page);
    });

    it('sets a network ESC/POS printer with its drawer, after a test page, and refuses a wrong address', async () => {
      const { page } = suite.reg;
      await page.getByTestId('nav-settings').click();
      await page.getByTestId('settings-tab-receipt').click();
      const form = page.getByTestId('thermal-form');
      await form.getByTestId('thermal-kind-system').waitFor();
      await form.getByTestId('thermal-kind-network').check();
      await form.getByTestId('thermal-host').fill('http://127.0.0.1');
      await form.getByTestId('thermal-port').fill(String(printer.port));
      await form.getByTestId('thermal-drawer').check();
      await form.getByTestId('thermal-save').click();
      await expect.poll(() => form.getByRole('alert').first().textContent()).toContain('sin http:// ni puerto');
      expect(
        suite.reg.host.core.store.sqlite
          .prepare("SELECT count(*) FROM settings WHERE key = 'thermalPrinter'")
          .pluck()
          .get(),
      ).toBe(0);

      await form.getByTestId('thermal-host').fill('127.0.0.1');
      await form.getByTestId('thermal-test').click();
      await expect
        .poll(() => form.getByTestId('thermal-outcome').textContent())
        .toBe('Página de prueba enviada a la impresora.');
      expect(decodeEscPos(printer.jobs.at(-1)!).lines).toContain('PRUEBA DE IMPRESIÓN');
      await screenshot(page, 'settings-thermal-printer');

      await form.getByTestId('thermal-save').click();
      await expect.poll(() => form.getByTestId('thermal-outcome').textContent()).toBe('Cambios guardados.');
      await page.keyboard.press('F2');
      await waitForCheckout(page);
    });

    it('shows the basket, the total and the change on the customer display; a cash sale kicks the drawer and prints', async () => {
      const { page, browser, host } = suite.reg;
      const display: Page = await browser.context.newPage();
      await display.goto(`${new URL(host.url).origin}/#/cliente`);
      await display.getByTestId('cd-welcome').waitFor();
      // On the register the two windows sit on two monitors; here they are tabs, and the cashier types in the till's.
      await page.bringToFront();

      await startNewSale(page);
      await scan(page, '2*P001'); // arroz 3.25, exento
      await scan(page, 'P002'); // aceite 2.95, exento
      await expect
        .poll(() => display.getByTestId('cd-line').allTextContents())
        .toEqual(['Arroz blanco 5 lb2 ×B/. 6.50', 'Aceite vegetal 1 L1 ×B/. 2.95']);
      expect(await display.getByTestId('cd-total').textContent()).toBe('B/. 9.45');
      await screenshot(display, 'customer-display-sale');

      const before = printer.jobs.length;
      await page.keyboard.press('F4');
      await page.getByTestId('payment-dialog').waitFor();
      await page.getByTestId('quick-cash-bill').filter({ hasText: 'B/. 20.00' }).click();
      await page.getByTestId('sale-done').waitFor();
      await expect.poll(() => display.getByTestId('cd-change').textContent()).toBe('B/. 10.55');
      expect(await display.getByTestId('cd-received').textContent()).toBe('B/. 20.00');
      await screenshot(display, 'customer-display-change');

      // The drawer's kick (right after the sale) and the receipt (printed automatically), in that order.
      await expect.poll(() => printer.jobs.length, { timeout: 10_000 }).toBe(before + 2);
      expect(decodeEscPos(printer.jobs[before]!).pulses).toHaveLength(1);
      const receipt = decodeEscPos(printer.jobs[before + 1]!);
      expect(receipt.lines).toContain(`Cajero: ${E2E_USERS.gerente.displayName}`);
      expect(receipt.lines.some((l) => /^TOTAL\s+B\/\. 9\.45$/.test(l))).toBe(true);
      expect(receipt.lines.some((l) => /^Vuelto\s+B\/\. 10\.55$/.test(l))).toBe(true);
      expect(receipt.cuts).toBe(1);
      expect(await page.getByTestId('print-error').count()).toBe(0);

      await page.keyboard.press('Enter'); // next sale: the display greets again
      await display.getByTestId('cd-welcome').waitFor();
      await display.close();
    });

    it('opens the drawer from Caja with a reason ("abrir gaveta"), audited', async () => {
      const { page, host } = suite.reg;
      await page.getByTestId('nav-cashclose').click();
      const panel = page.getByTestId('open-drawer');
      await panel.waitFor();
      await panel.getByTestId('open-drawer-button').click();
      await expect.poll(() => panel.getByTestId('open-drawer-outcome').textContent()).toContain('Escriba el motivo');
      const before = printer.jobs.length;
      await panel.getByTestId('open-drawer-reason').fill('Cambio para la caja 2');
      await panel.getByTestId('open-drawer-button').click();
      await expect
        .poll(() => panel.getByTestId('open-drawer-outcome').textContent())
        .toBe('Gaveta abierta (queda en la auditoría).');
      expect(printer.jobs).toHaveLength(before + 1);
      expect(decodeEscPos(printer.jobs.at(-1)!).pulses).toHaveLength(1);
      const audited = host.core.store.sqlite
        .prepare("SELECT details FROM audit_log WHERE action = 'till.drawerOpen' ORDER BY id DESC")
        .pluck()
        .get() as string;
      expect(JSON.parse(audited)).toMatchObject({ motivo: 'Cambio para la caja 2' });
      await screenshot(page, 'cash-open-drawer');
    });
  },
);
