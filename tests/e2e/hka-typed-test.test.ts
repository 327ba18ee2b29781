// Acceptance (issue 18), in Chromium through the web host: "Probar conexión" tests what the form holds. Wrong typed
// tokens report HKA's refusal; right ones report success as typed values not yet saved, and nothing is verified
// until "Guardar" stores exactly those values — then the connection is verified without testing again.
import { describe, expect, it } from 'vitest';
import { dispatchIpc } from '../../src/core/app/dispatch';
import { DEMO_ACCOUNT } from '../../src/core/hka/simulator';
import { waitForCheckout } from './fixtures/checkout-page';
import { chromiumAvailable } from './fixtures/chromium';
import { e2eSuite } from './fixtures/e2e-suite';

describe.skipIf(!chromiumAvailable())('"Probar conexión" on typed values, in Chromium', { timeout: 90_000 }, () => {
  const suite = e2eSuite({ users: 'seeded', signedInAs: 'gerente' }, async (reg) => {
    await waitForCheckout(reg.page);
  });

  it('tests the typed tokens, and verifies only what is then saved', async () => {
    const { page, host, sim } = suite.reg;
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-tab-hka').click();
    const section = page.getByTestId('settings-section-hka');
    await section.getByTestId('hka-environment').selectOption('demo');
    await section.getByTestId('hka-endpoint').fill(sim.endpoint);
    await section.getByTestId('hka-tokenEmpresa').fill('token-equivocado-0001');
    await section.getByTestId('hka-tokenPassword').fill('clave-equivocada-0002');
    await section.getByTestId('hka-test').click();
    await expect
      .poll(() => section.getByTestId('hka-test-error').textContent(), { timeout: 15_000 })
      .toMatch(/^HKA rechazó las credenciales/);

    await section.getByTestId('hka-tokenEmpresa').fill(DEMO_ACCOUNT.tokenEmpresa);
    await section.getByTestId('hka-tokenPassword').fill(DEMO_ACCOUNT.tokenPassword);
    await section.getByTestId('hka-test').click();
    await section.getByTestId('hka-test-result').waitFor({ timeout: 15_000 });
    expect(await section.getByTestId('hka-test-values').textContent()).toContain(
      'Se probaron los datos escritos, aún sin guardar',
    );
    // Nothing saved, nothing verified yet.
    expect(await dispatchIpc(host.core.ipc, 'settings:hka', {})).toMatchObject({
      ok: true,
      value: { environment: 'simulador', verifiedAt: null },
    });

    await section.getByTestId('hka-save').click();
    await expect.poll(() => section.getByTestId('hka-outcome').textContent()).toBe('Cambios guardados.');
    expect(await dispatchIpc(host.core.ipc, 'settings:hka', {})).toMatchObject({
      ok: true,
      value: { environment: 'demo', invoicingAllowed: true },
    });
    expect(await section.getByTestId('hka-invoicing-disabled').count()).toBe(0);
    expect(await section.textContent()).toContain('Conexión verificada');
  });
});
