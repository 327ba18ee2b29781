// Composition root of the desktop app. It only wires things together; every rule lives in src/core.
import { join } from 'node:path';
import { app, BrowserWindow } from 'electron';
import { mainWindowOptions } from './window-options';

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(join(import.meta.dirname, '../preload/index.cjs')));
  window.once('ready-to-show', () => window.show());
  void window.loadFile(join(import.meta.dirname, '../renderer/index.html'));
  return window;
}

// Two windows (or two processes) would race for the same fiscal numbers: one instance only.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('window-all-closed', () => app.quit());
  void app.whenReady().then(createMainWindow);
}
