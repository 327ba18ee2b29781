// Migration 0007 backfills the credit ledger from credit notes issued before it existed: each note line is matched to
// the invoice line with the same code, description and unit price. Run here on notes whose ledger rows were removed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REAL_CUFE, anItem } from '../../../tests/fixtures/fiscal-documents';
import { SALE } from '../../../tests/fixtures/register-harness';
import { draftCreditNote } from '../documents/credit-note';
import { captureSale } from '../sales/capture-sale';
import { DEFAULT_MIGRATIONS_FOLDER, openDatabase } from './open-database';
import { DEFAULT_ISSUER_SETTINGS } from './settings-repo';

const BACKFILL =
  readFileSync(join(DEFAULT_MIGRATIONS_FOLDER, '0007_credit_ledger.sql'), 'utf8')
    .split('--> statement-breakpoint')
    .at(-1) ?? '';

describe('migration 0007 backfill', () => {
  it('rebuilds the ledger rows of existing credit notes', () => {
    const store = openDatabase({ path: ':memory:' });
    try {
      const deps = {
        db: store.db,
        issuer: DEFAULT_ISSUER_SETTINGS,
        emissionMode: () => ({ tipoEmision: '01' as const }),
        clock: () => new Date('2026-12-01T15:00:00Z'),
        actor: 'c',
      };
      const invoice = captureSale(deps, {
        ...SALE,
        items: [
          anItem({ codigo: 'R1', descripcion: 'Refresco', cantidad: '4', precioUnitario: '1.85' }),
          anItem({ codigo: 'P1', descripcion: 'Pan', precioUnitario: '6.44', tasaItbms: '00' }),
        ],
        pagos: [{ formaPagoFact: '02', valorCuotaPagada: '14.36' }],
      });
      if (!invoice.ok) throw new Error('invoice');
      store.sqlite
        .prepare("UPDATE documents SET status = 'AUTHORIZED', cufe = ? WHERE id = ?")
        .run(REAL_CUFE, invoice.captured.id);
      const drafted = draftCreditNote(store.db, invoice.captured.id, [
        { line: 2, cantidad: '1' },
        { line: 1, cantidad: '1' },
      ]);
      if (!drafted.ok) throw new Error(drafted.message);
      expect(captureSale({ ...deps, credit: drafted.credit }, drafted.draft).ok).toBe(true);
      const rows = () =>
        store.sqlite
          .prepare('SELECT invoice_id AS invoiceId, line, cantidad, amount FROM credit_ledger ORDER BY line')
          .all();
      const written = rows();
      expect(written).toEqual([
        { invoiceId: invoice.captured.id, line: 1, cantidad: '1', amount: '1.98' },
        { invoiceId: invoice.captured.id, line: 2, cantidad: '1', amount: '6.44' },
      ]);
      store.sqlite.exec('DELETE FROM credit_ledger');
      store.sqlite.exec(BACKFILL);
      expect(rows()).toEqual(written);
    } finally {
      store.close();
    }
  });
});
