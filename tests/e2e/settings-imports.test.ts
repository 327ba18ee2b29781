// Acceptance (settings panel, catalogue and customers): a CSV with 2 bad rows out of 10 reports both rows and imports
// nothing by default, then "Importar solo las filas válidas" imports the 8 good ones (counted in the database); a
// product added by hand refuses a price that is not a number. A gerente is signed in; real core, SQLite file, HKA
// simulator, Debian's Chromium (shared start: fixtures/settings-suite.ts).
import { describe, expect, it } from 'vitest';
import { dispatchIpc } from '../../src/core/app/dispatch';
import { screenshot } from './fixtures/checkout-page';
import { chromiumAvailable } from './fixtures/chromium';
import { settingsSuite } from './fixtures/settings-suite';

// Ten data rows; file lines 4 (price with a comma) and 9 (unknown ITBMS rate) are bad.
const PRODUCTS_CSV = [
  'codigo,barcode,descripcion,unidad,precio,tasaItbms',
  'CSV1,7501000000011,Arroz Blanco 5 lb,und,4.25,01',
  'CSV2,,"Aceite, 1 litro",und,3.10,01',
  'CSV3,,Azúcar 2 lb,und,"1,95",01',
  'CSV4,,"Leche ""entera"" 1 L",und,1.20,00',
  'CSV5,,Pan molde,und,2.50,00',
  'CSV6,,Café 425 g,und,6.75,01',
  'CSV7,,Cerveza lata,und,0.95,02',
  'CSV8,,Cigarrillos,paq,5.00,7',
  'CSV9,,Jabón de baño,und,0.80,01',
  'CSV10,,Detergente 1 kg,und,3.45,01',
].join('\r\n');

// Ten customers; file lines 3 (DV that does not match the RUC) and 7 (unknown customer type) are bad.
const CUSTOMERS_CSV = [
  'tipoCliente,identificacion,dv,tipoContribuyente,nombre,direccion,correo',
  '02,,,,Consumidor Uno,,',
  '01,155596713-2-2015,12,2,THE FACTORY HKA CORP,"Ave. La Paz, Panamá",',
  '02,,,,Consumidor Dos,,',
  '02,,,,Consumidor Tres,,',
  '02,,,,Consumidor Cuatro,,',
  '09,,,,Tipo Inexistente,,',
  '02,,,,Consumidor Cinco,,',
  '02,,,,Consumidor Seis,,',
  '02,,,,Consumidor Siete,,',
  '02,,,,Consumidor Ocho,,cliente8@example.com',
].join('\n');

describe.skipIf(!chromiumAvailable())(
  "the settings panel's imports and catalogue, in Chromium through the web host",
  { timeout: 90_000 },
  () => {
    const suite = settingsSuite();

    it('reports both bad rows of a 10-row CSV and imports nothing, then imports the 8 valid rows on request', async () => {
      const { page } = suite.reg;
      await page.getByTestId('settings-tab-catalog').click();
      const importer = page.getByTestId('catalog-import');
      const before = suite.reg.count('products');
      await importer
        .getByTestId('catalog-import-file')
        .setInputFiles({ name: 'productos.csv', mimeType: 'text/csv', buffer: Buffer.from(PRODUCTS_CSV) });

      const errors = importer.getByTestId('catalog-import-errors').locator('li');
      await expect.poll(() => errors.count()).toBe(2);
      expect(await errors.nth(0).textContent()).toMatch(/^Fila 4: el precio "1,95" no es válido/);
      expect(await errors.nth(1).textContent()).toMatch(/^Fila 9: la tasa de ITBMS "7" no es válida/);
      expect(await importer.getByTestId('catalog-import-outcome').textContent()).toBe(
        'No se importó nada: 2 de 10 filas tienen errores.',
      );
      expect(suite.reg.count('products')).toBe(before);
      await screenshot(page, 'settings-csv-errors');

      await importer.getByTestId('catalog-import-valid-rows').click();
      await expect
        .poll(() => importer.getByTestId('catalog-import-outcome').textContent())
        .toBe('Se importaron 8 de 10 filas.');
      expect(suite.reg.count('products')).toBe(before + 8);
      await page.getByTestId('catalog-search').fill('CSV');
      await expect.poll(() => page.getByTestId('catalog-row').count()).toBe(8);
    });

    it('imports customers the same way: both bad rows reported, nothing imported until asked', async () => {
      const { page } = suite.reg;
      await page.getByTestId('settings-tab-customers').click();
      const importer = page.getByTestId('customers-import');
      const before = suite.reg.count('customers');
      await importer
        .getByTestId('customers-import-file')
        .setInputFiles({ name: 'clientes.csv', mimeType: 'text/csv', buffer: Buffer.from(CUSTOMERS_CSV) });
      const errors = importer.getByTestId('customers-import-errors').locator('li');
      await expect.poll(() => errors.count()).toBe(2);
      expect(await errors.nth(0).textContent()).toMatch(/^Fila 3: /);
      expect(await errors.nth(1).textContent()).toMatch(/^Fila 7: el tipo de cliente "09" no es válido/);
      expect(suite.reg.count('customers')).toBe(before);

      await importer.getByTestId('customers-import-valid-rows').click();
      await expect
        .poll(() => importer.getByTestId('customers-import-outcome').textContent())
        .toBe('Se importaron 8 de 10 filas.');
      expect(suite.reg.count('customers')).toBe(before + 8);
      await page.getByTestId('customers-search').fill('Consumidor');
      await expect.poll(() => page.getByTestId('customers-row').count()).toBe(8);
    });

    it('adds a product by hand, refusing a price that is not a number', async () => {
      const { page } = suite.reg;
      await page.getByTestId('settings-tab-catalog').click();
      const before = suite.reg.count('products');
      await page.getByTestId('catalog-new').click();
      const editor = page.getByTestId('product-editor');
      await editor.getByTestId('product-editor-codigo').fill('MAN1');
      await editor.getByTestId('product-editor-descripcion').fill('Galletas de soda');
      await editor.getByTestId('product-editor-precio').fill('uno');
      await editor.getByTestId('product-editor-save').click();
      expect(await editor.locator('.field-error').textContent()).toBe('Escriba un número, por ejemplo 2 o 1.50.');
      expect(suite.reg.count('products')).toBe(before);
      await editor.getByTestId('product-editor-precio').fill('1,25');
      await editor.getByTestId('product-editor-save').click();
      await expect.poll(() => page.getByTestId('catalog-saved').textContent()).toBe('Producto MAN1 guardado.');
      expect(suite.reg.count('products')).toBe(before + 1);
      const saved = await dispatchIpc(suite.reg.host.core.ipc, 'catalog:lookup', { code: 'MAN1' });
      expect(saved).toMatchObject({
        ok: true,
        value: { precio: '1.25', descripcion: 'Galletas de soda', tasaItbms: '01' },
      });
    });
  },
);
