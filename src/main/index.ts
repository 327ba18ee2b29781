// Composition root of the desktop app. It only wires things together (store, queue and HKA in the register core;
// IPC; the window); every rule lives in src/core.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, safeStorage, screen, session, shell } from 'electron';
import { createRegisterCore, type RegisterCore } from '../core/app/register-core';
import { forwardEvents, isFromMainFrame, registerIpc } from './ipc/register-ipc';
import { desktopPrinter } from './printing';
import { openCustomerDisplay } from './customer-display-window';
import { desktopFileOpener } from './file-opener';
import { rendererTarget } from './renderer-target';
import { SafeStorageKeyProtector } from './safe-storage-key-protector';
import { openUiPreferences } from './ui-preferences';
import { openFileLog } from './file-log';
import { startupFailureNotice } from './startup-failure';
import { showUpgradeWindow } from './upgrade-window';
import { hardenSession, hardenWebContents, mainWindowOptions } from './window-security';

// End-to-end runs point the app at a throwaway profile (tests/electron); must happen before 'ready'.
const userDataOverride = process.env['SAGO_USER_DATA_DIR'];
if (userDataOverride) app.setPath('userData', userDataOverride);

const LOG_FOLDER = join(app.getPath('userData'), 'logs');
const log = openFileLog(LOG_FOLDER);
/** The UI's language once the preferences are read, for the error box if the start fails after that. */
let language: 'es-PA' | 'en' = 'es-PA';
/** The "updating the database" window while an upgrade's migrations run (upgrade-window.ts), until the till shows. */
let upgradeWindow: { close(): void } | undefined;

const openExternal = (url: string) => shell.openExternal(url);

async function start(): Promise<void> {
  await app.whenReady();
  hardenSession(session.defaultSession);
  const userData = app.getPath('userData');
  const preferences = openUiPreferences(userData);
  language = preferences.port.get().language;
  const target = rendererTarget({
    indexPath: join(import.meta.dirname, '../renderer/index.html'),
    devServerUrl: app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'],
  });
  const ELECTRON_SQLITE = join(app.getAppPath(), 'out/native/better_sqlite3.node');
  const UPGRADE_WORKER = join(import.meta.dirname, 'upgrade-worker.js');
  let window: BrowserWindow | undefined;
  const core: RegisterCore = await createRegisterCore({
    dataDir: userData,
    keyProtector: new SafeStorageKeyProtector(safeStorage),
    // The bundle lives in out/main: migrations and the WSDL are found from the app's root instead.
    assets: {
      migrationsFolder: join(app.getAppPath(), 'drizzle/sqlite'),
      wsdlPath: join(app.getAppPath(), 'resources/hka/Service.wsdl'),
      // `npm start` builds better-sqlite3 for Electron's ABI here; packaged apps are rebuilt by electron-builder.
      ...(!app.isPackaged && existsSync(ELECTRON_SQLITE) ? { sqliteNativeBinding: ELECTRON_SQLITE } : {}),
      // The reports' worker thread, bundled beside this file (electron.vite.config.ts; decision 0024).
      readWorkerEntry: pathToFileURL(join(import.meta.dirname, 'read-worker.js')),
      // The upgrade's worker thread (decision 0046), bundled beside this file; from the sources (tests) the core's own.
      ...(existsSync(UPGRADE_WORKER) ? { upgradeWorkerEntry: pathToFileURL(UPGRADE_WORKER) } : {}),
    },
    // Migrations pending after an update: they run on a worker thread, and this window says so meanwhile.
    onUpgrade: async () => {
      try {
        upgradeWindow = await showUpgradeWindow((options) => new BrowserWindow(options), language);
      } catch (error) {
        // The window is a courtesy: the update goes on without it rather than not at all.
        log.warn('The database update window could not be shown', { error: String(error) });
      }
    },
    preferences: preferences.port,
    printer: desktopPrinter(() => window?.webContents),
    fileOpener: desktopFileOpener(shell),
    // app.quit() goes through before-quit below: HKA calls drain and the database closes before the new instance.
    relaunch: () => {
      app.relaunch();
      app.quit();
    },
    log,
  });
  registerIpc({
    ipcMain,
    ipc: core.ipc,
    isTrustedSender: (event) => isFromMainFrame(window, event, target.isAppUrl),
    log,
  });
  forwardEvents(core.events, () => window?.webContents);

  window = new BrowserWindow(
    mainWindowOptions(join(import.meta.dirname, '../preload/index.cjs'), preferences.windowBounds()),
  );
  const shown = window;
  shown.once('ready-to-show', () => {
    shown.show();
    upgradeWindow?.close();
  });
  shown.on('close', () => preferences.saveWindowBounds(shown.getBounds()));
  void ('url' in target.load ? shown.loadURL(target.load.url) : shown.loadFile(target.load.file));
  // The customer display on a second monitor, if there is one; it goes when the till's window goes.
  const customerDisplay = openCustomerDisplay({ screen, target, create: (options) => new BrowserWindow(options) });
  shown.on('closed', () => {
    window = undefined;
    if (customerDisplay && !customerDisplay.isDestroyed()) customerDisplay.close();
  });

  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => app.quit());
  // Clean shutdown: hold the quit until in-flight HKA calls drained and the database is closed.
  let closed = false;
  app.on('before-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    void core
      .close()
      .catch((error: unknown) => log.error('Shutdown failed', { error: String(error) }))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });
}

// Two windows (or two processes) would race for the same fiscal numbers: one instance only.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, openExternal));
  start().catch((error: unknown) => {
    log.error('SAGO-FACTU could not start', { error: error instanceof Error ? error.message : String(error) });
    // The manager sees why instead of a window that never comes (the box blocks until it is closed).
    upgradeWindow?.close();
    const notice = startupFailureNotice(error, LOG_FOLDER, language);
    dialog.showErrorBox(notice.title, notice.body);
    app.exit(1);
  });
}
