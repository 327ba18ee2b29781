// Acceptance (issue 14): park two sales, restart the host, recall both and complete them; the basket in progress
// survives the restart too; the Z shows each sale once. After "Bloquear", the next user starts on their home screen
// with an empty basket, the previous basket parked under its owner's name. The checkout fits 1024×768 and 1366×768
// (no sideways scroll, at least 8 cart lines visible). Real core, SQLite file and HKA simulator; Chromium.
import { describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../src/web-host/web-host';
import { ipcOk, signInAs as signInCore } from '../fixtures/register-users';
import { signInAs } from './fixtures/auth-page';
import { scan, screenshot, startNewSale, waitForCheckout } from './fixtures/checkout-page';
import { chromiumAvailable } from './fixtures/chromium';
import { e2eSuite } from './fixtures/e2e-suite';
import { E2E_USERS } from './fixtures/web-register';

describe.skipIf(!chromiumAvailable())(
  'park and recall, lock and layout, in Chromium through the web host',
  { timeout: 90_000 },
  () => {
    const suite = e2eSuite({}, async (reg) => {
      await reg.page.setViewportSize({ width: 1024, height: 768 });
      await waitForCheckout(reg.page);
    });
    let host: WebHost | undefined;
    const sqlite = () => (host ?? suite.reg.host).core.store.sqlite;
    const rows = (sql: string) => sqlite().prepare(sql).pluck().get();

    async function park(label: string): Promise<void> {
      const { page } = suite.reg;
      await page.keyboard.press('F6');
      await page.getByTestId('park-dialog').waitFor();
      await page.keyboard.type(label);
      await page.keyboard.press('Enter');
      await page.getByTestId('park-dialog').waitFor({ state: 'detached' });
      await expect.poll(() => page.getByTestId('cart-line').count()).toBe(0);
    }

    async function payExact(): Promise<void> {
      const { page } = suite.reg;
      await page.keyboard.press('F4');
      await page.getByTestId('payment-dialog').waitFor();
      await page.keyboard.press('+');
      await page.getByTestId('sale-done').waitFor();
      await page.keyboard.press('Enter');
      await waitForCheckout(page);
    }

    it('parks two sales, survives a restart with the basket in progress, recalls both and the Z counts each once', async () => {
      const { page } = suite.reg;
      await scan(page, 'P001'); // 3.25
      await park('Mesa 1');
      expect(await page.getByTestId('checkout-message').textContent()).toBe(
        'Venta «Mesa 1» en espera. Recupérela con F7.',
      );
      await scan(page, '2*P012'); // 2 × 0.85 + 7 % = 1.82
      await park(''); // numbered
      await scan(page, 'P007'); // in progress, not parked: 3.95 + 7 % = 4.23
      await expect.poll(() => rows('SELECT count(*) FROM till_draft')).toBe(1);
      expect(rows('SELECT count(*) FROM parked_sales')).toBe(2);

      // Restart: the host and its core stop; a new one opens the same SQLite file.
      await suite.reg.host.close();
      host = await startWebHost({
        dataDir: suite.reg.dataDir,
        port: 0,
        simulatorEndpoint: suite.reg.sim.endpoint,
        rendererDir: suite.rendererDir,
      });
      await signInCore(host.core.ipc, 'cajero');
      await page.goto(host.url);
      await waitForCheckout(page);
      await expect.poll(() => page.getByTestId('cart-line').count()).toBe(1); // the basket in progress is back
      expect(await page.getByTestId('sale-total').textContent()).toBe('B/. 4.23');

      await page.keyboard.press('F7');
      const dialog = page.getByTestId('recall-dialog');
      await expect.poll(() => dialog.getByTestId('parked-sale').count()).toBe(2);
      expect(await dialog.getByTestId('parked-label').allTextContents()).toEqual(['Mesa 1', 'Venta 1']);
      expect(await dialog.getByTestId('parked-total').allTextContents()).toEqual(['B/. 3.25', 'B/. 1.82']);
      expect(await dialog.textContent()).toContain(E2E_USERS.cajero.displayName);
      expect(await dialog.textContent()).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
      await screenshot(page, 'parked-sales-1024x768');
      await page.keyboard.press('Enter'); // Mesa 1; the basket on screen goes on hold as "Venta 2"
      await expect.poll(() => page.getByTestId('sale-total').textContent()).toBe('B/. 3.25');
      expect(await page.getByTestId('checkout-message').textContent()).toContain('Venta «Venta 2» en espera');
      await payExact();

      for (const total of ['B/. 1.82', 'B/. 4.23']) {
        await page.keyboard.press('F7');
        await dialog.getByTestId('parked-sale').first().waitFor();
        await page.keyboard.press('Enter'); // the oldest first
        await expect.poll(() => page.getByTestId('sale-total').textContent()).toBe(total);
        await payExact();
      }
      expect(rows('SELECT count(*) FROM parked_sales')).toBe(0);
      await expect.poll(() => rows('SELECT count(*) FROM till_draft')).toBe(0);
      expect(rows('SELECT count(*) FROM documents')).toBe(3);

      await signInCore(host.core.ipc, 'gerente');
      const x = await ipcOk(host.core.ipc, 'reports:xReport', {});
      const z = await ipcOk(host.core.ipc, 'reports:closeShift', { countedCash: x.report.cash.expected });
      expect(z).toMatchObject({ closed: true, report: { counts: { total: 3 }, salesTotal: '9.30', parkedSales: 0 } });
      await signInCore(host.core.ipc, 'cajero');
      await page.reload();
      await waitForCheckout(page);
    });

    it('after "Bloquear" the next user starts on their home screen with an empty basket; the basket is parked for its owner', async () => {
      const { page } = suite.reg;
      await scan(page, 'P001');
      await scan(page, 'P004');
      await expect.poll(() => page.getByTestId('cart-line').count()).toBe(2);
      await page.getByTestId('nav-documents').click();
      await page.getByTestId('documents-screen').waitFor();
      await page.getByTestId('lock-button').click();
      await signInAs(page, 'gerente');
      await waitForCheckout(page); // home: the checkout, not the documents the cashier left open
      expect(await page.getByTestId('cart-empty').isVisible()).toBe(true);
      await expect
        .poll(() => page.getByTestId('checkout-message').textContent())
        .toBe(`La venta en curso de ${E2E_USERS.cajero.displayName} quedó en espera como «Venta 1» (F7 para verla).`);
      await page.keyboard.press('F7');
      const dialog = page.getByTestId('recall-dialog');
      await expect.poll(() => dialog.getByTestId('parked-sale').count()).toBe(1);
      expect(await dialog.getByTestId('parked-total').textContent()).toBe('B/. 5.65');
      await page.keyboard.press('Escape');
    });

    it('fits 1024×768 and 1366×768: no sideways scroll and at least 8 cart lines in sight', async () => {
      const { page } = suite.reg;
      await startNewSale(page);
      for (const code of ['P001', 'P002', 'P003', 'P004', 'P005', 'P006', 'P007', 'P008', 'P009', 'P010'])
        await scan(page, code);
      await expect.poll(() => page.getByTestId('cart-line').count()).toBe(10);
      for (const [width, height] of [
        [1024, 768],
        [1366, 768],
      ] as const) {
        await page.setViewportSize({ width, height });
        const layout = await page.evaluate(() => {
          const doc = document.documentElement;
          const inSight = [...document.querySelectorAll('[data-testid="cart-line"]')].filter((row) => {
            const box = row.getBoundingClientRect();
            const cart = row.closest('.cart-scroll, .cart-wrap, table')?.parentElement?.getBoundingClientRect();
            return (
              box.top >= 0 &&
              box.bottom <= window.innerHeight &&
              (!cart || (box.top >= cart.top && box.bottom <= cart.bottom))
            );
          }).length;
          return { sideways: doc.scrollWidth > doc.clientWidth, inSight };
        });
        expect(layout.sideways, `${width}×${height}`).toBe(false);
        expect(layout.inSight, `${width}×${height}`).toBeGreaterThanOrEqual(8);
        await screenshot(page, `checkout-${width}x${height}`);
      }
      await page.setViewportSize({ width: 1024, height: 768 });
    });

    it('closes the restarted host', async () => {
      await host?.close();
    });
  },
);
