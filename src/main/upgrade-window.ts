// The window shown while the register's database is updated after a new version is installed. The copy and the
// migrations run on a worker thread (core/store/upgrade-in-worker.ts), so this process is free to show it and keep it
// painted. On a year's file that takes seconds (decision 0040); before, no window appeared meanwhile and the manager
// could not tell a slow start from a failed one. A static page in the UI's language: no script, no preload, no IPC.
import type { BrowserWindowConstructorOptions } from 'electron';
import { upgradeWindowOptions } from './window-security';

type Language = 'es-PA' | 'en';

const TEXTS = {
  'es-PA': {
    heading: 'Actualizando la base de datos…',
    body: 'SAGO-FACTU se actualizó. Primero se hace una copia de seguridad de sus ventas y luego se adapta la base de datos. En una caja con muchas ventas puede tardar unos minutos. No apague el equipo.',
  },
  en: {
    heading: 'Updating the database…',
    body: 'SAGO-FACTU was updated. Your sales are backed up first, then the database is adapted. On a register with many sales this can take a few minutes. Do not turn the computer off.',
  },
} as const;

/** The page: its own CSP (nothing but inline style), the texts as fixed strings. */
export function upgradeWindowHtml(language: Language): string {
  const texts = TEXTS[language];
  return `<!doctype html><html lang="${language === 'en' ? 'en' : 'es'}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>SAGO-FACTU</title><style>
body{margin:0;padding:24px 28px;font:15px/1.45 system-ui,sans-serif;color:#1f2937;background:#f8fafc}
h1{margin:0 0 12px;font-size:18px}p{margin:0}
.bar{margin-top:18px;height:6px;border-radius:3px;background:#e2e8f0;overflow:hidden}
.bar::after{content:"";display:block;width:30%;height:100%;background:#0f766e;animation:go 1.4s ease-in-out infinite}
@keyframes go{from{transform:translateX(-100%)}to{transform:translateX(340%)}}
</style></head><body><h1 role="status">${texts.heading}</h1><p>${texts.body}</p><div class="bar"></div></body></html>`;
}

/** What this module needs of a BrowserWindow. */
export interface UpgradeWindowLike {
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
  destroy(): void;
  isDestroyed(): boolean;
  loadURL(url: string): Promise<void>;
}

/**
 * Opens the window and resolves once its page is loaded (it shows at its first paint); `close` removes it. A page that
 * fails to load is not a reason to stop the start: the update goes on without the window.
 */
export async function showUpgradeWindow(
  create: (options: BrowserWindowConstructorOptions) => UpgradeWindowLike,
  language: Language,
): Promise<{ close(): void }> {
  const window = create(upgradeWindowOptions());
  window.once('ready-to-show', () => {
    if (!window.isDestroyed()) window.show();
  });
  const html = upgradeWindowHtml(language);
  await window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`).catch(() => undefined);
  return {
    // destroy(), not close(): the window is not closable (window-security.ts), and nothing in it needs unloading.
    close: () => {
      if (!window.isDestroyed()) window.destroy();
    },
  };
}
