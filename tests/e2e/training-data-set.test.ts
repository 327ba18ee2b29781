// Acceptance (issue 11 §3), in Chromium through the web host: ten training sales, then the manager switches the
// register to Demo in Configuración › HKA (another simulator stands in for HKA Demo), tests the connection and
// restarts; the page comes back on Demo's data set. Three sales later the documents list, the Z and Demo's HKA know
// three documents, numbered from 1, and the training banner is gone. Training's ten stay in training.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchIpc } from '../../src/core/app/dispatch';
import { DEMO_ACCOUNT, startHkaSimulator, type HkaSimulator } from '../../src/core/hka/simulator';
import { answerManagerPrompt, signInAs } from './fixtures/auth-page';
import { sell } from './fixtures/backoffice-steps';
import { screenshot, waitForCheckout } from './fixtures/checkout-page';
import { chromiumAvailable } from './fixtures/chromium';
import { e2eSuite } from './fixtures/e2e-suite';

const BREAD = [
  { codigo: 'P100', descripcion: 'Pan de molde', cantidad: '1', precioUnitario: '2.00', tasaItbms: '00' as const },
];
const CASH = [{ formaPagoFact: '02', valorCuotaPagada: '2.00' }];

describe.skipIf(!chromiumAvailable())('training and Demo in Chromium: separate data sets', { timeout: 120_000 }, () => {
  let demoHka: HkaSimulator;
  beforeAll(async () => {
    demoHka = await startHkaSimulator();
  });
  afterAll(async () => {
    await demoHka?.close();
  });

  const suite = e2eSuite({ users: 'seeded', signedInAs: 'gerente' }, async (reg) => {
    await waitForCheckout(reg.page);
  });

  const unauthorised = () =>
    (
      suite.reg.host.core.store.sqlite
        .prepare("SELECT count(*) AS n FROM documents WHERE status <> 'AUTHORIZED'")
        .get() as { n: number }
    ).n;

  it('ten training sales, a switch to Demo from the settings panel, three sales: Demo shows three', async () => {
    const { page, host, sim: training } = suite.reg;
    expect(await page.getByTestId('training-banner').isVisible()).toBe(true);
    for (let i = 0; i < 10; i++) await sell(suite.reg, BREAD, CASH);
    await expect.poll(unauthorised, { timeout: 20_000 }).toBe(0);

    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-tab-hka').click();
    const section = page.getByTestId('settings-section-hka');
    await section.getByTestId('hka-environment').selectOption('demo');
    expect(await section.getByTestId('hka-data-set-notice').textContent()).toContain(
      'Cada ambiente tiene sus propios datos',
    );
    await section.getByTestId('hka-endpoint').fill(demoHka.endpoint);
    await section.getByTestId('hka-tokenEmpresa').fill(DEMO_ACCOUNT.tokenEmpresa);
    await section.getByTestId('hka-tokenPassword').fill(DEMO_ACCOUNT.tokenPassword);
    await section.getByTestId('hka-save').click();
    await expect.poll(() => section.getByTestId('hka-outcome').textContent()).toBe('Cambios guardados.');
    await section.getByTestId('hka-test').click();
    await section.getByTestId('hka-test-result').waitFor({ timeout: 15_000 });
    await screenshot(page, 'settings-switch-to-demo');

    // "Reiniciar ahora": the web host restarts its core onto Demo's data set and the page reloads onto it.
    const before = host.core;
    await section.getByTestId('hka-restart').click();
    if (await page.getByTestId('manager-pin-dialog').isVisible()) await answerManagerPrompt(page);
    expect(await section.getByTestId('hka-restart-message').textContent()).toContain('Reiniciando');
    await expect.poll(() => host.core !== before, { timeout: 20_000 }).toBe(true); // reassigned once the new core is up
    await page.getByTestId('signin-screen').waitFor({ timeout: 20_000 }); // the page reloaded onto it
    expect(host.core.environment).toBe('demo');
    await signInAs(page, 'gerente'); // the users came along with the store's setup
    await waitForCheckout(page);
    expect(await page.getByTestId('training-banner').count()).toBe(0);

    const sold = [];
    for (let i = 0; i < 3; i++) sold.push(await sell(suite.reg, BREAD, CASH));
    expect(sold.map((s) => s.numero)).toEqual([1, 2, 3]); // training consumed no Demo number
    await expect.poll(unauthorised, { timeout: 20_000 }).toBe(0);
    expect(demoHka.ledger()).toHaveLength(3);
    expect(training.ledger()).toHaveLength(10);

    await page.getByTestId('nav-documents').click();
    await expect.poll(() => page.getByTestId('documents-total').textContent()).toBe('3 documentos');
    const z = await dispatchIpc(host.core.ipc, 'reports:closeShift', { countedCash: '6.00' });
    expect(z).toMatchObject({
      ok: true,
      value: { closed: true, report: { counts: { total: 3 }, salesTotal: '6.00' } },
    });
    await screenshot(page, 'demo-documents-after-training');
  });
});
