import { describe, expect, it, vi } from 'vitest';
import { openUiPreferences, uiPreferences, type KeyValueStore } from './ui-preferences';

// The real electron-store imports Electron's binary at load time (absent here); a stand-in records its options.
const created = vi.hoisted(() => [] as unknown[]);
vi.mock('electron-store', () => ({
  default: class {
    private readonly data = new Map<string, unknown>();
    constructor(options: { defaults: Record<string, unknown> }) {
      created.push(options);
      for (const [k, v] of Object.entries(options.defaults)) this.data.set(k, v);
    }
    get(key: string): unknown {
      return this.data.get(key);
    }
    set(key: string, value: unknown): void {
      this.data.set(key, value);
    }
  },
}));

function memoryStore(initial: Record<string, unknown> = {}): KeyValueStore & { data: Map<string, unknown> } {
  const data = new Map(Object.entries(initial));
  return { data, get: (key) => data.get(key), set: (key, value) => void data.set(key, value) };
}

describe('uiPreferences', () => {
  it('defaults to Spanish and the default printer, and saves changes', () => {
    const store = memoryStore();
    const prefs = uiPreferences(store);
    expect(prefs.port.get()).toEqual({ language: 'es-PA', printerName: null });
    expect(prefs.port.update({ printerName: 'TM-T20' })).toEqual({ language: 'es-PA', printerName: 'TM-T20' });
    expect(prefs.port.update({ language: 'en', printerName: undefined })).toEqual({
      language: 'en',
      printerName: 'TM-T20',
    });
    expect(prefs.port.update({ printerName: null })).toEqual({ language: 'en', printerName: null });
    expect(uiPreferences(store).port.get()).toEqual({ language: 'en', printerName: null });
  });

  it('falls back to defaults when the file was edited into nonsense', () => {
    const prefs = uiPreferences(memoryStore({ language: 'klingon', printerName: 42, windowBounds: { x: 'a' } }));
    expect(prefs.port.get()).toEqual({ language: 'es-PA', printerName: null });
    expect(prefs.windowBounds()).toBeUndefined();
  });

  it('keeps sane window bounds only', () => {
    const store = memoryStore();
    const prefs = uiPreferences(store);
    prefs.saveWindowBounds({ x: 5, y: 6, width: 1300, height: 850 });
    expect(prefs.windowBounds()).toEqual({ x: 5, y: 6, width: 1300, height: 850 });
    prefs.saveWindowBounds({ x: 0, y: 0, width: 10, height: 10 }); // a collapsed window is not remembered
    expect(prefs.windowBounds()).toEqual({ x: 5, y: 6, width: 1300, height: 850 });
  });
});

describe('openUiPreferences', () => {
  it('keeps the preferences in ui-preferences.json in the given folder, with defaults', () => {
    const prefs = openUiPreferences('/home/cajero/.config/sago');
    expect(created).toEqual([
      { cwd: '/home/cajero/.config/sago', name: 'ui-preferences', defaults: { language: 'es-PA', printerName: null } },
    ]);
    expect(prefs.port.get()).toEqual({ language: 'es-PA', printerName: null });
  });
});
