// Acceptance (settings panel, the shop): the issuer's DV checked as it is typed, the receipt layout (a line longer
// than the paper refused in Spanish, the next receipt printed with it), cashiers added, reset and deactivated, no
// enrolment in training mode, and manual contingency with its 15–250 character reason renewed after 72 hours. A
// gerente is signed in; real core, SQLite file, HKA simulator, Debian's Chromium (shared start:
// fixtures/settings-suite.ts).
import { describe, expect, it } from 'vitest';
import { dispatchIpc } from '../../src/core/app/dispatch';
import { signInAs } from './fixtures/auth-page';
import { openDocument, sell } from './fixtures/backoffice-steps';
import { screenshot } from './fixtures/checkout-page';
import { chromiumAvailable } from './fixtures/chromium';
import { settingsSuite } from './fixtures/settings-suite';

describe.skipIf(!chromiumAvailable())(
  "the settings panel's shop, users and contingency, in Chromium through the web host",
  { timeout: 90_000 },
  () => {
    const suite = settingsSuite();

    it("checks the issuer's DV as it is typed and saves the issuer", async () => {
      const { page } = suite.reg;
      await page.getByTestId('settings-tab-issuer').click();
      const section = page.getByTestId('settings-section-issuer');
      await section.getByTestId('issuer-ruc').fill('155596713-2-2015');
      await section.getByTestId('issuer-dv').fill('12');
      expect(await section.getByTestId('issuer-dv-status').textContent()).toContain(
        'El DV no corresponde a este RUC; el calculado es 59.',
      );
      await section.getByTestId('issuer-save').click();
      expect(await section.getByTestId('issuer-outcome').textContent()).toBe('Revise los campos marcados.');
      await section.getByTestId('issuer-dv').fill('59');
      expect(await section.getByTestId('issuer-dv-status').textContent()).toBe('✓ DV correcto');
      await section.getByTestId('issuer-razonSocial').fill('MINI SUPER EL AHORRO');
      await section.getByTestId('issuer-save').click();
      await expect.poll(() => section.getByTestId('issuer-outcome').textContent()).toBe('Cambios guardados.');

      // This file's first audit list starts the read worker's thread (decision 0024), which under tsx and a loaded
      // machine takes seconds: wait for the row itself, longer than poll's default second.
      await page.getByTestId('settings-tab-audit').click();
      await expect
        .poll(() => page.getByTestId('audit-row').filter({ hasText: 'MINI SUPER EL AHORRO' }).count(), {
          timeout: 15_000,
        })
        .toBeGreaterThan(0);
    });

    it('saves the receipt layout and refuses a line longer than the paper, in Spanish', async () => {
      const { page } = suite.reg;
      await page.getByTestId('settings-tab-receipt').click();
      const section = page.getByTestId('settings-section-receipt');
      await section.getByTestId('receipt-header').fill(`MINI SUPER EL AHORRO\n${'X'.repeat(43)}`);
      await section.getByTestId('receipt-save').click();
      expect(await section.locator('.field-error').first().textContent()).toBe(
        'Línea 2: Cada línea admite hasta 42 caracteres',
      );
      await section.getByTestId('receipt-header').fill('MINI SUPER EL AHORRO\nVía España, Local 12');
      await section.getByTestId('receipt-paper-58').check();
      await section.getByTestId('receipt-copies').fill('2');
      await section.getByTestId('receipt-save').click();
      await expect.poll(() => section.getByTestId('receipt-outcome').textContent()).toBe('Cambios guardados.');
      const saved = await dispatchIpc(suite.reg.host.core.ipc, 'settings:receipt', {});
      expect(saved).toMatchObject({
        ok: true,
        value: { paper: '58', copies: 2, headerLines: ['MINI SUPER EL AHORRO', 'Vía España, Local 12'] },
      });
      // The next receipt has the new layout at once: the shop's lines under the issuer, on 58 mm paper.
      const { numero } = await sell(
        suite.reg,
        [{ codigo: 'A1', descripcion: 'Arroz', cantidad: '1', precioUnitario: '1.00', tasaItbms: '00' }],
        [{ formaPagoFact: '02', valorCuotaPagada: '1.00' }],
      );
      await openDocument(page, numero);
      const receipt = page.getByTestId('receipt');
      expect(await receipt.getAttribute('data-paper')).toBe('58');
      expect(await receipt.getByTestId('receipt-header-lines').locator('p').allTextContents()).toEqual([
        'MINI SUPER EL AHORRO',
        'Vía España, Local 12',
      ]);
      await page.getByTestId('nav-settings').click(); // the next tests start in the settings panel
    });

    it('adds a cashier and resets her PIN: the core then takes the new PIN', async () => {
      const { page } = suite.reg;
      await page.getByTestId('settings-tab-users').click();
      const form = page.getByTestId('user-new');
      await form.getByTestId('user-new-displayName').fill('Rosa Ríos');
      await form.getByTestId('user-new-username').fill('rosa');
      await form.getByTestId('user-new-pin').fill('1122');
      await form.getByTestId('user-new-pin-confirm').fill('1123');
      await form.getByTestId('user-new-save').click();
      expect(await form.getByTestId('user-new-outcome').textContent()).toBe('Los dos PIN no coinciden.');
      await form.getByTestId('user-new-pin').fill('1122');
      await form.getByTestId('user-new-pin-confirm').fill('1122');
      await form.getByTestId('user-new-save').click();
      await expect.poll(() => form.getByTestId('user-new-outcome').textContent()).toBe('Usuario Rosa Ríos creado.');
      expect(await form.getByTestId('user-new-pin').inputValue()).toBe('');
      await page.getByTestId('user-row-rosa').waitFor();

      await page.getByTestId('user-reset-rosa').click();
      await page.getByTestId('user-reset-pin').fill('3344');
      await page.getByTestId('user-reset-save').click();
      await expect.poll(() => page.getByTestId('users-notice').textContent()).toBe('PIN de rosa restablecido.');
      await screenshot(page, 'settings-users');

      await page.getByTestId('lock-button').click();
      await signInAs(page, 'gerente'); // back to the panel for the next test
      await page.getByTestId('settings-screen').waitFor();
      expect(
        await dispatchIpc(suite.reg.host.core.ipc, 'auth:approve', {
          username: 'rosa',
          pin: '3344',
          action: 'documents:retry',
        }),
      ).toMatchObject({ ok: false, error: { message: 'Solo un gerente puede autorizar esta acción' } }); // rosa's new PIN works; she is no gerente

      // Rosa leaves: deactivated, she disappears from the sign-in screen and her PIN opens nothing.
      await page.getByTestId('settings-tab-users').click();
      await page.getByTestId('user-active-rosa').click();
      await expect
        .poll(() => page.getByTestId('users-notice').textContent())
        .toBe('rosa ya no puede iniciar sesión ni autorizar.');
      await page.getByTestId('lock-button').click();
      await page.getByTestId('signin-screen').waitFor();
      expect(await page.getByTestId('signin-user-rosa').count()).toBe(0);
      expect(
        await dispatchIpc(suite.reg.host.core.ipc, 'auth:signIn', { username: 'rosa', pin: '3344' }),
      ).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
      await signInAs(page, 'gerente');
      await page.getByTestId('settings-screen').waitFor();
    });

    it('refuses an enrolment in training mode, in Spanish, and keeps no code (training never syncs)', async () => {
      const { page } = suite.reg;
      await page.getByTestId('settings-tab-sync').click();
      const section = page.getByTestId('settings-section-sync');
      expect(await section.getByTestId('sync-status-state').textContent()).toBe('Sin inscribir');
      expect(await section.getByTestId('sync-training-notice').textContent()).toContain(
        'no se sincroniza con la oficina central',
      );
      await section.getByTestId('sync-serverUrl').fill('http://central.example.com');
      await section.getByTestId('sync-code').fill('ABCD-1234');
      await section.getByTestId('sync-enrol').click();
      await expect
        .poll(() => section.getByTestId('sync-outcome').textContent())
        .toContain('En modo entrenamiento (Simulador) la caja no se sincroniza');
      expect(await section.getByTestId('sync-code').inputValue()).toBe(''); // the one-time code is not kept
    });

    it('enters contingency by hand only with a 15–250 character reason, asks for a new one after 72 hours, and leaves it', async () => {
      const { page } = suite.reg;
      await page.getByTestId('settings-tab-contingency').click();
      const manual = page.getByTestId('contingency-manual');
      await manual.getByTestId('contingency-motivo').fill('corte de luz');
      await manual.getByTestId('contingency-enter').click();
      expect(await manual.getByTestId('contingency-manual-outcome').textContent()).toBe(
        'El motivo debe tener al menos 15 caracteres.',
      );
      expect(await manual.getByTestId('contingency-state').textContent()).toBe('La caja no está en contingencia.');

      await manual.getByTestId('contingency-motivo').fill('Corte del servicio de internet en la sucursal');
      await manual.getByTestId('contingency-enter').click();
      await expect
        .poll(() => manual.getByTestId('contingency-state').textContent())
        .toContain('Motivo: Corte del servicio de internet en la sucursal');

      // 72 hours later (the register's clock moves) the DGI wants a new reason; giving one clears the warning.
      suite.setClockAhead(73 * 3_600_000);
      await page.getByTestId('settings-tab-audit').click();
      await page.getByTestId('settings-tab-contingency').click();
      const warning = manual.getByTestId('contingency-72h');
      await warning.waitFor();
      expect(await warning.textContent()).toContain('La contingencia lleva más de 72 horas');
      await manual.getByTestId('contingency-motivo').fill('El proveedor de internet no ha restablecido el servicio');
      await manual.getByTestId('contingency-set-reason').click();
      await expect
        .poll(() => manual.getByTestId('contingency-state').textContent())
        .toContain('Motivo: El proveedor de internet no ha restablecido el servicio');
      expect(await warning.count()).toBe(0);
      await manual.getByTestId('contingency-leave').click();
      await expect
        .poll(() => manual.getByTestId('contingency-state').textContent())
        .toBe('La caja no está en contingencia.');
    });
  },
);
