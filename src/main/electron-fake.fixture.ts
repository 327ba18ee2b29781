// A fake `electron` (and electron-store) for the composition root's tests (index.test.ts): there is no Electron binary
// here. The state the fake records (windows, IPC handlers, app listeners, error boxes) is one object the tests read
// and reset; the test file loads this module with vi.hoisted so that its vi.mock factories can use it.
import { EventEmitter } from 'node:events';
import { pathToFileURL } from 'node:url';
import { vi } from 'vitest';

export const fake = {
  lock: true,
  userData: '',
  handlers: new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>(),
  windows: [] as {
    options: { webPreferences: Record<string, unknown> };
    webContents: {
      mainFrame: { processId: number; frameToken: string; url: string };
      send: (...a: unknown[]) => void;
      print: (...a: unknown[]) => void;
    };
    loaded?: string;
    destroyed?: boolean;
    show?: () => void;
    emit?: (event: string) => boolean;
  }[],
  quit: 0,
  relaunch: 0,
  appListeners: new Map<string, ((...args: unknown[]) => void)[]>(),
  errorBoxes: [] as { title: string; body: string }[],
  /** The updating window's constructor throws (a display server that refuses a new window). */
  failUpdatingWindow: false,
  exitCodes: [] as number[],
};

/** The `electron` module as index.ts uses it. */
export function fakeElectron() {
  const app = {
    requestSingleInstanceLock: () => fake.lock,
    whenReady: () => Promise.resolve(),
    getPath: () => fake.userData,
    setPath: vi.fn(),
    getAppPath: () => process.cwd(),
    isPackaged: false,
    quit: () => void (fake.quit += 1),
    relaunch: () => void (fake.relaunch += 1),
    exit: (code: number) => void fake.exitCodes.push(code),
    on: (event: string, listener: (...args: unknown[]) => void) => {
      fake.appListeners.set(event, [...(fake.appListeners.get(event) ?? []), listener]);
      return app;
    },
  };
  class BrowserWindow extends EventEmitter {
    readonly webContents = {
      mainFrame: { processId: 1, frameToken: 'main', url: 'about:blank' },
      send: vi.fn(),
      print: vi.fn((_options: unknown, done: (ok: boolean, reason: string) => void) => done(true, '')),
      getPrintersAsync: () =>
        Promise.resolve([{ name: 'EPSON TM-T20III', displayName: 'EPSON TM-T20III (USB)' }, { name: 'PDF' }]),
      isDestroyed: () => false,
    };
    loaded: string | undefined;
    constructor(readonly options: { webPreferences: Record<string, unknown>; closable?: boolean }) {
      super();
      if (fake.failUpdatingWindow && options.closable === false) throw new Error('cannot open a window');
      fake.windows.push(this as never);
    }
    loadFile(file: string) {
      this.loaded = file;
      this.webContents.mainFrame.url = pathToFileURL(file).href;
      return Promise.resolve();
    }
    loadURL(url: string) {
      this.loaded = url;
      return Promise.resolve();
    }
    destroyed = false;
    isDestroyed = () => this.destroyed;
    destroy = () => void (this.destroyed = true);
    show = vi.fn();
    getBounds = () => ({ x: 0, y: 0, width: 1280, height: 800 });
  }
  const safeStorage = {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => 'gnome_libsecret',
    encryptString: (plain: string) => Buffer.from(plain).map((b) => b ^ 0x5a),
    decryptString: (data: Buffer) => Buffer.from(data.map((b) => b ^ 0x5a)).toString(),
  };
  const m = {
    app,
    BrowserWindow,
    ipcMain: {
      handle: (channel: string, listener: never) => fake.handlers.set(channel, listener),
      removeHandler: vi.fn(),
    },
    safeStorage,
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: vi.fn() },
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
      },
    },
    shell: { openExternal: vi.fn(() => Promise.resolve()) },
    dialog: { showErrorBox: (title: string, body: string) => void fake.errorBoxes.push({ title, body }) },
    // One monitor: no customer display window (customer-display-window.test.ts covers two).
    screen: {
      getAllDisplays: () => [{ id: 1, bounds: { x: 0, y: 0, width: 1366, height: 768 } }],
      getPrimaryDisplay: () => ({ id: 1, bounds: { x: 0, y: 0, width: 1366, height: 768 } }),
    },
  };
  return { ...m, default: m };
}

/** electron-store loads Electron's binary itself; the composition test only needs it to hold values. */
export class FakeElectronStore {
  private readonly data = new Map<string, unknown>();
  get = (key: string) => this.data.get(key);
  set = (key: string, value: unknown) => void this.data.set(key, value);
}
