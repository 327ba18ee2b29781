// Acceptance (settings panel): HKA credentials saved → "Probar conexión" shows the simulator's folios, and the
// renderer never receives the token values (every IPC response, the page's storage and its HTML are scanned). A
// CSV with 2 bad rows out of 10 reports both rows and imports nothing by default, then "Importar solo las filas
// válidas" imports the 8 good ones (counted in the database). Also the issuer's DV check as it is typed and the
// contingency reason rule. A gerente is signed in; real core, SQLite file, HKA simulator, Debian's Chromium.
import { describe, expect, it } from 'vitest';
import { dispatchIpc } from '../../src/core/app/dispatch';
import { DEMO_ACCOUNT } from '../../src/core/hka/simulator';
import { recordIpcResponses, signInAs } from './fixtures/auth-page';
import { openDocument, sell } from './fixtures/backoffice-steps';
import { screenshot, waitForCheckout } from './fixtures/checkout-page';
import { chromiumAvailable } from './fixtures/chromium';
import { e2eSuite } from './fixtures/e2e-suite';

// Ten data rows; file lines 4 (price with a comma) and 9 (unknown ITBMS rate) are bad.
const PRODUCTS_CSV = [
  'codigo,barcode,descripcion,unidad,precio,tasaItbms',
  'CSV1,7501000000011,Arroz Blanco 5 lb,und,4.25,01',
  'CSV2,,"Aceite, 1 litro",und,3.10,01',
  'CSV3,,Azúcar 2 lb,und,"1,95",01',
  'CSV4,,"Leche ""entera"" 1 L",und,1.20,00',
  'CSV5,,Pan molde,und,2.50,00',
  'CSV6,,Café 425 g,und,6.75,01',
  'CSV7,,Cerveza lata,und,0.95,02',
  'CSV8,,Cigarrillos,paq,5.00,7',
  'CSV9,,Jabón de baño,und,0.80,01',
  'CSV10,,Detergente 1 kg,und,3.45,01',
].join('\r\n');

// Ten customers; file lines 3 (DV that does not match the RUC) and 7 (unknown customer type) are bad.
const CUSTOMERS_CSV = [
  'tipoCliente,identificacion,dv,tipoContribuyente,nombre,direccion,correo',
  '02,,,,Consumidor Uno,,',
  '01,155596713-2-2015,12,2,THE FACTORY HKA CORP,"Ave. La Paz, Panamá",',
  '02,,,,Consumidor Dos,,',
  '02,,,,Consumidor Tres,,',
  '02,,,,Consumidor Cuatro,,',
  '09,,,,Tipo Inexistente,,',
  '02,,,,Consumidor Cinco,,',
  '02,,,,Consumidor Seis,,',
  '02,,,,Consumidor Siete,,',
  '02,,,,Consumidor Ocho,,cliente8@example.com',
].join('\n');

