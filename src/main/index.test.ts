// The composition root with a mocked `electron` (no binary here) and the real register core on a temporary userData:
// the single-instance lock, the window's security, every contract entry registered and served, events reaching the
// window, and a clean shutdown that holds the quit until the core has closed.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { waitFor } from '../../tests/fixtures/register-harness';
import { openDatabase } from '../core/store/open-database';
import { CHANNELS } from '../shared/ipc/channels';

const { fake, fakeElectron, FakeElectronStore } = await vi.hoisted(() => import('../../tests/fixtures/electron-fake'));
vi.mock('electron', () => fakeElectron());
vi.mock('electron-store', () => ({ default: FakeElectronStore }));

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const emitApp = (event: string, ...args: unknown[]) => {
  for (const listener of fake.appListeners.get(event) ?? []) listener(...args);
};

/** A userData whose register file is one migration behind this version (the last shipped one, an index, taken out). */
function userDataOneMigrationBehind(): string {
  const userData = mkdtempSync(join(tmpdir(), 'sago-userdata-'));
  const file = openDatabase({ path: join(userData, 'sago-simulador.sqlite') });
  file.sqlite.exec(`DROP INDEX audit_log_unsealed;
    DELETE FROM __drizzle_migrations WHERE created_at = (SELECT max(created_at) FROM __drizzle_migrations)`);
  file.close();
  return userData;
}

async function launch(lock: boolean, userData?: string, arrange?: () => void): Promise<void> {
  vi.resetModules();
  Object.assign(fake, {
    lock,
    quit: 0,
    relaunch: 0,
    windows: [],
    handlers: new Map(),
    appListeners: new Map(),
    errorBoxes: [],
    exitCodes: [],
    failUpdatingWindow: false,
  });
  fake.userData = userData ?? mkdtempSync(join(tmpdir(), 'sago-userdata-'));
  dirs.push(fake.userData);
  arrange?.();
  await import('./index');
}

const FIRST_GERENTE = { username: 'gerente', displayName: 'Gabriela Gerente', pin: '2468' };

