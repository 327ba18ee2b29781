// Acceptance: a sale to the State (tipoClienteFE 03). Products with CPBS codes (the training catalogue's, and one the
// cashier creates at the till) sell and get AUTHORIZED by the HKA simulator, which requires the codes on every item
// of a government sale; the DGI XML it returns carries them. A product without a code is named on screen in Spanish
// and nothing is written; once a gerente gives it a code in the catalogue editor, the same sale goes through.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { answerManagerPrompt } from './fixtures/auth-page';
import { scan, waitForCheckout, startNewSale } from './fixtures/checkout-page';
import { chromiumAvailable } from './fixtures/chromium';
import { e2eSuite } from './fixtures/e2e-suite';
import { ipcOk } from '../fixtures/register-users';

// HKA's demo issuer: a jurídico RUC whose DV is 59 (any valid RUC will do for the ministry).
const RUC = '155596713-2-2015';
const MINISTRY = 'MINISTERIO DE PRUEBAS';

describe.skipIf(!chromiumAvailable())(
  'sales to the State at the till, in Chromium through the web host',
  { timeout: 60_000 },
  () => {
    const suite = e2eSuite({}, async (reg) => {
      await waitForCheckout(reg.page);
    });
    beforeEach(async () => {
      await suite.reg.page.keyboard.press('Escape');
      await startNewSale(suite.reg.page); // a new, empty sale (also back to consumidor final)
    });

    /** Chooses the ministry as the sale's customer: created the first time, found by name afterwards. */
    async function chooseMinistry(page: Page): Promise<void> {
      await page.keyboard.press('F3');
      const dialog = page.getByTestId('customer-dialog');
      if (suite.reg.count('customers') === 0) {
        await dialog.getByTestId('customer-tab-03').click();
        await dialog.getByTestId('customer-ruc').fill(RUC);
        await dialog.getByTestId('customer-dv').fill('59');
        await dialog.getByTestId('customer-razonSocial').fill(MINISTRY);
        await dialog.getByTestId('customer-direccion').fill('Ciudad de Panamá');
        await dialog.getByTestId('customer-save').click();
      } else {
        await page.getByTestId('customer-search').fill('MINISTERIO');
        await page.getByRole('option', { name: new RegExp(MINISTRY) }).click();
      }
      await expect.poll(() => page.getByTestId('customer-name').textContent()).toBe(MINISTRY);
      await waitForCheckout(page);
    }

    it('sells products with CPBS codes to the State, one created at the till, and HKA authorises it with the codes', async () => {
      const { page, host } = suite.reg;
      await chooseMinistry(page);
      await scan(page, 'P010'); // papel higiénico: CPBS 1411, Paquete
      await scan(page, 'P012'); // agua embotellada: CPBS 5020, l
      await expect.poll(() => page.getByTestId('cart-line').count()).toBe(2);

      // A product the catalogue lacks, created at the till with its CPBS code; a malformed code is refused first.
      await scan(page, 'RESMA01');
      await expect.poll(() => page.getByTestId('unknown-code').textContent()).toBe('RESMA01');
      await page.keyboard.press('Enter');
      const dialog = page.getByTestId('product-dialog');
      await dialog.waitFor();
      await dialog.getByTestId('product-descripcion').fill('Resma de papel carta');
      await dialog.getByTestId('product-precio').fill('4.80');
      await dialog.getByTestId('product-codigoCPBS').fill('14-1');
      await dialog.getByTestId('product-unidadMedidaCPBS').fill('Paquete');
      await dialog.getByTestId('product-codigoCPBS').press('Enter');
      await expect
        .poll(() => dialog.getByRole('alert').first().textContent())
        .toBe('El código CPBS tiene 4 dígitos, por ejemplo 5020 (bebidas). Déjelo vacío si no vende al Estado.');
      expect(suite.reg.count('products')).toBe(17);
      await dialog.getByTestId('product-codigoCPBS').fill('1410');
      await dialog.getByTestId('product-codigoCPBS').press('Enter');
      await answerManagerPrompt(page); // a new product and its price: the gerente's PIN, as the store's rules want
      await expect.poll(() => page.getByTestId('cart-line').count()).toBe(3);
      expect(suite.reg.count('products')).toBe(18);

      await page.keyboard.press('F4');
      await page.getByTestId('payment-dialog').waitFor();
      await page.keyboard.press('Enter'); // exact amount
      await page.getByTestId('sale-done').getByTestId('receipt').waitFor();
      const { id, body } = host.core.store.sqlite.prepare('SELECT id, body FROM documents').get() as {
        id: string;
        body: string;
      };
      await expect.poll(() => suite.reg.statusOf(id).status, { timeout: 20_000 }).toBe('AUTHORIZED');

      const items = (JSON.parse(body) as { items: Record<string, unknown>[] }).items;
      expect(items.map((i) => [i.codigo, i.codigoCPBSAbrev, i.codigoCPBS, i.unidadMedidaCPBS])).toEqual([
        ['P010', '14', '1411', 'Paquete'],
        ['P012', '50', '5020', 'l'],
        ['RESMA01', '14', '1410', 'Paquete'],
      ]);
      // What HKA kept: the DGI XML of the authorised document classifies every item.
      const files = await ipcOk(host.core.ipc, 'documents:downloadFiles', { id });
      if (!files.xml) throw new Error('HKA gave no XML');
      const xml = readFileSync(files.xml.path, 'utf8');
      expect(xml.match(/<dCodCPBScmp>\d{4}<\/dCodCPBScmp>/g)).toEqual([
        '<dCodCPBScmp>1411</dCodCPBScmp>',
        '<dCodCPBScmp>5020</dCodCPBScmp>',
        '<dCodCPBScmp>1410</dCodCPBScmp>',
      ]);
      expect(xml.match(/<dCodCPBSabr>\d{2}<\/dCodCPBSabr>/g)).toEqual([
        '<dCodCPBSabr>14</dCodCPBSabr>',
        '<dCodCPBSabr>50</dCodCPBSabr>',
        '<dCodCPBSabr>14</dCodCPBSabr>',
      ]);
    });

    it('refuses a sale to the State naming the product without a CPBS code, and writes nothing', async () => {
      const { page } = suite.reg;
      await chooseMinistry(page);
      const documents = suite.reg.count('documents');
      const jobs = suite.reg.count('outbox_jobs');
      await scan(page, 'P012'); // agua: has a CPBS code
      await scan(page, 'P014'); // ron añejo: none
      await expect.poll(() => page.getByTestId('cart-line').count()).toBe(2);
      await page.keyboard.press('F4');
      await page.getByTestId('payment-dialog').waitFor();
      await page.keyboard.press('Enter'); // exact amount
      const error = page.getByTestId('payment-error');
      await error.waitFor();
      expect(await error.locator('p').allTextContents()).toEqual([
        'Las ventas al Estado necesitan el código y la unidad CPBS de cada producto. Agréguelos en Configuración → Catálogo o quite el producto de la venta. Sin código o unidad CPBS:',
        'Ron añejo 750 ml (código P014)',
      ]);
      expect(suite.reg.count('documents')).toBe(documents);
      expect(suite.reg.count('outbox_jobs')).toBe(jobs);
      await page.keyboard.press('Escape');
      expect(await page.getByTestId('cart-line').count()).toBe(2); // the sale stays open to fix
    });

    it('lets a gerente add the missing code in the catalogue (a malformed one refused), and the sale then goes through', async () => {
      const { page, host } = suite.reg;
      await page.getByTestId('nav-settings').click();
      await page.getByTestId('settings-refused').getByTestId('settings-manager-signin').click();
      await answerManagerPrompt(page);
      await page.getByTestId('settings-screen').waitFor();
      await page.getByTestId('settings-tab-catalog').click();
      await page.getByTestId('catalog-search').fill('P014');
      await page.getByTestId('catalog-row').first().click();
      const editor = page.getByTestId('product-editor');
      await editor.getByTestId('product-editor-codigoCPBS').fill('502');
      await editor.getByTestId('product-editor-save').click();
      expect(await editor.locator('.field-error').textContent()).toBe(
        'El código CPBS tiene 4 dígitos, por ejemplo 5020 (bebidas). Déjelo vacío si no vende al Estado.',
      );
      expect(await ipcOk(host.core.ipc, 'catalog:lookup', { code: 'P014' })).toMatchObject({ codigoCPBS: null });
      await editor.getByTestId('product-editor-codigoCPBS').fill('5020');
      await editor.getByTestId('product-editor-unidadMedidaCPBS').fill('und');
      await editor.getByTestId('product-editor-save').click();
      await expect.poll(() => page.getByTestId('catalog-saved').textContent()).toBe('Producto P014 guardado.');
      expect(await ipcOk(host.core.ipc, 'catalog:lookup', { code: 'P014' })).toMatchObject({
        codigoCPBS: '5020',
        unidadMedidaCPBS: 'und',
      });

      await page.getByTestId('nav-checkout').click();
      await waitForCheckout(page);
      await chooseMinistry(page);
      await scan(page, 'P014');
      await expect.poll(() => page.getByTestId('cart-line').count()).toBe(1);
      await page.keyboard.press('F4');
      await page.getByTestId('payment-dialog').waitFor();
      await page.keyboard.press('Enter'); // exact amount
      await page.getByTestId('sale-done').getByTestId('receipt').waitFor();
      const { id } = host.core.store.sqlite.prepare('SELECT id FROM documents ORDER BY numero DESC').get() as {
        id: string;
      };
      await expect.poll(() => suite.reg.statusOf(id).status, { timeout: 20_000 }).toBe('AUTHORIZED');
    });
  },
);
