// The first flow in the real desktop app (Playwright `_electron`): launch on a fresh profile (Simulador, in-process
// HKA simulator), sell three demo products by barcode with the keyboard only, pay cash with change, see the receipt
// and then the authorised CAFE with its CUFE. The same flow runs in Chromium through the web host (tests/e2e);
// the selectors are the checkout's data-testids.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, type Page } from 'playwright-core';

/** Demo catalogue barcodes (src/core/app/demo-catalogue.ts): arroz, refresco, cerveza. */
const BARCODES = ['7451000001376', '7451000015076', '7451000017810'];

export async function firstSaleInElectron(options: {
  root: string;
  electronPath: string;
  screenshots: string;
}): Promise<void> {
  const userData = mkdtempSync(join(tmpdir(), 'sago-electron-'));
  mkdirSync(options.screenshots, { recursive: true });
  const app = await _electron.launch({
    executablePath: options.electronPath,
    args: [options.root], // package.json "main": out/main/index.js
    cwd: options.root,
    env: { ...process.env, SAGO_USER_DATA_DIR: userData },
    timeout: 30_000,
  });
  try {
    const page = await app.firstWindow();
    await createFirstManager(page); // a fresh profile has no user yet: the app asks for the first manager
    await keyboardFirstSale(page, options.screenshots, 'electron');
    // The window's security as Electron reports it, not as we configured it.
    const isolated = await page.evaluate(
      () =>
        typeof (globalThis as { require?: unknown }).require === 'undefined' &&
        typeof (globalThis as { process?: unknown }).process === 'undefined',
    );
    assert.equal(isolated, true, 'the renderer must not see Node');
  } finally {
    await app.close();
    rmSync(userData, { recursive: true, force: true });
  }
}

/** The first-launch screen: the first gerente (test data), then the checkout opens signed in as them. */
async function createFirstManager(page: Page): Promise<void> {
  const setup = page.getByTestId('setup-screen');
  await setup.waitFor();
  await setup.getByTestId('setup-displayName').fill('Gerente de Prueba');
  await setup.getByTestId('setup-username').fill('gerente');
  await setup.getByTestId('setup-pin').fill('2468');
  await setup.getByTestId('setup-pin-confirm').fill('2468');
  await setup.getByTestId('setup-pin-confirm').press('Enter');
}

/** The keyboard-only sale on an open checkout page (also usable against the web host in Chromium). */
export async function keyboardFirstSale(page: Page, screenshots: string, prefix: string): Promise<void> {
  await page.getByTestId('training-banner').waitFor();
  await page.getByTestId('product-search').waitFor();
  for (const barcode of BARCODES) {
    await page.keyboard.type(barcode); // a scanner types into the focused field and ends with Enter
    await page.keyboard.press('Enter');
    await page.getByTestId('cart-line').nth(BARCODES.indexOf(barcode)).waitFor();
  }
  assert.equal(await page.getByTestId('cart-line').count(), 3);
  await page.screenshot({ path: join(screenshots, `${prefix}-checkout.png`) });

  await page.keyboard.press('F4');
  await page.getByTestId('payment-dialog').waitFor();
  await page.keyboard.type('20');
  await page.keyboard.press('Enter');
  await page.getByTestId('receipt').waitFor();
  assert.match((await page.getByTestId('sale-change').textContent()) ?? '', /B\/\. \d+\.\d\d/);
  await page.getByTestId('receipt-cufe').waitFor({ timeout: 15_000 }); // authorised without reloading
  assert.match((await page.getByTestId('receipt-cufe').textContent()) ?? '', /^FE01/);
  await page.screenshot({ path: join(screenshots, `${prefix}-receipt.png`) });
}