describe('desktop composition root', () => {
  it('a start that fails shows the manager an error box in Spanish with the log folder, then exits (was: log only)', async () => {
    // The register's database file is not a database (a damaged disk, a file copied over it): the core cannot open it.
    const userData = mkdtempSync(join(tmpdir(), 'sago-userdata-'));
    writeFileSync(join(userData, 'sago-simulador.sqlite'), 'this is not a SQLite database '.repeat(200));
    await launch(true, userData);
    await waitFor(() => fake.exitCodes.length > 0);
    expect(fake.exitCodes).toEqual([1]);
    expect(fake.errorBoxes).toHaveLength(1);
    expect(fake.errorBoxes[0]?.title).toBe('SAGO-FACTU no pudo iniciar');
    expect(fake.errorBoxes[0]?.body).toContain(join(userData, 'logs'));
    expect(fake.windows).toHaveLength(0);
  });

  it('after an update, says the database is being updated while its migrations run on a worker, until the till shows', async () => {
    const userData = userDataOneMigrationBehind();
    await launch(true, userData);
    await waitFor(() => fake.windows.length === 2, 20_000, 'the updating window, then the till');
    const [updating, till] = fake.windows;
    expect(updating?.options).toMatchObject({
      closable: false,
      webPreferences: { sandbox: true, contextIsolation: true },
    });
    expect(updating?.options.webPreferences['preload']).toBeUndefined();
    expect(decodeURIComponent(updating?.loaded ?? '')).toContain('Actualizando la base de datos');
    expect(readdirSync(join(userData, 'backups')).some((f) => f.endsWith('-migration.sqlite'))).toBe(true);
    const status = await fake.handlers.get('app:status')!(
      { sender: till?.webContents, senderFrame: till?.webContents.mainFrame },
      {},
    );
    expect(status).toMatchObject({ ok: true });
    expect(updating?.destroyed).toBe(false); // until the till's window is ready to show
    till?.emit?.('ready-to-show');
    expect(till?.show).toHaveBeenCalled();
    expect(updating?.destroyed).toBe(true);
    expect(fake.errorBoxes).toEqual([]);
  });

  it('updates the database and starts the till when the updating window cannot be opened', async () => {
    const userData = userDataOneMigrationBehind();
    await launch(true, userData, () => void (fake.failUpdatingWindow = true));
    await waitFor(() => fake.windows.length === 1, 20_000, "the till's window");
    const [till] = fake.windows;
    expect(till?.options.webPreferences['preload']).toBeDefined();
    expect(readdirSync(join(userData, 'backups')).some((f) => f.endsWith('-migration.sqlite'))).toBe(true);
    const trusted = { sender: till?.webContents, senderFrame: till?.webContents.mainFrame };
    expect(await fake.handlers.get('app:status')!(trusted, {})).toMatchObject({ ok: true });
    expect(fake.errorBoxes).toEqual([]);
  });

  it('opens no updating window when nothing is to migrate', async () => {
    await launch(true);
    await waitFor(() => fake.windows.length === 1, 10_000, 'the window');
    expect(fake.windows[0]?.options.webPreferences['preload']).toBeDefined(); // the till's, not the updating window
  });

  it('quits at once when another instance holds the lock (two windows would race for fiscal numbers)', async () => {
    await launch(false);
    expect(fake.quit).toBe(1);
    expect(fake.handlers.size).toBe(0);
    expect(fake.windows).toHaveLength(0);
  });

  it('wires core, IPC and a hardened window, serves the contract, and shuts down cleanly', async () => {
    await launch(true);
    await waitFor(() => fake.windows.length === 1, 10_000, 'the window');
    expect([...fake.handlers.keys()].sort()).toEqual([...CHANNELS].sort());
    const [window] = fake.windows;
    expect(window?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
    });
    expect(String(window?.options.webPreferences['preload'])).toMatch(/preload[/\\]index\.cjs$/);
    expect(window?.loaded).toMatch(/renderer[/\\]index\.html$/);
    expect(fake.appListeners.has('web-contents-created')).toBe(true);

    const trusted = { sender: window?.webContents, senderFrame: window?.webContents.mainFrame };
    const status = await fake.handlers.get('app:status')!(trusted, {});
    expect(status).toMatchObject({ ok: true, value: { environment: 'simulador', trainingMode: true } });
    const foreign = {
      sender: window?.webContents,
      senderFrame: { processId: 1, frameToken: 'iframe', url: window?.webContents.mainFrame.url },
    };
    expect(await fake.handlers.get('app:status')!(foreign, {})).toMatchObject({
      ok: false,
      error: { code: 'not_allowed' },
    });
    // First launch: nothing but the open channels until the first gerente exists (and is signed in by the setup).
    expect(await fake.handlers.get('settings:receipt')!(trusted, {})).toMatchObject({
      ok: false,
      error: { code: 'not_allowed' },
    });
    expect(await fake.handlers.get('auth:setup')!(trusted, FIRST_GERENTE)).toMatchObject({ ok: true });

    const sale = await fake.handlers.get('sales:complete')!(trusted, {
      draft: {
        tipoDocumento: '01',
        cliente: { tipoClienteFE: '02', pais: 'PA' },
        tiempoPago: '1',
        items: [{ descripcion: 'Arroz blanco 5 lb', cantidad: '1', precioUnitario: '3.25', tasaItbms: '00' }],
        pagos: [{ formaPagoFact: '02', valorCuotaPagada: '5.00' }],
      },
    });
    expect(sale).toMatchObject({ ok: true, value: { status: 'QUEUED' } });
    expect(window?.webContents.send).toHaveBeenCalledWith(
      'sago-event:document:status',
      expect.objectContaining({ from: 'DRAFT', to: 'QUEUED' }),
    );
    // Receipt printing: silent, on the printer chosen in the preferences (electron-store), the copies of the settings.
    expect(await fake.handlers.get('settings:receipt')!(trusted, {})).toMatchObject({
      ok: true,
      value: { printers: ['EPSON TM-T20III', 'PDF'], copies: 1 },
    });
    expect(
      await fake.handlers.get('settings:saveReceipt')!(trusted, {
        printerName: 'EPSON TM-T20III',
        paper: '80',
        headerLines: [],
        footerLines: [],
        copies: 1,
      }),
    ).toMatchObject({ ok: true });
    expect(await fake.handlers.get('receipt:print')!(trusted, {})).toEqual({ ok: true, value: { via: 'printer' } });
    expect(window?.webContents.print).toHaveBeenCalledWith(
      expect.objectContaining({ silent: true, copies: 1, deviceName: 'EPSON TM-T20III' }),
      expect.any(Function),
    );
    const twoCopies = {
      printerName: 'PDF',
      paper: '58',
      headerLines: ['MINI SUPER LA ESQUINA'],
      footerLines: [],
      copies: 2,
    };
    expect(await fake.handlers.get('settings:saveReceipt')!(trusted, twoCopies)).toMatchObject({
      ok: true,
      value: { ...twoCopies },
    });
    expect(await fake.handlers.get('receipt:print')!(trusted, {})).toEqual({ ok: true, value: { via: 'printer' } });
    expect(window?.webContents.print).toHaveBeenLastCalledWith(
      expect.objectContaining({ copies: 2, deviceName: 'PDF' }),
      expect.any(Function),
    );

    const quitEvent = { preventDefault: vi.fn() };
    emitApp('before-quit', quitEvent);
    expect(quitEvent.preventDefault).toHaveBeenCalled(); // held until the core is closed
    await waitFor(() => fake.quit === 1, 15_000, 'quit after the core closed');
    const second = { preventDefault: vi.fn() };
    emitApp('before-quit', second);
    expect(second.preventDefault).not.toHaveBeenCalled();
  });

  it('relaunches to apply saved HKA settings: the answer goes back first, then relaunch and a draining quit', async () => {
    await launch(true);
    await waitFor(() => fake.windows.length === 1, 10_000, 'the window');
    const [window] = fake.windows;
    const trusted = { sender: window?.webContents, senderFrame: window?.webContents.mainFrame };
    expect(await fake.handlers.get('auth:setup')!(trusted, FIRST_GERENTE)).toMatchObject({ ok: true });
    expect(await fake.handlers.get('app:restart')!(trusted, {})).toEqual({ ok: true, value: { via: 'relaunch' } });
    expect(fake.relaunch).toBe(0); // not before the screen has its answer
    await waitFor(() => fake.relaunch === 1 && fake.quit === 1, 5_000, 'relaunch, then quit');
    const quitEvent = { preventDefault: vi.fn() };
    emitApp('before-quit', quitEvent); // what app.quit() fires in Electron: the core closes before the app exits
    expect(quitEvent.preventDefault).toHaveBeenCalled();
    await waitFor(() => fake.quit === 2, 15_000, 'quit after the core closed');
  });
});