describe.skipIf(!chromiumAvailable())(
  'the settings panel, in Chromium through the web host',
  { timeout: 90_000 },
  () => {
    let ipcBodies: string[];
    /** The register's clock runs this far ahead of the real one (the contingency test crosses 72 hours). */
    let aheadMs = 0;

    const suite = e2eSuite(
      { users: 'seeded', signedInAs: 'gerente', clock: () => new Date(Date.now() + aheadMs) },
      async (reg) => {
        ipcBodies = recordIpcResponses(reg.page);
        await reg.page.reload(); // from the first request on, every IPC answer is recorded
        await waitForCheckout(reg.page);
        await reg.page.getByTestId('nav-settings').click();
        await reg.page.getByTestId('settings-screen').waitFor();
      },
    );

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
      expect(ipcBodies.some((body) => body.includes('"tokenEmpresa":{"configured":true'))).toBe(true); // the scan sees the answers
      for (const secret of [
        DEMO_ACCOUNT.tokenEmpresa,
        DEMO_ACCOUNT.tokenPassword,
        'token-equivocado-0001',
        'clave-equivocada-0002',
      ]) {
        for (const body of ipcBodies) expect(body).not.toContain(secret);
        expect(storage).not.toContain(secret);
        expect(html).not.toContain(secret);
      }
    });

    it('reports both bad rows of a 10-row CSV and imports nothing, then imports the 8 valid rows on request', async () => {
      const { page } = suite.reg;
      await page.getByTestId('settings-tab-catalog').click();
      const importer = page.getByTestId('catalog-import');
      const before = suite.reg.count('products');
      await importer
        .getByTestId('catalog-import-file')
        .setInputFiles({ name: 'productos.csv', mimeType: 'text/csv', buffer: Buffer.from(PRODUCTS_CSV) });

      const errors = importer.getByTestId('catalog-import-errors').locator('li');
      await expect.poll(() => errors.count()).toBe(2);
      expect(await errors.nth(0).textContent()).toMatch(/^Fila 4: el precio "1,95" no es válido/);
      expect(await errors.nth(1).textContent()).toMatch(/^Fila 9: la tasa de ITBMS "7" no es válida/);
      expect(await importer.getByTestId('catalog-import-outcome').textContent()).toBe(
        'No se importó nada: 2 de 10 filas tienen errores.',
      );
      expect(suite.reg.count('products')).toBe(before);
      await screenshot(page, 'settings-csv-errors');

      await importer.getByTestId('catalog-import-valid-rows').click();
      await expect
        .poll(() => importer.getByTestId('catalog-import-outcome').textContent())
        .toBe('Se importaron 8 de 10 filas.');
      expect(suite.reg.count('products')).toBe(before + 8);
      await page.getByTestId('catalog-search').fill('CSV');
      await expect.poll(() => page.getByTestId('catalog-row').count()).toBe(8);
    });

    it('imports customers the same way: both bad rows reported, nothing imported until asked', async () => {
      const { page } = suite.reg;
      await page.getByTestId('settings-tab-customers').click();
      const importer = page.getByTestId('customers-import');
      const before = suite.reg.count('customers');
      await importer
        .getByTestId('customers-import-file')
        .setInputFiles({ name: 'clientes.csv', mimeType: 'text/csv', buffer: Buffer.from(CUSTOMERS_CSV) });
      const errors = importer.getByTestId('customers-import-errors').locator('li');
      await expect.poll(() => errors.count()).toBe(2);
      expect(await errors.nth(0).textContent()).toMatch(/^Fila 3: /);
      expect(await errors.nth(1).textContent()).toMatch(/^Fila 7: el tipo de cliente "09" no es válido/);
      expect(suite.reg.count('customers')).toBe(before);

      await importer.getByTestId('customers-import-valid-rows').click();
      await expect
        .poll(() => importer.getByTestId('customers-import-outcome').textContent())
        .toBe('Se importaron 8 de 10 filas.');
      expect(suite.reg.count('customers')).toBe(before + 8);
      await page.getByTestId('customers-search').fill('Consumidor');
      await expect.poll(() => page.getByTestId('customers-row').count()).toBe(8);
    });

    it('adds a product by hand, refusing a price that is not a number', async () => {
      const { page } = suite.reg;
      await page.getByTestId('settings-tab-catalog').click();
      const before = suite.reg.count('products');
      await page.getByTestId('catalog-new').click();
      const editor = page.getByTestId('product-editor');
      await editor.getByTestId('product-editor-codigo').fill('MAN1');
      await editor.getByTestId('product-editor-descripcion').fill('Galletas de soda');
      await editor.getByTestId('product-editor-precio').fill('uno');
      await editor.getByTestId('product-editor-save').click();
      expect(await editor.locator('.field-error').textContent()).toBe('Escriba un número, por ejemplo 2 o 1.50.');
      expect(suite.reg.count('products')).toBe(before);
      await editor.getByTestId('product-editor-precio').fill('1,25');
      await editor.getByTestId('product-editor-save').click();
      await expect.poll(() => page.getByTestId('catalog-saved').textContent()).toBe('Producto MAN1 guardado.');
      expect(suite.reg.count('products')).toBe(before + 1);
      const saved = await dispatchIpc(suite.reg.host.core.ipc, 'catalog:lookup', { code: 'MAN1' });
      expect(saved).toMatchObject({
        ok: true,
        value: { precio: '1.25', descripcion: 'Galletas de soda', tasaItbms: '01' },
      });
    });

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

      await page.getByTestId('settings-tab-audit').click();
      await expect
        .poll(() => page.getByTestId('audit-row').filter({ hasText: 'MINI SUPER EL AHORRO' }).count())
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
      aheadMs = 73 * 3_600_000;
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
