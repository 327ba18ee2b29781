// Acceptance: an invalid RUC, an empty cart and a payment short of the total each get a clear Spanish message at the
// till, and nothing is written (checked in the register's database). A sale to the State with a product lacking its
// CPBS code is refused at the till, naming the product. And what only the register (the core) can refuse — invoicing
// in Demo before "Probar conexión" succeeded — comes back to the screen as the core's Spanish message, nothing written.
import { beforeEach, describe, expect, it } from 'vitest';
import { scan, waitForCheckout, startNewSale } from './fixtures/checkout-page';
import { signInAs } from './fixtures/auth-page';
import { chromiumAvailable } from './fixtures/chromium';
import { e2eSuite } from './fixtures/e2e-suite';
import { approvalFor, ipcOk } from '../fixtures/register-users';

// HKA's demo issuer: a jurídico RUC whose DV is 59.
const RUC = '155596713-2-2015';

describe.skipIf(!chromiumAvailable())(
  'refusals at the till, in Chromium through the web host',
  { timeout: 60_000 },
  () => {
    const suite = e2eSuite({}, async (reg) => {
      await waitForCheckout(reg.page);
    });
    beforeEach(async () => {
      await suite.reg.page.keyboard.press('Escape');
      await startNewSale(suite.reg.page); // a new, empty sale
    });

    it('refuses to take payment for an empty cart', async () => {
      const { page } = suite.reg;
      await page.keyboard.press('F4');
      const message = page.getByTestId('checkout-message');
      await message.waitFor();
      expect(await message.getAttribute('role')).toBe('alert');
      expect(await message.textContent()).toBe(
        'La venta no tiene productos. Escanee o busque un producto antes de cobrar.',
      );
      expect(await page.getByTestId('payment-dialog').count()).toBe(0);
      expect(suite.reg.count('documents')).toBe(0);
    });

    it('refuses a payment short of the total and keeps the sale open', async () => {
      const { page } = suite.reg;
      await scan(page, 'P001'); // 3.25, exento
      await page.keyboard.press('F4');
      await page.getByTestId('payment-dialog').waitFor();
      await page.keyboard.type('1');
      await page.keyboard.press('F4'); // complete with B/. 1.00 in cash
      const error = page.getByTestId('payment-error');
      await error.waitFor();
      expect(await error.textContent()).toBe('El pago no cubre el total: faltan B/. 2.25 de B/. 3.25.');
      await page.getByTestId('complete-sale').click(); // the mouse gets the same answer
      expect(await error.textContent()).toContain('faltan B/. 2.25');
      expect(suite.reg.count('documents')).toBe(0);
      await page.keyboard.press('Escape');
      expect(await page.getByTestId('cart-line').count()).toBe(1);
    });

    it('refuses a contribuyente whose DV does not match the RUC, suggests the right one, and saves nothing', async () => {
      const { page } = suite.reg;
      await page.keyboard.press('F3');
      const dialog = page.getByTestId('customer-dialog');
      await dialog.getByTestId('customer-tab-01').click();
      await dialog.getByTestId('customer-ruc').fill(RUC);
      await dialog.getByTestId('customer-dv').fill('12');
      await dialog.getByTestId('customer-razonSocial').fill('THE FACTORY HKA CORP');
      await dialog.getByTestId('customer-direccion').fill('Ave. La Paz, Ciudad de Panamá');
      expect(await dialog.getByTestId('dv-status').textContent()).toContain(
        'El DV no corresponde a este RUC; el calculado es 59.',
      );

      await dialog.getByTestId('customer-save').click();
      expect(await dialog.getByTestId('customer-error').textContent()).toBe('Revise los datos del cliente.');
      expect(await dialog.locator('.field-error').first().textContent()).toBe(
        'El dígito verificador no corresponde al RUC (se esperaba 59)',
      );
      expect(suite.reg.count('customers')).toBe(0);
      expect(suite.reg.count('documents')).toBe(0);

      // Taking the suggested DV fixes it; the customer is saved (offline-capable, local) and used for the sale.
      await dialog.getByTestId('use-suggested-dv').click();
      expect(await dialog.getByTestId('dv-status').textContent()).toBe('✓ DV correcto');
      await dialog.getByTestId('customer-save').click();
      await expect.poll(() => page.getByTestId('customer-name').textContent()).toBe('THE FACTORY HKA CORP');
      expect(suite.reg.count('customers')).toBe(1);
      await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'product-search');
    });

    it('shows what the register refuses in Spanish and writes nothing (a sale to the State without CPBS codes)', async () => {
      const { page } = suite.reg;
      await page.keyboard.press('F3');
      const dialog = page.getByTestId('customer-dialog');
      await dialog.getByTestId('customer-tab-03').click();
      await dialog.getByTestId('customer-ruc').fill(RUC);
      await dialog.getByTestId('customer-dv').fill('59');
      await dialog.getByTestId('customer-razonSocial').fill('MINISTERIO DE PRUEBAS');
      await dialog.getByTestId('customer-direccion').fill('Ciudad de Panamá');
      await dialog.getByTestId('customer-save').click();
      await expect.poll(() => page.getByTestId('customer-name').textContent()).toBe('MINISTERIO DE PRUEBAS');
      const before = suite.reg.count('documents');

      await startNewSale(page); // F2 also resets the customer: choose the State again for this sale
      await page.keyboard.press('F3');
      await page.getByTestId('customer-search').fill('MINISTERIO');
      await page.getByRole('option', { name: /MINISTERIO DE PRUEBAS/ }).click();
      await waitForCheckout(page); // the search field has the focus back
      await scan(page, 'P014'); // ron añejo: no CPBS code in the training catalogue
      await page.keyboard.press('F4');
      await page.getByTestId('payment-dialog').waitFor();
      await page.keyboard.press('Enter'); // exact amount
      const error = page.getByTestId('payment-error');
      await error.waitFor();
      expect(await error.textContent()).toContain(
        'Las ventas al Estado necesitan el código y la unidad CPBS de cada producto.',
      );
      expect(await error.textContent()).toContain('Ron añejo 750 ml (código P014)');
      expect(suite.reg.count('documents')).toBe(before);
      expect(suite.reg.count('outbox_jobs')).toBe(0);
    });

    it("shows the core's own refusal in Spanish and writes nothing: restarted on Demo but the connection never tested", async () => {
      const { page, host, sim } = suite.reg;
      const training = host.core;
      const asManager = (action: string) => approvalFor(training.ipc, action);
      await ipcOk(training.ipc, 'settings:saveHka', {
        environment: 'demo',
        endpoint: sim.endpoint,
        tokenEmpresa: 'demo-empresa-token',
        tokenPassword: 'demo-password-token',
        approval: await asManager('settings:saveHka'),
        confirmQueued: true,
      });
      // Saved for Demo: the running (training) register is unchanged until it restarts onto Demo's data set.
      await ipcOk(training.ipc, 'app:restart', { approval: await asManager('app:restart') });
      await expect.poll(() => host.core !== training, { timeout: 20_000 }).toBe(true);
      await page.reload();
      await signInAs(page, 'cajero');
      await waitForCheckout(page);
      const documents = () =>
        (host.core.store.sqlite.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
      const before = documents();
      await scan(page, 'P001');
      await page.keyboard.press('F4');
      await page.getByTestId('payment-dialog').waitFor();
      await page.keyboard.press('Enter'); // exact amount
      const error = page.getByTestId('payment-error');
      await error.waitFor();
      expect(await error.textContent()).toBe(
        'Pruebe la conexión con HKA (Configuración › HKA › Probar conexión) antes de facturar en este ambiente',
      );
      expect(documents()).toBe(before);
    });
  },
);
