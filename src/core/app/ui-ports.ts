// What the handler map needs from the shell it runs in. The desktop app keeps UI preferences in electron-store and
// prints silently through Electron; the web host keeps them in memory and lets the browser print.
import type { UiPreferences } from '../../shared/ipc/schemas';

export type PreferencesChange = { [K in keyof UiPreferences]?: UiPreferences[K] | undefined };

/** The defined fields of a change applied to the current preferences. */
export function mergePreferences(current: UiPreferences, change: PreferencesChange): UiPreferences {
  return {
    language: change.language ?? current.language,
    printerName: change.printerName === undefined ? current.printerName : change.printerName,
  };
}

export interface PreferencesPort {
  get(): UiPreferences;
  /** Saves the given fields (undefined ones are left as they are) and returns all preferences. */
  update(change: PreferencesChange): UiPreferences;
}

/** How a receipt is printed: the printer from the preferences and the copies from the receipt settings. */
export interface PrintJob {
  /** OS printer name; null prints to the default printer. */
  printerName: string | null;
  copies: number;
}

export interface ReceiptPrinter {
  /** Prints the receipt shown on screen; 'browser' means the caller must print it itself (window.print()). */
  print(job: PrintJob): Promise<{ via: 'printer' | 'browser' }>;
  /** The OS printers' names for the settings panel; shells without printers (the web host) leave it out or answer []. */
  listPrinters?(): Promise<string[]>;
}

export const DEFAULT_UI_PREFERENCES: UiPreferences = { language: 'es-PA', printerName: null };

export function memoryPreferences(initial: UiPreferences = DEFAULT_UI_PREFERENCES): PreferencesPort {
  let current = { ...initial };
  return {
    get: () => ({ ...current }),
    update(change) {
      current = mergePreferences(current, change);
      return { ...current };
    },
  };
}

/** The web host's printer: the browser prints (its print dialog, with the page's print styles). */
export const browserPrinter: ReceiptPrinter = {
  print: () => Promise.resolve({ via: 'browser' }),
  listPrinters: () => Promise.resolve([]),
};
