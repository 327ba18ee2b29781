// Acceptance (issue 13): at the till, in Chromium through the web host with a cashier signed in and the store's
// default rules, a price override and a discount over the limit ask for a gerente's PIN right then and are audited with
// both names; a cancelled prompt changes nothing; a scanned line is voided only with the PIN; and a gerente deactivated
// while the prompt is open can no longer approve.
import { describe, expect, it } from 'vitest';
import { ipcOk } from '../fixtures/register-users';
import { readFileSync } from 'node:fs';
import { answerManagerPrompt, signInAs } from './fixtures/auth-page';
import { scan, screenshot, startNewSale, waitForCheckout } from './fixtures/checkout-page';
import { chromiumAvailable } from './fixtures/chromium';
import { e2eSuite } from './fixtures/e2e-suite';
import { E2E_USERS } from './fixtures/web-register';

describe.skipIf(!chromiumAvailable())(
  'loss prevention at the till, in Chromium through the web host',
  { timeout: 60_000 },
  () => {
    const suite = e2eSuite({ users: 'seeded', signedInAs: 'cajero' }, async (reg) => {
      await waitForCheckout(reg.page);
    });
    const audit = (action: string) =>
      suite.reg.host.core.store.sqlite
        .prepare(
          `SELECT actor_name AS who, approved_by_name AS approver, details
    FROM audit_log WHERE action = ? ORDER BY id`,
        )
        .all(action) as { who: string; approver: string | null; details: string }[];

    async function editLine(price: string, discount: string): Promise<void> {
      const { page } = suite.reg;
      await page.keyboard.press('Enter'); // empty search field: edit the selected line
      const editor = page.getByTestId('line-editor');
      await editor.waitFor();
      await editor.getByTestId('edit-precio').fill(price);
      await editor.getByTestId('edit-descuento').fill(discount);
      await editor.getByTestId('edit-descuento').press('Enter');
    }

    it('asks the gerente for a price override and a large discount, then sells, audited with both names', async () => {
      const { page } = suite.reg;
      await scan(page, 'P001'); // arroz, 3.25
      await expect.poll(() => page.getByTestId('cart-line').count()).toBe(1);

      // A cancelled prompt: the line stays as it was.
      await editLine('2.00', '');
      const prompt = page.getByTestId('manager-pin-dialog');
      await prompt.waitFor();
      expect(await prompt.getByTestId('manager-pin-what').textContent()).toBe('Cambio de precio en caja');
      await page.keyboard.press('Escape');
      await prompt.waitFor({ state: 'detached' });
      await expect.poll(() => page.getByTestId('line-total').first().textContent()).toBe('B/. 3.25');

      await editLine('2.00', '');
      await answerManagerPrompt(page);
      await expect.poll(() => page.getByTestId('line-total').first().textContent()).toBe('B/. 2.00');
      await screenshot(page, 'loss-prevention-price-override');
      await editLine('2.00', '50%'); // 1.00 off per unit: over the 10 % a cashier may give alone
      await answerManagerPrompt(page);
      await expect.poll(() => page.getByTestId('line-total').first().textContent()).toBe('B/. 1.00');

      await page.keyboard.press('F4');
      await page.getByTestId('payment-dialog').waitFor();
      await page.keyboard.press('Enter'); // exact amount
      await page.getByTestId('sale-done').waitFor();
      const cajero = E2E_USERS.cajero.displayName;
      const gerente = E2E_USERS.gerente.displayName;
      expect(audit('till.priceOverride')).toEqual([expect.objectContaining({ who: cajero, approver: gerente })]);
      expect(JSON.parse(audit('till.priceOverride')[0]?.details ?? '{}')).toMatchObject({
        codigo: 'P001',
        before: '3.25',
        after: '2.00',
      });
      expect(audit('till.lineDiscount')).toEqual([expect.objectContaining({ who: cajero, approver: gerente })]);
      const captured = audit('sale.captured').at(-1);
      expect(captured).toMatchObject({ who: cajero, approver: gerente });
      expect(JSON.parse(captured?.details ?? '{}')).toMatchObject({
        exceptions: [{ kind: 'priceOverride' }, { kind: 'lineDiscount' }],
      });
      await page.keyboard.press('Enter'); // next sale
      await waitForCheckout(page);
    });

    it('voids a scanned line only with the PIN; a gerente deactivated meanwhile cannot approve', async () => {
      const { page, host } = suite.reg;
      await startNewSale(page);
      // A second gerente, who leaves the company while the cashier waits at the prompt.
      await ipcOk(host.core.ipc, 'auth:signIn', { username: E2E_USERS.gerente.username, pin: E2E_USERS.gerente.pin });
      await ipcOk(host.core.ipc, 'auth:createUser', {
        username: 'luis',
        displayName: 'Luis Gerente',
        pin: '9753',
        role: 'gerente',
      });
      await ipcOk(host.core.ipc, 'auth:signIn', { username: E2E_USERS.cajero.username, pin: E2E_USERS.cajero.pin });

      await scan(page, 'P004');
      await expect.poll(() => page.getByTestId('cart-line').count()).toBe(1);
      await page.keyboard.press('F8');
      const prompt = page.getByTestId('manager-pin-dialog');
      await prompt.waitFor();
      await expect.poll(() => prompt.getByTestId('manager-pin-user').locator('option').count()).toBe(2);
      await ipcOk(host.core.ipc, 'auth:signIn', { username: E2E_USERS.gerente.username, pin: E2E_USERS.gerente.pin });
      await ipcOk(host.core.ipc, 'auth:setActive', { username: 'luis', active: false });
      await ipcOk(host.core.ipc, 'auth:signIn', { username: E2E_USERS.cajero.username, pin: E2E_USERS.cajero.pin });
      await prompt.getByTestId('manager-pin-user').selectOption('luis');
      await prompt.getByTestId('manager-pin').fill('9753');
      await prompt.getByTestId('manager-pin').press('Enter');
      await expect
        .poll(() => prompt.getByTestId('manager-pin-error').textContent())
        .toContain('Usuario o PIN incorrecto');
      expect(await page.getByTestId('cart-line').count()).toBe(1); // still there

      await prompt.getByTestId('manager-pin-user').selectOption(E2E_USERS.gerente.username);
      await prompt.getByTestId('manager-pin').fill(E2E_USERS.gerente.pin);
      await prompt.getByTestId('manager-pin').press('Enter');
      await expect.poll(() => page.getByTestId('cart-line').count()).toBe(0);
      expect(audit('till.voidLine').at(-1)).toMatchObject({
        who: E2E_USERS.cajero.displayName,
        approver: E2E_USERS.gerente.displayName,
      });
    });

    it('shows the gerente the whole trail, in words and names, with the chain verified, and exports it as CSV', async () => {
      const { page } = suite.reg;
      await page.getByTestId('lock-button').click();
      await signInAs(page, 'gerente');
      await page.getByTestId('nav-settings').click();
      await page.getByTestId('settings-tab-audit').click();
      const rows = page.getByTestId('audit-row');
      await expect.poll(() => rows.count()).toBeGreaterThan(10);
      // Unfiltered: sales, till actions and sign-ins side by side, newest first.
      const actions = await page.getByTestId('audit-action').allTextContents();
      expect(actions).toEqual(
        expect.arrayContaining([
          'Documento emitido',
          'Cambio de precio en caja',
          'Línea anulada en caja',
          'Inicio de sesión',
        ]),
      );
      const table = (await page.getByTestId('audit-table').textContent()) ?? '';
      const raw = /sale\.captured|till\.|[{}"]/.exec(table);
      expect(raw ? table.slice(Math.max(0, raw.index - 80), raw.index + 80) : null).toBeNull(); // no raw codes, no JSON
      const override = page.locator('[data-testid="audit-row"][data-action="till.priceOverride"]');
      expect(await override.getByTestId('audit-actor').textContent()).toBe(E2E_USERS.cajero.displayName);
      expect(await override.getByTestId('audit-approver').textContent()).toBe(E2E_USERS.gerente.displayName);
      await expect.poll(() => page.getByTestId('audit-chain').textContent()).toMatch(/Cadena de auditoría íntegra/);

      await page.getByTestId('audit-group').selectOption('till');
      await expect.poll(async () => new Set(await page.getByTestId('audit-action').allTextContents()).size).toBe(3);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export').click()]);
      expect(download.suggestedFilename()).toBe('auditoria.csv');
      const csv = readFileSync(await download.path(), 'utf8');
      expect(csv.split('\r\n')[0]).toBe('id,fecha_utc,accion,descripcion,usuario,autorizado_por,documento,detalles');
      expect(csv).toContain('Cambio de precio en caja');
      expect(csv).not.toContain('Documento emitido'); // the filter applies to the export
      await screenshot(page, 'audit-trail');
    });
  },
);
