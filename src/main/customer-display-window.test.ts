import { describe, expect, it } from 'vitest';
import type { BrowserWindowConstructorOptions } from 'electron';
import { openCustomerDisplay, type DisplayScreen, type DisplayWindow } from './customer-display-window';

const monitor = (id: number, x: number) => ({ id, bounds: { x, y: 0, width: 1024, height: 768 } });
const screenOf = (...ids: number[]): DisplayScreen => ({
  getAllDisplays: () => ids.map((id, i) => monitor(id, i * 1920)),
  getPrimaryDisplay: () => monitor(ids[0]!, 0),
});

function fakeWindow(): DisplayWindow & { loaded: string[]; options?: BrowserWindowConstructorOptions } {
  const loaded: string[] = [];
  return {
    loaded,
    loadURL: (url) => {
      loaded.push(url);
      return Promise.resolve();
    },
    loadFile: (file, options) => {
      loaded.push(`${file}#${options.hash}`);
      return Promise.resolve();
    },
    once: () => undefined,
    show: () => undefined,
    close: () => undefined,
    isDestroyed: () => false,
  };
}

describe('customer display window', () => {
  it("opens on the second monitor, full screen, without a preload, at the display's page", () => {
    const created: BrowserWindowConstructorOptions[] = [];
    const win = fakeWindow();
    const opened = openCustomerDisplay({
      screen: screenOf(1, 2),
      target: { load: { file: '/app/out/renderer/index.html' }, isAppUrl: () => true },
      create: (options) => {
        created.push(options);
        return win;
      },
    });
    expect(opened).toBe(win);
    expect(created[0]).toMatchObject({
      x: 1920,
      y: 0,
      fullscreen: true,
      webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false },
    });
    expect(created[0]?.webPreferences).not.toHaveProperty('preload');
    expect(win.loaded).toEqual(['/app/out/renderer/index.html#/cliente']);
  });

  it("loads the dev server's page at the display's hash", () => {
    const win = fakeWindow();
    openCustomerDisplay({
      screen: screenOf(7, 9),
      target: { load: { url: 'http://localhost:5173/' }, isAppUrl: () => true },
      create: () => win,
    });
    expect(win.loaded).toEqual(['http://localhost:5173/#/cliente']);
  });

  it('opens nothing with a single monitor', () => {
    let created = 0;
    const opened = openCustomerDisplay({
      screen: screenOf(1),
      target: { load: { file: 'x' }, isAppUrl: () => true },
      create: () => {
        created += 1;
        return fakeWindow();
      },
    });
    expect(opened).toBeUndefined();
    expect(created).toBe(0);
  });
});
