// Acceptance (settings panel, HKA): credentials saved write-only (asking first while documents wait for HKA) →
// "Probar conexión" shows HKA's refusal for wrong tokens and the simulator's folios for good ones, and the renderer
// never receives the token values (every IPC response, the page's storage and its HTML are scanned). A gerente is
// signed in; real core, SQLite file, HKA simulator, Debian's Chromium (shared start: fixtures/settings-suite.ts).
import { describe, expect, it } from 'vitest';
import { dispatchIpc } from '../../src/core/app/dispatch';
import { DEMO_ACCOUNT } from '../../src/core/hka/simulator';
import { screenshot } from './fixtures/checkout-page';
import { chromiumAvailable } from './fixtures/chromium';
import { settingsSuite } from './fixtures/settings-suite';

describe.skipIf(!chromiumAvailable())(
  "the settings panel's HKA connection, in Chromium through the web host",
  { timeout: 90_000 },
  () => {
    const suite = settingsSuite();

    it('saves the HKA credentials write-only, asks before changing them with documents waiting, and tests the connection', async () => {
      const { page, sim, host } = suite.reg;
      await page.getByTestId('settings-tab-hka').click();
      const section = page.getByTestId('settings-section-hka');
      await section.getByTestId('hka-environment').waitFor();

      // A document waiting for HKA (its Enviar fails for now; FoliosRestantes still answers): every change of the
      // connection asks for a confirmation first.
      sim.faults.inject({ kind: 'http500', operation: 'Enviar' });
      const sale = await dispatchIpc(host.core.ipc, 'sales:complete', {
        draft: {
          tipoDocumento: '01',
          cliente: { tipoClienteFE: '02', pais: 'PA' },
          tiempoPago: '1',
          items: [
            {
              codigo: 'P016',
              descripcion: 'Pilas AA (4 unidades)',
              cantidad: '1',
              precioUnitario: '3.80',
              tasaItbms: '01',
            },
          ],
          pagos: [{ formaPagoFact: '02', valorCuotaPagada: '5.00' }],
        },
      });
      expect(sale.ok).toBe(true);
      const saveConfirmed = async (): Promise<void> => {
        await section.getByTestId('hka-save').click();
        const confirm = page.getByTestId('hka-confirm-queued');
        await confirm.waitFor();
        expect(await confirm.textContent()).toContain('Hay 1 documento(s) esperando su envío a HKA');
        await confirm.getByTestId('hka-confirm').click();
        await expect.poll(() => section.getByTestId('hka-outcome').textContent()).toBe('Cambios guardados.');
      };

      // Wrong tokens: saved (write-only), but "Probar conexión" gets HKA's refusal and invoicing stays disabled.
      await section.getByTestId('hka-environment').selectOption('demo');
      await section.getByTestId('hka-endpoint').fill(sim.endpoint);
      await section.getByTestId('hka-tokenEmpresa').fill('token-equivocado-0001');
      await section.getByTestId('hka-tokenPassword').fill('clave-equivocada-0002');
      await saveConfirmed();
      await section.getByTestId('hka-test').click();
      await expect
        .poll(() => section.getByTestId('hka-test-error').textContent(), { timeout: 15_000 })
        .toMatch(/^HKA rechazó las credenciales/);
      expect(await section.getByTestId('hka-invoicing-disabled').isVisible()).toBe(true);

      await section.getByTestId('hka-tokenEmpresa').fill(DEMO_ACCOUNT.tokenEmpresa);
      await section.getByTestId('hka-tokenPassword').fill(DEMO_ACCOUNT.tokenPassword);
      await saveConfirmed();
      await sim.faults.clear();

      // Only "configurado" and the last four characters come back; the typed values are gone from the form.
      expect(await section.getByTestId('hka-tokenEmpresa-state').textContent()).toBe(
        `configurado ··${DEMO_ACCOUNT.tokenEmpresa.slice(-4)}`,
      );
      expect(await section.getByTestId('hka-tokenPassword-state').textContent()).toBe(
        `configurado ··${DEMO_ACCOUNT.tokenPassword.slice(-4)}`,
      );
      expect(await section.getByTestId('hka-tokenEmpresa').inputValue()).toBe('');
      expect(await section.getByTestId('hka-tokenPassword').inputValue()).toBe('');
      expect(await section.getByTestId('hka-invoicing-disabled').isVisible()).toBe(true);
      expect(await section.getByTestId('hka-restart-needed').isVisible()).toBe(true);
      // Restarting onto Demo's data set is the training-separation test's (tests/e2e/training-data-set.test.ts).

      await section.getByTestId('hka-test').click();
      const result = section.getByTestId('hka-test-result');
      await result.waitFor({ timeout: 15_000 });
      expect(await result.getByTestId('hka-test-licencia').textContent()).toBe(DEMO_ACCOUNT.licencia);
      expect(Number(await result.getByTestId('hka-test-foliosDisponibles').textContent())).toBeGreaterThan(0);
      expect(await result.getByTestId('hka-test-foliosTotales').textContent()).toBe(
        String(DEMO_ACCOUNT.foliosTotalesCiclo),
      );
      await expect.poll(() => section.getByTestId('hka-invoicing-disabled').count()).toBe(0); // verified: invoicing allowed
      await screenshot(page, 'settings-hka');

      // The renderer never received a token: not in any IPC answer, not in storage, not in the page.
      const storage = await page.evaluate(
        () => JSON.stringify({ ...window.localStorage }) + JSON.stringify({ ...window.sessionStorage }),
      );
      const html = await page.evaluate(() => document.body.innerHTML);
      expect(suite.ipcBodies.some((body) => body.includes('"tokenEmpresa":{"configured":true'))).toBe(true); // the scan sees the answers
      for (const secret of [
        DEMO_ACCOUNT.tokenEmpresa,
        DEMO_ACCOUNT.tokenPassword,
        'token-equivocado-0001',
        'clave-equivocada-0002',
      ]) {
        for (const body of suite.ipcBodies) expect(body).not.toContain(secret);
        expect(storage).not.toContain(secret);
        expect(html).not.toContain(secret);
      }
    });
  },
);
