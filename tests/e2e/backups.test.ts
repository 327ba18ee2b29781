// Acceptance (backups): a gerente opens Configuración › Copias de seguridad, is told when the folder cannot take
// copies, names a writable one, presses "Crear copia ahora", and sees the copy listed in both places as verified
// with its document count; then restores the copy (typing RESTAURAR) and the sale made after it is gone while the
// register keeps selling. Real core, SQLite file, HKA simulator, Debian's Chromium through the web host.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sell } from './fixtures/backoffice-steps';
import { screenshot, waitForCheckout } from './fixtures/checkout-page';
import { chromiumAvailable } from './fixtures/chromium';
import { e2eSuite } from './fixtures/e2e-suite';

const LINE = {
  codigo: 'P001',
  descripcion: 'Arroz blanco 5 lb',
  cantidad: '1',
  precioUnitario: '3.25',
  tasaItbms: '00',
} as const;
const CASH = [{ formaPagoFact: '02', valorCuotaPagada: '5.00' }];

describe.skipIf(!chromiumAvailable())('backups, in Chromium through the web host', { timeout: 90_000 }, () => {
  const usb = mkdtempSync(join(tmpdir(), 'sago-e2e-usb-'));
  afterAll(() => rmSync(usb, { recursive: true, force: true }));

  const suite = e2eSuite({ users: 'seeded', signedInAs: 'gerente' }, async (reg) => {
    await waitForCheckout(reg.page);
    await reg.page.getByTestId('nav-settings').click();
    await reg.page.getByTestId('settings-screen').waitFor();
  });

  it('the manager creates a backup in settings and it is listed, verified, in both folders; a restore brings it back', async () => {
    const reg = suite.reg;
    const { page } = reg;
    await sell(reg, [LINE], CASH);
    await page.getByTestId('settings-tab-backups').click();
    const section = page.getByTestId('settings-section-backups');
    await section.getByTestId('backups-empty').waitFor();

    await section.getByTestId('backups-folder').fill(join(usb, 'no-conectada'));
    await section.getByTestId('backups-save').click();
    await expect
      .poll(() => section.getByTestId('backups-outcome').textContent())
      .toContain('no existe o no está conectada');

    await section.getByTestId('backups-folder').fill(usb);
    await section.getByTestId('backups-keep').fill('5');
    await section.getByTestId('backups-save').click();
    await expect.poll(() => section.getByTestId('backups-outcome').textContent()).toBe('Cambios guardados.');

    await section.getByTestId('backups-create').click();
    await expect
      .poll(() => section.getByTestId('backups-outcome').textContent())
      .toBe('Copia creada (local, externa).');
    const rows = section.getByTestId('backup-row');
    await expect.poll(() => rows.count()).toBe(2);
    for (const row of await rows.all()) {
      const text = await row.textContent();
      expect(text).toContain('Manual');
      expect(await row.getByTestId('backup-verified').textContent()).toBe('✓');
    }
    expect(await rows.allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('local'), expect.stringContaining('externa')]),
    );
    await screenshot(page, 'backups-listed');

    // A sale after the copy, then the copy restored: the register goes back to one document and keeps selling.
    await sell(reg, [LINE], CASH);
    expect(reg.count('documents')).toBe(2);
    await rows.first().getByTestId('backup-restore').click();
    const dialog = page.getByTestId('restore-dialog');
    expect(await dialog.getByTestId('restore-confirm').isDisabled()).toBe(true);
    await dialog.getByTestId('restore-word').fill('RESTAURAR');
    await dialog.getByTestId('restore-confirm').click();
    await expect
      .poll(() => dialog.getByTestId('restore-outcome').textContent())
      .toContain('2 documentos antes, 1 ahora');
    expect(reg.count('documents')).toBe(1);
    await sell(reg, [LINE], CASH);
    expect(reg.count('documents')).toBe(2);
  });
});
