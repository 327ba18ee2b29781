// Acceptance (issue 14), the gaps the first audit found. (a) A weighed item entered on the screen: the cashier creates
// the product at the till with the unit picker set to kg, weighs 0.755 kg (3 decimals; a 4th is refused, and so is a
// fraction of a counted item) and the sale reaches Autorizada at the weighed amount. (b) A return at the till names
// what it is everywhere: the documents list ("Nota de crédito de la factura Nº …"), the note's page title, its receipt
// on screen and its ESC/POS paper ("NOTA DE CRÉDITO Nº … a la factura Nº …"), which prints by itself when the return
// is done, like a sale's receipt (decision 0043). (c) A printer out of paper is said so on the sale's screen, and on
// the return's ("Sin papel … la nota de crédito está guardada"), instead of a silent loss; the document is saved and
// its receipt prints once paper is loaded. Real core, SQLite file, simulator, Chromium; the thermal printer is a TCP server on loopback that answers
// ESC/POS status like an Epson.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FiscalDocument } from '../../src/shared/fiscal/document';
import { COPY_BANNER } from '../../src/core/printing/escpos-receipt';
import { ipcOk, signInAs as signInCore } from '../fixtures/register-users';
import { decodeEscPos } from '../fixtures/escpos-decode';
import { READY_STATUS, startFakeEscPosPrinter, type FakeEscPosPrinter } from '../fixtures/fake-escpos-printer';
import { answerManagerPrompt } from './fixtures/auth-page';
import { sell, waitForStatus } from './fixtures/backoffice-steps';
import { scan, screenshot, startNewSale, waitForCheckout } from './fixtures/checkout-page';
import { chromiumAvailable } from './fixtures/chromium';
import { e2eSuite } from './fixtures/e2e-suite';

const padded = (numero: number): string => String(numero).padStart(10, '0');

