// The receipt area: paper width, header/footer lines and copies live in the register's SQLite settings; the printer
// stays in the UI preferences (PreferencesPort: electron-store on the desktop), where the print path already reads
// it. The printers to choose from come from the shell (ReceiptPrinter.listPrinters; none in the web host).
import type { z } from 'zod';
import { receiptSettingsSchema, type ReceiptSettings } from '../../shared/ipc/areas/settings/contract';
import type { PreferencesPort, PrintJob, ReceiptPrinter } from '../app/ui-ports';
import type { AuditActor } from '../store/audit';
import type { StoreDb } from '../store/open-database';
import { readJsonSetting, writeJsonSetting } from '../store/settings-repo';
import { auditSettingsChange } from './settings-audit';

const storedSchema = receiptSettingsSchema.omit({ printerName: true });
export type ReceiptLayout = z.infer<typeof storedSchema>;

const KEY = 'receipt';
export const DEFAULT_RECEIPT_LAYOUT: ReceiptLayout = { paper: '80', headerLines: [], footerLines: [], copies: 1 };

export function readReceiptLayout(db: Pick<StoreDb, 'select'>): ReceiptLayout {
  return readJsonSetting(db, KEY, storedSchema, DEFAULT_RECEIPT_LAYOUT);
}

export function readReceiptSettings(db: StoreDb, preferences: PreferencesPort): ReceiptSettings {
  return { printerName: preferences.get().printerName, ...readReceiptLayout(db) };
}

/** The OS printers' names; a shell without a printer list (or one that fails to answer) offers none. */
export async function listPrinters(printer: ReceiptPrinter): Promise<string[]> {
  if (!printer.listPrinters) return [];
  try {
    return await printer.listPrinters();
  } catch {
    return [];
  }
}

/**
 * Saves the layout and the printer, audited with before/after. The preferences are written last inside the
 * transaction, so a failure there rolls the layout and the audit entry back.
 */
export function saveReceiptSettings(
  deps: { db: StoreDb; preferences: PreferencesPort; clock: () => Date },
  input: ReceiptSettings,
  by: AuditActor,
): ReceiptSettings {
  const before = readReceiptSettings(deps.db, deps.preferences);
  const { printerName, ...layout } = input;
  const after: ReceiptSettings = { printerName, ...layout };
  deps.db.transaction(
    (tx) => {
      writeJsonSetting(tx, KEY, storedSchema, layout);
      auditSettingsChange(tx, { area: 'receipt', by, before, after }, deps.clock());
      deps.preferences.update({ printerName });
    },
    { behavior: 'immediate' },
  );
  return after;
}

/** What the desktop printer needs for the receipt on screen: the chosen printer and the copies. */
export function receiptPrintJob(db: StoreDb, preferences: PreferencesPort): PrintJob {
  return { printerName: preferences.get().printerName, copies: readReceiptLayout(db).copies };
}
