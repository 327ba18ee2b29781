// Issue 14 (discounts and returns) in Chromium through the web host, with real SQLite and the simulator, a cashier at
// the till. A sale with a line discount (line editor) and a discount on the whole sale (Shift+F4; over the store's
// limit, so the gerente's PIN) reaches Autorizada with the right totals. A return of 2 of 3 units through the till
// (Shift+F9, the receipt's CUFE scanned as one key burst into the dialog's field) produces an authorised credit note
// whose receipt is shown with the refund and printed by itself like a sale's (decision 0043), the drawer's expected
// cash drops by the refund and the X report shows it, and a second return of 2 units (only 1 left) is refused with a
// Spanish message and writes nothing.
import { describe, expect, it } from 'vitest';
import type { FiscalDocument } from '../../src/shared/fiscal/document';
import { money } from '../../src/shared/fiscal/money';
import { ipcOk, signInAs as signInCore } from '../fixtures/register-users';
import { answerManagerPrompt, signInAs } from './fixtures/auth-page';
import { sell, waitForStatus } from './fixtures/backoffice-steps';
import { scan, screenshot, waitForCheckout } from './fixtures/checkout-page';
import { chromiumAvailable } from './fixtures/chromium';
import { e2eSuite } from './fixtures/e2e-suite';
import { scannerBurst } from './fixtures/scanner';

const MOTIVO = 'El cliente devolvió dos unidades sin abrir';

