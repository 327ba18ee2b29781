// Peers' complaint 11 (the scanner loses the focus after an action; decision 0043): a barcode scanner types its code
// and Enter as one fast burst into whatever has the focus. At the till, a burst typed after a click that left the
// focus off the search field (the auto-print checkbox keeps it: it is a form control) or with nothing focused at all
// still lands in the basket; keys typed while a dialog is open stay in the dialog. Real core and SQLite, Chromium
// through the web host; the burst is CDP key events back to back (fixtures/scanner.ts).
import { beforeEach, describe, expect, it } from 'vitest';
import { startNewSale, waitForCheckout } from './fixtures/checkout-page';
import { chromiumAvailable } from './fixtures/chromium';
import { e2eSuite } from './fixtures/e2e-suite';
import { scannerBurst } from './fixtures/scanner';

describe.skipIf(!chromiumAvailable())('the scanner at the till when the search field has lost the focus', () => {
  const suite = e2eSuite({}, async (reg) => {
    await waitForCheckout(reg.page);
  });
  beforeEach(async () => {
    await suite.reg.page.keyboard.press('Escape');
    await startNewSale(suite.reg.page);
  });
  const focused = () =>
    suite.reg.page.evaluate(() => {
      const element = document.activeElement;
      return element === document.body ? 'body' : (element?.getAttribute('data-testid') ?? element?.tagName ?? null);
    });
  const lineCodes = () => suite.reg.page.locator('[data-testid="cart-line"] .line-code').allTextContents();

  it('puts a scan typed right after a click on the auto-print checkbox into the basket', async () => {
    const { page } = suite.reg;
    const autoPrint = page.getByRole('checkbox', { name: 'Imprimir el recibo al cobrar' });
    await autoPrint.click(); // a form control: the checkout leaves the focus on it
    expect(await focused()).toBe('INPUT');
    expect(await autoPrint.isChecked()).toBe(false);

    await scannerBurst(page, 'P001');
    await expect.poll(() => page.getByTestId('cart-line').count()).toBe(1);
    expect(await lineCodes()).toEqual([expect.stringContaining('P001')]);
    expect(await page.getByTestId('sale-total').textContent()).toBe('B/. 3.25');
    expect(await focused()).toBe('product-search');
    expect(await page.getByTestId('product-search').inputValue()).toBe('');

    // Again, with the box ticked back: the second scan joins the first.
    await autoPrint.click();
    expect(await autoPrint.isChecked()).toBe(true);
    expect(await focused()).toBe('INPUT');
    await scannerBurst(page, '2*P008');
    await expect.poll(() => page.getByTestId('cart-line').count()).toBe(2);
    expect(await lineCodes()).toEqual([expect.stringContaining('P001'), expect.stringContaining('P008')]);
  });

  it('puts a scan typed with nothing focused (the focused element left the page) into the basket', async () => {
    const { page } = suite.reg;
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    expect(await focused()).toBe('body');

    await scannerBurst(page, 'P001');
    await expect.poll(() => page.getByTestId('cart-line').count()).toBe(1);
    expect(await lineCodes()).toEqual([expect.stringContaining('P001')]);
    expect(await page.getByTestId('product-search').inputValue()).toBe('');
  });

  it("adds a unit to the selected line for '+' typed with nothing focused, as the search field's own '+' does", async () => {
    const { page } = suite.reg;
    await scannerBurst(page, 'P001');
    await expect.poll(() => page.getByTestId('cart-line').count()).toBe(1);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    expect(await focused()).toBe('body');

    await page.keyboard.press('+');
    await expect.poll(() => page.getByTestId('line-quantity').textContent()).toBe('2');
    expect(await page.getByTestId('product-search').inputValue()).toBe(''); // not a '+' glued to the next scan
    expect(await focused()).toBe('product-search');
    await scannerBurst(page, 'P001');
    await expect.poll(() => page.getByTestId('line-quantity').textContent()).toBe('3');
  });

  it('leaves keys typed while a dialog is open in the dialog, and the next scan is the scan alone', async () => {
    const { page } = suite.reg;
    await page.keyboard.press('F1'); // the keys list: its close button has the focus, no field
    const help = page.getByRole('dialog');
    await help.waitFor();
    expect(await focused()).not.toBe('product-search');
    await page.keyboard.type('999');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
    await waitForCheckout(page);
    // Had "999" gone to the search field, it would still be there and glue itself to the next code.
    expect(await page.getByTestId('product-search').inputValue()).toBe('');
    await scannerBurst(page, 'P001');
    await expect.poll(() => page.getByTestId('cart-line').count()).toBe(1);
    expect(await lineCodes()).toEqual([expect.stringContaining('P001')]);
  });
});
