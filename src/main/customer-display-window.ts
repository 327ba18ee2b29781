// The customer display's window: opened on the second monitor when there is one (none with a single monitor), on
// the renderer's own page at the display's hash, closed with the main window. Thin glue over Electron's screen and
// BrowserWindow, given as parameters so the test runs without Electron.
import type { BrowserWindowConstructorOptions, Rectangle } from 'electron';
import { CUSTOMER_DISPLAY_HASH } from '../shared/customer-display';
import type { RendererTarget } from './renderer-target';
import { customerDisplayWindowOptions } from './window-security';

interface DisplayInfo {
  id: number;
  bounds: Rectangle;
}

export interface DisplayScreen {
  getAllDisplays(): DisplayInfo[];
  getPrimaryDisplay(): DisplayInfo;
}

export interface DisplayWindow {
  loadURL(url: string): Promise<void>;
  loadFile(file: string, options: { hash: string }): Promise<void>;
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
  close(): void;
  isDestroyed(): boolean;
}

/** The first monitor that is not the primary one (where the till's window opens), if any. */
export function secondMonitor(screen: DisplayScreen): DisplayInfo | undefined {
  const primary = screen.getPrimaryDisplay().id;
  return screen.getAllDisplays().find((d) => d.id !== primary);
}

export function openCustomerDisplay(deps: {
  screen: DisplayScreen;
  target: RendererTarget;
  create: (options: BrowserWindowConstructorOptions) => DisplayWindow;
}): DisplayWindow | undefined {
  const monitor = secondMonitor(deps.screen);
  if (!monitor) return undefined;
  const display = deps.create(customerDisplayWindowOptions(monitor.bounds));
  display.once('ready-to-show', () => display.show());
  const load = deps.target.load;
  void ('url' in load
    ? display.loadURL(`${load.url.split('#', 1)[0] ?? load.url}${CUSTOMER_DISPLAY_HASH}`)
    : display.loadFile(load.file, { hash: CUSTOMER_DISPLAY_HASH.slice(1) }));
  return display;
}