describe.skipIf(!chromiumAvailable())('discounts and returns at the till', { timeout: 120_000 }, () => {
  const suite = e2eSuite({ users: 'seeded', signedInAs: 'cajero' }, async (reg) => {
    await waitForCheckout(reg.page);
  });
  const lastDocument = () =>
    suite.reg.host.core.store.sqlite
      .prepare('SELECT id, numero, body, total_factura AS total FROM documents ORDER BY rowid DESC LIMIT 1')
      .get() as { id: string; numero: number; body: string; total: string };
  /** Receipt prints the core recorded for a document (the first is the original). */
  const printsOf = (documentId: string): number =>
    suite.reg.host.core.store.sqlite
      .prepare("SELECT count(*) FROM audit_log WHERE document_id = ? AND action = 'receipt.printed'")
      .pluck()
      .get(documentId) as number;

  it("sells with a line discount and a discount on the whole sale (gerente's PIN over the limit), authorised with the right totals", async () => {
    const { page } = suite.reg;
    await scan(page, '2*P008'); // detergente 2 × 4.50, ITBMS 7 %
    await scan(page, 'P001'); // arroz 3.25, exento
    await expect.poll(() => page.getByTestId('cart-line').count()).toBe(2); // the scan has landed and is selected
    await page.keyboard.press('ArrowUp'); // the detergent line
    await page.keyboard.press('Enter'); // empty field: edit the selected line
    const editor = page.getByTestId('line-editor');
    await editor.getByTestId('edit-descuento').fill('0.40'); // 8.9 %: under the 10 % limit, no PIN
    await editor.getByTestId('edit-descuento').press('Enter');
    await editor.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('sale-total').textContent()).toBe('B/. 12.02'); // 8.20 + 0.57 + 3.25

    await page.keyboard.press('Shift+F4');
    const dialog = page.getByTestId('ticket-discount-dialog');
    await dialog.getByTestId('ticket-discount-input').fill('150%');
    await dialog.getByTestId('ticket-discount-input').press('Enter');
    await expect.poll(() => dialog.getByRole('alert').textContent()).toBe('El porcentaje debe ser menor que 100.');
    await dialog.getByTestId('ticket-discount-input').fill('15%'); // over the 10 % limit: the gerente approves
    await dialog.getByTestId('ticket-discount-input').press('Enter');
    await answerManagerPrompt(page);
    await dialog.waitFor({ state: 'detached' });
    // 15 % of 12.02 = 1.803 → 1.80, after ITBMS: 10.22.
    await expect
      .poll(() => page.getByTestId('ticket-discount-row').textContent())
      .toBe('Descuento a la venta−B/. 1.80');
    expect(await page.getByTestId('sale-total').textContent()).toBe('B/. 10.22');
    await screenshot(page, 'checkout-discounts-1024x768');

    await page.keyboard.press('F4');
    await page.getByTestId('payment-dialog').waitFor();
    await page.keyboard.press('+'); // exactly what is owed
    await page.getByTestId('sale-done').waitFor();
    // The receipt shows the discount on the whole sale once, below ITBMS; the unit discount is on its line only.
    const done = page.getByTestId('sale-done');
    expect(await done.getByTestId('receipt-discounts').count()).toBe(1);
    expect(await done.getByTestId('receipt-discounts').textContent()).toContain('-B/. 1.80');
    expect(await done.getByTestId('receipt-total').textContent()).toContain('B/. 10.22');
    await page.keyboard.press('Enter');
    const sale = lastDocument();
    await waitForStatus(suite.reg, sale.id, 'AUTHORIZED');
    const body = JSON.parse(sale.body) as FiscalDocument;
    expect(sale.total).toBe('10.22');
    expect(body.items[0]).toMatchObject({
      codigo: 'P008',
      cantidad: '2.00',
      precioUnitario: '4.50',
      precioUnitarioDescuento: '0.40',
    });
    expect(body.descuentosGlobales).toEqual([{ descDescuento: 'Descuento 15 %', montoDescuento: '1.80' }]);
  });

  it('returns 2 of 3 units by CUFE for cash: authorised credit note, drawer cash reduced and in the X report; 2 more are refused (1 left)', async () => {
    const { page } = suite.reg;
    await waitForCheckout(page);
    // 3 × 4.50 = 13.50 + 0.95 = 14.45, paid in cash.
    const invoice = await sell(
      suite.reg,
      [
        {
          codigo: 'P008',
          descripcion: 'Detergente en polvo 1 kg',
          cantidad: '3',
          precioUnitario: '4.50',
          tasaItbms: '01',
        },
      ],
      [{ formaPagoFact: '02', valorCuotaPagada: '20.00' }],
    );
    await waitForStatus(suite.reg, invoice.id, 'AUTHORIZED');
    const cufe = suite.reg.statusOf(invoice.id).cufe ?? '';
    // What the drawer should hold before the return (the gerente's X report; the page keeps the cashier's screen).
    const drawerCash = async (): Promise<string> => {
      await signInCore(suite.reg.host.core.ipc, 'gerente');
      const x = await ipcOk(suite.reg.host.core.ipc, 'reports:xReport', {});
      await signInCore(suite.reg.host.core.ipc, 'cajero');
      return x.report.cash.expected;
    };
    const cashBefore = await drawerCash();

    await page.keyboard.press('Shift+F9');
    const dialog = page.getByTestId('till-return-dialog');
    await dialog.getByTestId('return-reference').waitFor();
    // The receipt's CUFE from the scanner: it stays in the dialog's field (never the till's search) and Enter finds it.
    await scannerBurst(page, cufe);
    const line = dialog.getByTestId('return-line');
    await line.first().waitFor();
    expect(await dialog.getByTestId('return-reference').inputValue()).toBe(cufe);
    expect(await page.getByTestId('product-search').inputValue()).toBe('');
    expect(await line.first().getByTestId('return-line-remaining').textContent()).toBe('3');
    await line.first().getByTestId('return-line-qty').fill('2');
    await dialog.getByTestId('return-reason').fill(MOTIVO);
    expect(await dialog.getByTestId('return-tender').inputValue()).toBe('02');
    expect(await dialog.getByTestId('return-total').textContent()).toBe('A devolver: B/. 9.63'); // 9.00 + 0.63
    await screenshot(page, 'till-return-1024x768');
    await dialog.getByTestId('return-submit').click();
    await answerManagerPrompt(page);
    await dialog.waitFor({ state: 'detached' });
    // The credit note's receipt, with what to hand back and how; it prints by itself (the register prints on
    // completion by default): its original print is counted before Enter goes back to the till.
    const done = page.getByTestId('return-done');
    await done.waitFor();
    const note = lastDocument();
    expect(await done.getByTestId('return-refund').textContent()).toBe('B/. 9.63');
    expect(await done.getByTestId('return-refund-tender').textContent()).toBe('Efectivo (sale de la gaveta)');
    expect(await done.getByTestId('receipt-note-title').textContent()).toBe(
      `NOTA DE CRÉDITO Nº ${String(note.numero).padStart(10, '0')} a la factura Nº ${String(invoice.numero).padStart(10, '0')}`,
    );
    await expect.poll(() => printsOf(note.id)).toBe(1);
    await page.keyboard.press('Enter');
    await done.waitFor({ state: 'detached' });
    await waitForCheckout(page);
    await expect
      .poll(() => page.getByTestId('checkout-message').textContent())
      .toMatch(
        new RegExp(
          `^Nota de crédito Nº \\d{10} \\(factura Nº ${String(invoice.numero).padStart(10, '0')}\\) guardada: se envía a la DGI\\. Devuelva B/\\. 9\\.63 \\(Efectivo \\(sale de la gaveta\\)\\)\\.$`,
        ),
      );
    await waitForStatus(suite.reg, note.id, 'AUTHORIZED');
    expect(note.total).toBe('9.63');
    expect(JSON.parse(note.body)).toMatchObject({
      tipoDocumento: '04',
      referencias: [{ cufe }],
      pagos: [{ formaPagoFact: '02', valorCuotaPagada: '9.63' }],
    });
    // The refund left the drawer: the cash the register expects is 9.63 less.
    expect(
      money(cashBefore)
        .minus(await drawerCash())
        .toFixed(2),
    ).toBe('9.63');

    // A second return of 2 units by the invoice number: only 1 is left, refused on screen, nothing written.
    const documents = suite.reg.count('documents');
    await page.keyboard.press('Shift+F9');
    await dialog.getByTestId('return-reference').fill(String(invoice.numero));
    await dialog.getByTestId('return-reference').press('Enter');
    await line.first().waitFor();
    expect(await line.first().getByTestId('return-line-remaining').textContent()).toBe('1');
    await line.first().getByTestId('return-line-qty').fill('2');
    await dialog.getByTestId('return-reason').fill(MOTIVO);
    await dialog.getByTestId('return-submit').click();
    await expect
      .poll(() => dialog.getByTestId('return-error').textContent())
      .toBe('Línea 1: no se puede acreditar más de lo que queda por acreditar.');
    expect(suite.reg.count('documents')).toBe(documents);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    // The X report (a gerente's under blind count) shows the cash refund.
    await page.getByTestId('lock-button').click();
    await signInAs(page, 'gerente');
    await page.getByTestId('nav-cashclose').click();
    const screen = page.getByTestId('cashclose-screen');
    await screen.getByTestId('x-report-refresh').click();
    await expect
      .poll(() => screen.getByTestId('x-report').getByTestId('report-text').textContent())
      .toMatch(/Devoluciones \(notas crédito\)\s+B\/\. 9\.63/);

    // The documents list says what the note is and which invoice it credits.
    await page.getByTestId('nav-documents').click();
    const row = page
      .getByTestId('documents-screen')
      .locator(`[data-testid="document-row"][data-number="${note.numero}"]`)
      .filter({ hasText: 'Nota de crédito' });
    expect(await row.getByTestId('document-kind').textContent()).toBe(
      `Nota de crédito de la factura Nº ${String(invoice.numero).padStart(10, '0')} · `,
    );
  });
});
