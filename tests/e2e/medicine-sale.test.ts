// Acceptance (issue 12 §3): a pharmacy sells a medicine with its lot from the till. The product is marked as a
// medicine (requiereLote); scanning it asks for the lot at once (keyboard: type the lot, Enter); the sale is
// authorised by the HKA simulator, and the DGI XML HKA keeps (DescargaXML) carries gMedicina and validates against the
// DGI's XSD. Leaving the lot out (Esc) adds nothing, and the core refuses a medicine without its lot whoever asks.
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { rfe2020Errors } from '../../src/core/hka/simulator/dgi/rfe-xsd.fixture';
import { dispatchIpc } from '../../src/core/app/dispatch';
import { ipcOk } from '../fixtures/register-users';
import { scan, screenshot, startNewSale, waitForCheckout } from './fixtures/checkout-page';
import { chromiumAvailable } from './fixtures/chromium';
import { e2eSuite } from './fixtures/e2e-suite';

const MEDICINE = 'P017'; // Acetaminofén 500 mg (10 tabletas), a medicine in the training catalogue

describe.skipIf(!chromiumAvailable())(
  'a medicine sold with its lot, in Chromium through the web host',
  { timeout: 60_000 },
  () => {
    const suite = e2eSuite({}, async (reg) => {
      await waitForCheckout(reg.page);
    });
    beforeEach(async () => {
      await suite.reg.page.keyboard.press('Escape');
      await startNewSale(suite.reg.page);
    });

    it('asks for the lot when the medicine is scanned, and HKA authorises the sale with gMedicina in its DGI XML', async () => {
      const { page, host } = suite.reg;
      await scan(page, `2*${MEDICINE}`);
      const dialog = page.getByTestId('lot-dialog');
      await dialog.waitFor();
      expect(await dialog.getByTestId('lot-cantProductosLote').inputValue()).toBe('2'); // the line's quantity
      // A lot that is too short is explained in Spanish, and nothing is added yet.
      await page.keyboard.type('L20');
      await page.keyboard.press('Enter');
      await expect
        .poll(() => dialog.getByRole('alert').first().textContent())
        .toBe('El número de lote tiene de 5 a 35 caracteres.');
      expect(await page.getByTestId('cart-line').count()).toBe(0);
      await page.keyboard.type('26-0457');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByTestId('cart-line').count()).toBe(1);
      expect(await page.getByTestId('line-lot').textContent()).toBe(' · Lote L2026-0457 (2)');
      await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'product-search');
      await scan(page, 'P001'); // not a medicine: added at once, no dialog
      await expect.poll(() => page.getByTestId('cart-line').count()).toBe(2);
      await screenshot(page, 'checkout-medicine-lot');

      await page.keyboard.press('F4');
      await page.getByTestId('payment-dialog').waitFor();
      await page.keyboard.press('Enter'); // exact amount
      await page.getByTestId('sale-done').getByTestId('receipt').waitFor();
      const { id, body } = host.core.store.sqlite
        .prepare('SELECT id, body FROM documents ORDER BY created_at DESC LIMIT 1')
        .get() as { id: string; body: string };
      await expect.poll(() => suite.reg.statusOf(id).status, { timeout: 20_000 }).toBe('AUTHORIZED');
      const items = (JSON.parse(body) as { items: Record<string, unknown>[] }).items;
      expect(items.map((i) => [i.codigo, i.cantidad, i.medicina])).toEqual([
        [MEDICINE, '2.00', { nroLote: 'L2026-0457', cantProductosLote: '2' }],
        ['P001', '1.00', undefined],
      ]);

      const files = await ipcOk(host.core.ipc, 'documents:downloadFiles', { id });
      if (!files.xml) throw new Error('HKA gave no XML');
      const xml = readFileSync(files.xml.path, 'utf8');
      expect(xml).toContain('<gMedicina><dNroLote>L2026-0457</dNroLote><dCtLote>2</dCtLote></gMedicina>');
      expect(await rfe2020Errors(xml)).toEqual([]);
    });

    it('adds nothing when the lot is left out (Esc), and the core refuses a medicine without its lot', async () => {
      const { page, host } = suite.reg;
      const documents = suite.reg.count('documents');
      await scan(page, MEDICINE);
      await page.getByTestId('lot-dialog').waitFor();
      await page.keyboard.press('Escape');
      await expect
        .poll(() => page.getByTestId('checkout-message').textContent())
        .toBe('No se agregó Acetaminofén 500 mg (10 tabletas): falta su número de lote.');
      expect(await page.getByTestId('cart-line').count()).toBe(0);

      // Whoever calls the core (a script, another screen), a medicine without its lot writes nothing.
      const refused = await dispatchIpc(host.core.ipc, 'sales:complete', {
        draft: {
          tipoDocumento: '01',
          cliente: { tipoClienteFE: '02', pais: 'PA' },
          tiempoPago: '1',
          items: [
            {
              codigo: MEDICINE,
              descripcion: 'Acetaminofén 500 mg (10 tabletas)',
              cantidad: '1',
              precioUnitario: '1.90',
              tasaItbms: '00',
            },
          ],
          pagos: [{ formaPagoFact: '02', valorCuotaPagada: '1.90' }],
        },
      });
      expect(refused.ok).toBe(false);
      expect(JSON.stringify(refused)).toContain('es un medicamento; indique su número de lote y la cantidad del lote');
      expect(suite.reg.count('documents')).toBe(documents);
    });
  },
);
