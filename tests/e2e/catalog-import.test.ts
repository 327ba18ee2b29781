// Acceptance (issue 18): the three catalogue files of tests/fixtures/catalog-csv, chosen in the settings panel as a
// manager would, give the right preview — how the file was read, new / changed (before → after) / unchanged /
// invalid rows with the reason in Spanish — and nothing is written until the manager presses import; a change to an
// existing product only with its confirmation. Real core, SQLite file, Debian's Chromium through the web host.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { waitForCheckout } from './fixtures/checkout-page';
import { chromiumAvailable } from './fixtures/chromium';
import { e2eSuite } from './fixtures/e2e-suite';

const fixture = (name: string) => ({
  name,
  mimeType: 'text/csv',
  buffer: readFileSync(new URL(`../fixtures/catalog-csv/${name}`, import.meta.url)),
});

describe.skipIf(!chromiumAvailable())(
  'catalogue CSV import with a preview, in Chromium through the web host',
  { timeout: 90_000 },
  () => {
    const suite = e2eSuite({ users: 'seeded', signedInAs: 'gerente' }, async (reg) => {
      await waitForCheckout(reg.page);
      await reg.page.getByTestId('nav-settings').click();
      await reg.page.getByTestId('settings-tab-catalog').click();
    });
    const product = (codigo: string) =>
      suite.reg.host.core.store.sqlite
        .prepare('SELECT descripcion, precio FROM products WHERE codigo = ?')
        .get(codigo) as { descripcion: string; precio: string } | undefined;
    const rows = () => suite.reg.page.getByTestId('catalog-import-row');
    /** Each preview row as [kind, its cells joined by " | "]. */
    const rowTexts = async () =>
      Promise.all(
        (await rows().all()).map(async (r) => [
          await r.getAttribute('data-kind'),
          (await r.locator('td').allTextContents()).join(' | '),
        ]),
      );

    it('previews the Spanish Excel file (semicolons, decimal comma, Windows-1252) and imports it only when asked', async () => {
      const { page } = suite.reg;
      const before = suite.reg.count('products');
      await page.getByTestId('catalog-import-file').setInputFiles(fixture('excel-es-windows-1252.csv'));
      await expect.poll(() => rows().count()).toBe(4);
      expect(await page.getByTestId('catalog-import-read').textContent()).toBe(
        'Archivo leído: codificación Windows-1252 (ANSI de Excel), separador punto y coma, decimales con coma.',
      );
      expect(await page.getByTestId('catalog-import-counts').textContent()).toBe(
        '4 nuevos, 0 con cambios, 0 sin cambios, 0 con errores.',
      );
      expect(await rowTexts()).toEqual([
        ['new', '2 | P100 | Café molido 425 g | Nuevo | '],
        ['new', '3 | P101 | Piña en lata | Nuevo | '],
        ['new', '4 | P102 | Jabón; barra 3 u | Nuevo | '],
        ['new', '5 | P103 | Azúcar morena 2 lb | Nuevo | '],
      ]);
      expect(suite.reg.count('products')).toBe(before); // the preview wrote nothing

      await page.getByTestId('catalog-import-confirm').click();
      await expect
        .poll(() => page.getByTestId('catalog-import-outcome').textContent())
        .toBe('Se importaron 4 de 4 filas.');
      expect(suite.reg.count('products')).toBe(before + 4);
      expect(product('P100')).toEqual({ descripcion: 'Café molido 425 g', precio: '6.75' });
    });

    it('previews the UTF-8 file with a byte order mark, naming its invalid row in Spanish', async () => {
      const { page } = suite.reg;
      const before = suite.reg.count('products');
      await page.getByTestId('catalog-import-file').setInputFiles(fixture('utf8-bom-comma.csv'));
      await expect.poll(() => rows().count()).toBe(3);
      expect(await page.getByTestId('catalog-import-read').textContent()).toBe(
        'Archivo leído: codificación UTF-8 con BOM, separador coma, decimales con punto.',
      );
      const texts = await rowTexts();
      expect(texts.slice(0, 2)).toEqual([
        ['new', '2 | Q200 | Aceite de maíz, 1 L | Nuevo | '],
        ['new', '3 | Q201 | Crema de leche | Nuevo | '],
      ]);
      expect(texts[2]?.[0]).toBe('invalid');
      expect(texts[2]?.[1]).toMatch(
        /^4 \| Q202 \| Té verde \| Con errores \| Fila 4: el precio "2\.5\.0" no es válido/,
      );
      expect(await page.getByTestId('catalog-import-outcome').textContent()).toBe(
        'No se importó nada: 1 de 3 filas tienen errores.',
      );
      expect(suite.reg.count('products')).toBe(before);
    });

    it('shows a changed price before → after and writes nothing, not even the new row, until the manager confirms', async () => {
      const { page } = suite.reg;
      const before = suite.reg.count('products');
      await page.getByTestId('catalog-import-file').setInputFiles(fixture('price-change.csv'));
      await expect.poll(() => rows().count()).toBe(3);
      expect(await rowTexts()).toEqual([
        ['changed', '2 | P100 | Café molido 425 g | Cambia | Precio: B/. 6.75 → B/. 7.25'],
        ['unchanged', '3 | P101 | Piña en lata | Sin cambios | '],
        ['new', '4 | P104 | Ñame 1 lb | Nuevo | '],
      ]);
      expect(await page.getByTestId('catalog-import-confirm-note').isVisible()).toBe(true);
      expect(product('P100')?.precio).toBe('6.75');
      expect(suite.reg.count('products')).toBe(before);

      const confirm = page.getByTestId('catalog-import-confirm');
      expect(await confirm.textContent()).toBe('Confirmar 1 cambio a productos existentes e importar');
      await confirm.click();
      await expect
        .poll(() => page.getByTestId('catalog-import-outcome').textContent())
        .toBe('Se importaron 3 de 3 filas.');
      expect(product('P100')?.precio).toBe('7.25');
      expect(suite.reg.count('products')).toBe(before + 1);
    });

    it('sorts the catalogue table by a column and exports what it shows as CSV', async () => {
      const { page } = suite.reg;
      await page.getByTestId('catalog-search').fill('P10');
      await expect.poll(() => page.getByTestId('catalog-row').count()).toBe(5); // P100–P104 imported above
      const codes = async () => await page.getByTestId('catalog-row').locator('td:first-child').allTextContents();
      await page.getByTestId('sort-precio').click();
      expect(await codes()).toEqual(['P104', 'P103', 'P101', 'P102', 'P100']); // 0.90, 1.5, 1.95, 2.40, 7.25
      await page.getByTestId('sort-precio').click();
      expect((await codes())[0]).toBe('P100');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('catalog-csv').click()]);
      const text = readFileSync(await download.path(), 'utf8');
      expect(text.split('\r\n').slice(0, 3)).toEqual([
        '\uFEFFCódigo,Código de barras,Descripción,Unidad,Precio,ITBMS',
        'P100,7451234000017,Café molido 425 g,und,7.25,7 %',
        expect.stringMatching(/^P102,/) as unknown,
      ]);
    });
  },
);
