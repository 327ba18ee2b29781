// Acceptance (roles): a cashier cannot open the settings; a gerente can, after typing the PIN over the cashier's
// session. Five wrong PINs lock the user for a while, said in Spanish with the time the lock ends; locking the
// register keeps the sale in progress and the scanner focus. First launch (no user yet) forces the first manager.
// Real core, SQLite file and HKA simulator; Debian's Chromium through the web host.
import { describe, expect, it } from 'vitest';
import { answerManagerPrompt, signInAs } from './fixtures/auth-page';
import { scan, screenshot, waitForCheckout, startNewSale } from './fixtures/checkout-page';
import { chromiumAvailable } from './fixtures/chromium';
import { e2eSuite } from './fixtures/e2e-suite';
import { E2E_USERS, type E2eRegister } from './fixtures/web-register';
import { ipcOk } from '../fixtures/register-users';

const PANAMA_HHMM = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'America/Panama',
});

const userCount = (reg: E2eRegister): number =>
  (reg.host.core.store.sqlite.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;

describe.skipIf(!chromiumAvailable())(
  'sign-in, lock and the manager over a cashier, in Chromium',
  { timeout: 90_000 },
  () => {
    /** The register's clock runs this far ahead of the real one (a test moves it past the lock). */
    let aheadMs = 0;

    const suite = e2eSuite({ users: 'seeded', signedInAs: 'cajero', clock: () => new Date(Date.now() + aheadMs) });

    it('refuses the settings to a cashier and opens them to a gerente after the PIN', async () => {
      const { page } = suite.reg;
      await waitForCheckout(page);
      expect(await page.getByTestId('header-user').textContent()).toContain(E2E_USERS.cajero.displayName);

      await page.getByTestId('nav-settings').click();
      const refused = page.getByTestId('settings-refused');
      await refused.waitFor();
      expect(await refused.getByRole('alert').textContent()).toBe('Solo un gerente puede abrir la configuración.');
      expect(await page.getByTestId('settings-screen').count()).toBe(0);

      // A wrong PIN is refused in Spanish and the prompt stays for another try.
      await refused.getByTestId('settings-manager-signin').click();
      await answerManagerPrompt(page, '0000');
      expect(await page.getByTestId('manager-pin-error').textContent()).toBe('Usuario o PIN incorrecto');
      expect(await page.getByTestId('manager-pin').inputValue()).toBe(''); // the PIN is not kept
      await screenshot(page, 'manager-pin-prompt');
      await answerManagerPrompt(page);
      await page.getByTestId('settings-screen').waitFor();
      expect(await page.getByTestId('header-user').textContent()).toContain(E2E_USERS.gerente.displayName);
      expect(await page.getByTestId('settings-tab-hka').isVisible()).toBe(true);

      // "Bloquear" hands the register back: the cashier starts on their own home screen (the till, not the gerente's
      // settings: decision 0013) and is refused the settings again.
      await page.getByTestId('lock-button').click();
      await page.getByTestId('signin-screen').waitFor();
      await signInAs(page, 'cajero');
      await waitForCheckout(page);
      expect(await page.getByTestId('settings-refused').count()).toBe(0);
      await page.getByTestId('nav-settings').click();
      await page.getByTestId('settings-refused').waitFor();
      expect(await page.getByTestId('settings-screen').count()).toBe(0);
    });

    it('keeps the sale in progress and the scanner focus across a lock', async () => {
      const { page } = suite.reg;
      await startNewSale(page);
      await scan(page, 'P001');
      await expect.poll(() => page.getByTestId('cart-line').count()).toBe(1);

      await page.getByTestId('lock-button').click();
      await page.getByTestId('signin-screen').waitFor();
      expect(await page.getByTestId('product-search').isVisible()).toBe(false);
      await page.keyboard.press('F4'); // no checkout shortcut works behind the lock screen
      await signInAs(page, 'cajero');
      await waitForCheckout(page);
      expect(await page.getByTestId('payment-dialog').count()).toBe(0);
      expect(await page.getByTestId('cart-line').count()).toBe(1);
      await scan(page, 'P001'); // the scanner types into the search field again
      await expect
        .poll(() => page.getByTestId('cart-line').first().getByTestId('line-total').textContent())
        .toBe('B/. 6.50');
    });

    it('locks a user after five wrong PINs, says until when in Spanish, and lets them in once the lock ends', async () => {
      const { page } = suite.reg;
      await page.getByTestId('lock-button').click();
      const screen = page.getByTestId('signin-screen');
      await screen.waitFor();
      for (let i = 1; i <= 4; i++) {
        await signInAs(page, 'gerente', '9999');
        await expect.poll(() => screen.getByTestId('signin-error').textContent()).toBe('Usuario o PIN incorrecto');
      }
      await signInAs(page, 'gerente', '9999');
      const error = screen.getByTestId('signin-error');
      await expect
        .poll(() => error.textContent())
        .toMatch(
          /^Usuario bloqueado por demasiados intentos; intente de nuevo en 5 min\. Bloqueado hasta las \d\d:\d\d\.$/,
        );
      // The time shown is the lock's end as the core stored it, in the till's time zone (Panamá).
      const { until } = suite.reg.host.core.store.sqlite
        .prepare("SELECT locked_until AS until FROM users WHERE username = 'gerente'")
        .get() as { until: number };
      expect(until - Date.now()).toBeGreaterThan(4 * 60_000);
      expect(await error.textContent()).toContain(`Bloqueado hasta las ${PANAMA_HHMM.format(new Date(until))}.`);
      expect(await screen.getByTestId('signin-user-gerente').textContent()).toContain('Bloqueado hasta las');
      await screenshot(page, 'signin-locked');

      // Even the right PIN is refused while the lock lasts.
      await signInAs(page, 'gerente');
      await expect
        .poll(() => screen.getByTestId('signin-error').textContent())
        .toContain('Usuario bloqueado por demasiados intentos');
      expect(await page.getByTestId('header-user').isVisible()).toBe(false);

      aheadMs = 6 * 60_000; // the register's clock passes the end of the lock
      await signInAs(page, 'gerente');
      await waitForCheckout(page);
      expect(await page.getByTestId('header-user').textContent()).toContain(E2E_USERS.gerente.displayName);
    });
  },
);

describe.skipIf(!chromiumAvailable())('first launch, in Chromium', { timeout: 90_000 }, () => {
  const suite = e2eSuite({ users: 'none' });

  it('asks for the first manager before anything else, and cannot be skipped', async () => {
    const { page } = suite.reg;
    const setup = page.getByTestId('setup-screen');
    await setup.waitFor();
    for (const key of ['Escape', 'F2', 'F4', 'F10']) await page.keyboard.press(key);
    expect(await setup.isVisible()).toBe(true);
    expect(await page.getByTestId('nav-settings').count()).toBe(0);
    expect(await page.getByTestId('product-search').count()).toBe(0);

    await setup.getByTestId('setup-displayName').fill('Gabriela Gerente');
    await setup.getByTestId('setup-username').fill('gabriela');
    await setup.getByTestId('setup-pin').fill('2468');
    await setup.getByTestId('setup-pin-confirm').fill('2469');
    await setup.getByTestId('setup-submit').click();
    expect(await setup.getByTestId('setup-error').textContent()).toBe('Los dos PIN no coinciden.');
    await setup.getByTestId('setup-username').fill('g'); // the contract's rule, in Spanish
    await setup.getByTestId('setup-pin-confirm').fill('2468');
    await setup.getByTestId('setup-submit').click();
    await expect
      .poll(() => setup.getByTestId('setup-error').textContent())
      .toContain('El usuario debe tener de 2 a 30 letras');
    expect(userCount(suite.reg)).toBe(0);
    await screenshot(page, 'first-manager-setup');

    await setup.getByTestId('setup-username').fill('gabriela');
    await setup.getByTestId('setup-pin-confirm').press('Enter');
    await waitForCheckout(page);
    expect(userCount(suite.reg)).toBe(1);
    expect(await page.getByTestId('header-user').textContent()).toContain('Gabriela Gerente');
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-screen').waitFor(); // the first manager goes straight in
  });

  it("locks a gerente's session after five quiet minutes; a key pressed meanwhile starts the count again", async () => {
    const { page } = suite.reg;
    await page.clock.install();
    await page.keyboard.press('Shift'); // activity: the idle timer is armed again, now on the page's fake clock
    await page.clock.fastForward('04:30');
    await page.keyboard.press('Shift');
    await page.clock.fastForward('04:30');
    expect(await page.getByTestId('signin-screen').count()).toBe(0);
    await page.clock.fastForward('00:31');
    await page.getByTestId('signin-screen').waitFor();
    expect(await ipcOk(suite.reg.host.core.ipc, 'auth:session', {})).toMatchObject({ user: null });
  });
});