describe.skipIf(!chromiumAvailable())(
  'weighed items, credit-note titles and printer status at the till',
  { timeout: 120_000 },
  () => {
    let printer: FakeEscPosPrinter;
    beforeAll(async () => {
      printer = await startFakeEscPosPrinter();
    });
    afterAll(() => printer.close());

    const suite = e2eSuite({ users: 'seeded', signedInAs: 'cajero' }, async (reg) => {
      await reg.page.setViewportSize({ width: 1024, height: 768 });
      await waitForCheckout(reg.page);
    });
    const lastDocument = () =>
      suite.reg.host.core.store.sqlite
        .prepare('SELECT id, numero, body, total_factura AS total FROM documents ORDER BY rowid DESC LIMIT 1')
        .get() as { id: string; numero: number; body: string; total: string };

    it('sells a product created at the till by weight (kg, 3 decimals) and the invoice is authorised at that amount', async () => {
      const { page } = suite.reg;
      await page.getByTestId('new-product').click();
      const form = page.getByTestId('product-dialog');
      await form.getByTestId('product-descripcion').fill('Queso blanco');
      await form.getByTestId('product-codigo').fill('Q100');
      await form.getByTestId('product-precio').fill('6.40');
      await form.getByTestId('product-unidad').selectOption('kg');
      expect(await form.getByTestId('product-unidad').locator('option:checked').textContent()).toBe(
        'Kilogramo (kg): se vende por peso',
      );
      await form.getByTestId('product-tasa').selectOption('01'); // ITBMS 7 %
      await form.getByTestId('product-precio').press('Enter');
      await answerManagerPrompt(page); // a price is the store's: the gerente approves a new product
      await form.waitFor({ state: 'detached' });
      await expect.poll(() => page.getByTestId('cart-line').count()).toBe(1); // added as 1 kg
      await waitForCheckout(page);

      // The scale says 0.755 kg: the cashier edits the line's quantity; a 4th decimal is refused and explained.
      await page.keyboard.press('Enter');
      const editor = page.getByTestId('line-editor');
      await editor.getByTestId('edit-cantidad').fill('0.7555');
      await editor.getByTestId('edit-cantidad').press('Enter');
      await expect
        .poll(() => editor.getByRole('alert').textContent())
        .toBe('Queso blanco se vende por peso (kg): la cantidad admite hasta 3 decimales, por ejemplo 0.375.');
      await editor.getByTestId('edit-cantidad').fill('0.755');
      await editor.getByTestId('edit-cantidad').press('Enter');
      await editor.waitFor({ state: 'detached' });
      await expect.poll(() => page.getByTestId('line-quantity').textContent()).toBe('0.755');

      // A counted item takes whole units only: 1.5 of the rice is refused and adds nothing.
      await waitForCheckout(page);
      await scan(page, '1.5*P001');
      await expect
        .poll(() => page.getByTestId('checkout-message').textContent())
        .toContain('se vende por unidades: la cantidad 1.5 debe ser un número entero.');
      expect(await page.getByTestId('cart-line').count()).toBe(1);

      // 0.755 × 6.40 = 4.832 → 4.83; ITBMS 7 % = 0.34; total 5.17.
      await expect.poll(() => page.getByTestId('sale-total').textContent()).toBe('B/. 5.17');
      await screenshot(page, 'checkout-weighed-1024x768');
      await page.keyboard.press('F4');
      await page.getByTestId('payment-dialog').waitFor();
      await page.keyboard.press('+');
      await page.getByTestId('sale-done').waitFor();
      expect(await page.getByTestId('sale-done').textContent()).toContain('0.755 kg x B/. 6.40 /kg');
      await page.keyboard.press('Enter');
      await waitForCheckout(page);
      const sale = lastDocument();
      await waitForStatus(suite.reg, sale.id, 'AUTHORIZED');
      expect(sale.total).toBe('5.17');
      const body = JSON.parse(sale.body) as FiscalDocument;
      expect(body.items).toHaveLength(1);
      expect(body.items[0]).toMatchObject({ codigo: 'Q100', unidadMedida: 'kg', precioUnitario: '6.40' });
      expect(Number(body.items[0]?.cantidad)).toBe(0.755);
    });

    it('a return at the till is named a credit note of its invoice in the list, its page, its receipt and on paper', async () => {
      const { page, host } = suite.reg;
      await startNewSale(page);
      // The note's receipt goes to a network ESC/POS printer (set by the gerente through the core).
      await signInCore(host.core.ipc, 'gerente');
      await ipcOk(host.core.ipc, 'printer:save', {
        kind: 'network',
        host: '127.0.0.1',
        port: printer.port,
        devicePath: '',
        drawer: false,
      });
      await signInCore(host.core.ipc, 'cajero');
      const invoice = await sell(
        suite.reg,
        [
          {
            codigo: 'P008',
            descripcion: 'Detergente en polvo 1 kg',
            cantidad: '2',
            precioUnitario: '4.50',
            tasaItbms: '01',
          },
        ],
        [{ formaPagoFact: '02', valorCuotaPagada: '10.00' }],
      );
      await waitForStatus(suite.reg, invoice.id, 'AUTHORIZED');
      const cufe = suite.reg.statusOf(invoice.id).cufe ?? '';

      const jobsBefore = printer.jobs.length;
      await page.keyboard.press('Shift+F9');
      const dialog = page.getByTestId('till-return-dialog');
      await dialog.getByTestId('return-reference').fill(cufe);
      await dialog.getByTestId('return-reference').press('Enter');
      const line = dialog.getByTestId('return-line');
      await line.first().getByTestId('return-line-qty').fill('1');
      await dialog.getByTestId('return-reason').fill('Empaque dañado, el cliente devuelve una unidad');
      await dialog.getByTestId('return-submit').click();
      await answerManagerPrompt(page);
      await dialog.waitFor({ state: 'detached' });
      const note = lastDocument();
      const [noteNo, invoiceNo] = [padded(note.numero), padded(invoice.numero)];
      // The note's receipt printed by itself on the thermal printer when the return was done: the original.
      const done = page.getByTestId('return-done');
      await done.waitFor();
      await expect.poll(() => printer.jobs.length).toBe(jobsBefore + 1);
      const original = decodeEscPos(printer.jobs.at(-1)!).lines;
      expect(original).toContain(`NOTA DE CRÉDITO Nº ${noteNo}`);
      expect(original).toContain(`a la factura Nº ${invoiceNo}`);
      expect(original).not.toContain(COPY_BANNER);
      await page.keyboard.press('Enter');
      await done.waitFor({ state: 'detached' });
      await expect.poll(() => page.getByTestId('checkout-message').textContent()).toMatch(/^Nota de crédito Nº \d{10}/);
      await waitForStatus(suite.reg, note.id, 'AUTHORIZED');

      await page.getByTestId('nav-documents').click();
      const row = page
        .getByTestId('documents-screen')
        .locator(`[data-testid="document-row"][data-number="${note.numero}"]`)
        .filter({ hasText: 'Nota de crédito' });
      expect(await row.getByTestId('document-kind').textContent()).toBe(
        `Nota de crédito de la factura Nº ${invoiceNo} · `,
      );
      await row.click();
      const detail = page.getByTestId('document-detail');
      await expect
        .poll(() => detail.getByTestId('detail-title').textContent())
        .toBe(`Nota de crédito Nº ${noteNo} · de la factura Nº ${invoiceNo}`);
      expect(await detail.getByTestId('receipt-note-title').textContent()).toBe(
        `NOTA DE CRÉDITO Nº ${noteNo} a la factura Nº ${invoiceNo}`,
      );
      await screenshot(page, 'credit-note-page-1024x768');

      // Reprinted from its page: the copy names the note and its invoice too.
      const jobs = printer.jobs.length;
      await detail.getByTestId('detail-print').click();
      await expect.poll(() => printer.jobs.length).toBe(jobs + 1);
      const paper = decodeEscPos(printer.jobs.at(-1)!).lines;
      expect(paper).toContain(`NOTA DE CRÉDITO Nº ${noteNo}`);
      expect(paper).toContain(`a la factura Nº ${invoiceNo}`);
      await page.getByTestId('nav-checkout').click();
      await waitForCheckout(page);
    });

    it('says "Sin papel" after a sale when the printer is out of paper; the sale is saved and reprints with paper', async () => {
      const { page } = suite.reg; // the printer set by the previous test
      await page.keyboard.press('Escape');
      await startNewSale(page);
      await scan(page, 'P001');
      await expect.poll(() => page.getByTestId('sale-total').textContent()).toBe('B/. 3.25');
      const jobs = printer.jobs.length;
      printer.status = { printer: 0x1a, offlineCause: 0x32, paper: 0x7e }; // offline, stopped by paper end, no roll
      try {
        await page.keyboard.press('F4');
        await page.getByTestId('payment-dialog').waitFor();
        await page.keyboard.press('+');
        const done = page.getByTestId('sale-done');
        await done.waitFor();
        await expect
          .poll(() => done.getByTestId('print-error').textContent())
          .toBe('Sin papel: cargue un rollo nuevo y reimprima el recibo (la venta está guardada).');
        await screenshot(page, 'printer-out-of-paper-1024x768');
        expect(printer.jobs).toHaveLength(jobs);
        const sale = lastDocument();
        await waitForStatus(suite.reg, sale.id, 'AUTHORIZED'); // the sale went its way
      } finally {
        printer.status = READY_STATUS;
      }
      // Paper loaded: F9 in the same dialog prints it.
      await page.keyboard.press('F9');
      await expect.poll(() => printer.jobs.length).toBe(jobs + 1);
      const paper = decodeEscPos(printer.jobs.at(-1)!).lines;
      expect(paper).toContain('Arroz blanco 5 lb');
      expect(paper).not.toContain(COPY_BANNER); // the refused print left no paper: this is the original
      await expect.poll(() => page.getByTestId('print-error').count()).toBe(0);
      await page.keyboard.press('Enter');
      await waitForCheckout(page);
    });

    it('says "Sin papel" after a return, naming the credit note as saved; F9 prints it once paper is loaded', async () => {
      const { page } = suite.reg; // the printer set by the second test
      const invoice = await sell(
        suite.reg,
        [{ codigo: 'P001', descripcion: 'Arroz blanco 5 lb', cantidad: '2', precioUnitario: '3.25', tasaItbms: '00' }],
        [{ formaPagoFact: '02', valorCuotaPagada: '10.00' }],
      );
      await waitForStatus(suite.reg, invoice.id, 'AUTHORIZED');
      const jobs = printer.jobs.length;
      printer.status = { printer: 0x1a, offlineCause: 0x32, paper: 0x7e }; // offline, stopped by paper end, no roll
      const done = page.getByTestId('return-done');
      try {
        await page.keyboard.press('Shift+F9');
        const dialog = page.getByTestId('till-return-dialog');
        await dialog.getByTestId('return-reference').fill(String(invoice.numero));
        await dialog.getByTestId('return-reference').press('Enter');
        await dialog.getByTestId('return-line').first().getByTestId('return-line-qty').fill('1');
        await dialog.getByTestId('return-reason').fill('Bolsa rota, el cliente devuelve una unidad');
        await dialog.getByTestId('return-submit').click();
        await answerManagerPrompt(page);
        await done.waitFor();
        await expect
          .poll(() => done.getByTestId('print-error').textContent())
          .toBe('Sin papel: cargue un rollo nuevo y reimprima el recibo (la nota de crédito está guardada).');
        await screenshot(page, 'printer-out-of-paper-return-1024x768');
        expect(printer.jobs).toHaveLength(jobs);
        await waitForStatus(suite.reg, lastDocument().id, 'AUTHORIZED'); // the note went its way
      } finally {
        printer.status = READY_STATUS;
      }
      // Paper loaded: F9 in the same dialog prints the note's original.
      await page.keyboard.press('F9');
      await expect.poll(() => printer.jobs.length).toBe(jobs + 1);
      const paper = decodeEscPos(printer.jobs.at(-1)!).lines;
      expect(paper).toContain(`NOTA DE CRÉDITO Nº ${padded(lastDocument().numero)}`);
      expect(paper).not.toContain(COPY_BANNER);
      await expect.poll(() => done.getByTestId('print-error').count()).toBe(0);
      await page.keyboard.press('Enter');
      await done.waitFor({ state: 'detached' });
      await waitForCheckout(page);
    });
  },
);
