// The receipt area: layout in SQLite, printer in the UI preferences, one audited change, and the print job the
// desktop printer receives (printer + copies).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryPreferences, type ReceiptPrinter } from '../app/ui-ports';
import { openDatabase, type OpenedDatabase } from '../store/open-database';
import {
  DEFAULT_RECEIPT_LAYOUT,
  listPrinters,
  readReceiptSettings,
  receiptPrintJob,
  saveReceiptSettings,
} from './receipt-settings';

let store: OpenedDatabase;
beforeEach(() => {
  store = openDatabase({ path: ':memory:' });
});
afterEach(() => store.close());

const AT = new Date('2026-11-28T15:00:00Z');
const SETTINGS = {
  printerName: 'EPSON TM-T20III',
  paper: '58' as const,
  headerLines: ['MINI SUPER LA ESQUINA', 'Tel. 222-3344'],
  footerLines: ['¡Gracias por su compra!'],
  copies: 2,
};

describe('receipt settings', () => {
  it('starts at 80 mm, one copy, no extra lines and the default printer', () => {
    expect(readReceiptSettings(store.db, memoryPreferences())).toEqual({
      printerName: null,
      ...DEFAULT_RECEIPT_LAYOUT,
    });
    expect(DEFAULT_RECEIPT_LAYOUT).toEqual({ paper: '80', headerLines: [], footerLines: [], copies: 1 });
  });

  it('keeps the printer in the preferences and the rest in SQLite, audited with before and after', () => {
    const preferences = memoryPreferences();
    expect(saveReceiptSettings({ db: store.db, preferences, clock: () => AT }, SETTINGS, { actor: 'ana' })).toEqual(
      SETTINGS,
    );
    expect(preferences.get().printerName).toBe('EPSON TM-T20III');
    expect(
      JSON.parse(store.sqlite.prepare("SELECT value FROM settings WHERE key = 'receipt'").pluck().get() as string),
    ).toEqual({ paper: '58', headerLines: SETTINGS.headerLines, footerLines: SETTINGS.footerLines, copies: 2 });
    expect(readReceiptSettings(store.db, preferences)).toEqual(SETTINGS);
    expect(receiptPrintJob(store.db, preferences)).toEqual({ printerName: 'EPSON TM-T20III', copies: 2 });
    const audit = store.sqlite
      .prepare("SELECT actor, details FROM audit_log WHERE action = 'settings.receipt'")
      .all() as { actor: string; details: string }[];
    expect(audit.map((a) => ({ actor: a.actor, details: JSON.parse(a.details) as unknown }))).toEqual([
      { actor: 'ana', details: { before: { printerName: null, ...DEFAULT_RECEIPT_LAYOUT }, after: SETTINGS } },
    ]);
  });

  it('rolls the layout and the audit entry back when the preferences cannot be saved', () => {
    const broken = {
      ...memoryPreferences(),
      update: () => {
        throw new Error('disk full');
      },
    };
    expect(() =>
      saveReceiptSettings({ db: store.db, preferences: broken, clock: () => AT }, SETTINGS, { actor: 'ana' }),
    ).toThrow('disk full');
    expect(store.sqlite.prepare("SELECT COUNT(*) FROM settings WHERE key = 'receipt'").pluck().get()).toBe(0);
    expect(store.sqlite.prepare('SELECT COUNT(*) FROM audit_log').pluck().get()).toBe(0);
  });

  it("lists the shell's printers, none when the shell has no list or it fails", async () => {
    const print = () => Promise.resolve({ via: 'printer' as const });
    await expect(listPrinters({ print, listPrinters: () => Promise.resolve(['EPSON TM-T20III']) })).resolves.toEqual([
      'EPSON TM-T20III',
    ]);
    await expect(listPrinters({ print })).resolves.toEqual([]);
    const failing: ReceiptPrinter = { print, listPrinters: () => Promise.reject(new Error('CUPS down')) };
    await expect(listPrinters(failing)).resolves.toEqual([]);
  });
});
