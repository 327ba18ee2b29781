// Everything that keeps the renderer in its box, in one place (docs/architecture.md §4): the window's
// webPreferences (each value explicit), a strict CSP, no navigation, no new windows, no permissions, and external
// links opened in the OS browser only when they are https.
import type { BrowserWindowConstructorOptions, Rectangle, Session, WebContents } from 'electron';
import { RENDERER_CSP } from '../core/app/renderer-csp';

/** The renderer's policy (src/core/app/renderer-csp.ts), also sent as a header: it covers what a meta tag cannot. */
export const CONTENT_SECURITY_POLICY = RENDERER_CSP;

/** Every window's webPreferences but the preload, each value explicit. */
const HARDENED_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webviewTag: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  spellcheck: false,
} as const satisfies BrowserWindowConstructorOptions['webPreferences'];

export function mainWindowOptions(preloadPath: string, bounds?: Partial<Rectangle>): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    ...bounds,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'SAGO-FACTU',
    webPreferences: { preload: preloadPath, ...HARDENED_WEB_PREFERENCES },
  };
}

/**
 * The customer display's window on the second monitor: full screen there, no preload (it has no window.sago and
 * makes no IPC call — it only shows what the till posts on a BroadcastChannel), the same hardened preferences.
 */
export function customerDisplayWindowOptions(bounds: Rectangle): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    show: false,
    fullscreen: true,
    frame: false,
    title: 'SAGO-FACTU · Cliente',
    webPreferences: { ...HARDENED_WEB_PREFERENCES },
  };
}

/**
 * The small window shown while the database is updated after an upgrade (upgrade-window.ts): no preload, the same
 * hardened preferences, and it cannot be closed (with no other window open, closing it would quit the app halfway).
 */
export function upgradeWindowOptions(): BrowserWindowConstructorOptions {
  return {
    width: 480,
    height: 220,
    show: false,
    resizable: false,
    minimizable: false,
    maximizable: false,
    closable: false,
    fullscreenable: false,
    title: 'SAGO-FACTU',
    webPreferences: { ...HARDENED_WEB_PREFERENCES },
  };
}

/** https links go to the OS browser; anything else (http, file, javascript:, custom schemes) goes nowhere. */
export function openIfHttps(url: string, openExternal: (url: string) => Promise<void>): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:') return false;
  void openExternal(parsed.href).catch(() => undefined); // a missing browser is not the register's problem
  return true;
}

type HardenableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/** The renderer never navigates away and never opens windows; links it tries to open go to the OS browser (https). */
export function hardenWebContents(contents: HardenableContents, openExternal: (url: string) => Promise<void>): void {
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    openIfHttps(url, openExternal);
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openIfHttps(url, openExternal);
    return { action: 'deny' };
  });
}

type HardenableSession = { webRequest: Pick<Session['webRequest'], 'onHeadersReceived'> } & Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler'
>;

/** CSP on every response the session loads, and every permission (camera, notifications, …) denied. */
export function hardenSession(session: HardenableSession): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
