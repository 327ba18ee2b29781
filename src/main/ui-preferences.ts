// UI preferences of the desktop app (language, receipt printer, window bounds) in electron-store, next to the
// register's data in userData. Read values are validated: a hand-edited or older file falls back to defaults.
import type { Rectangle } from 'electron';
import Store from 'electron-store';
import { z } from 'zod';
import { uiPreferencesSchema } from '../shared/ipc/schemas';
import { DEFAULT_UI_PREFERENCES, mergePreferences, type PreferencesPort } from '../core/app/ui-ports';

const boundsSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(640),
  height: z.number().int().min(480),
});

/** The part of electron-store (conf) this module uses; tests pass a Map-backed fake. */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

export interface UiPreferencesStore {
  port: PreferencesPort;
  windowBounds(): Rectangle | undefined;
  saveWindowBounds(bounds: Rectangle): void;
}

export function uiPreferences(store: KeyValueStore): UiPreferencesStore {
  const read = () => {
    const parsed = uiPreferencesSchema.safeParse({
      language: store.get('language'),
      printerName: store.get('printerName') ?? null,
    });
    return parsed.success ? parsed.data : DEFAULT_UI_PREFERENCES;
  };
  return {
    port: {
      get: read,
      update(change) {
        const next = uiPreferencesSchema.parse(mergePreferences(read(), change));
        store.set('language', next.language);
        store.set('printerName', next.printerName);
        return next;
      },
    },
    windowBounds() {
      const parsed = boundsSchema.safeParse(store.get('windowBounds'));
      return parsed.success ? parsed.data : undefined;
    },
    saveWindowBounds(bounds) {
      const parsed = boundsSchema.safeParse(bounds);
      if (parsed.success) store.set('windowBounds', parsed.data);
    },
  };
}

/** electron-store's file `ui-preferences.json` in `dir` (userData). */
export function openUiPreferences(dir: string): UiPreferencesStore {
  return uiPreferences(new Store({ cwd: dir, name: 'ui-preferences', defaults: { ...DEFAULT_UI_PREFERENCES } }));
}
