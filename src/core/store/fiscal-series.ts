// Fiscal numbering per (sucursal, punto de facturación, tipo de documento). Called only inside the capture
// transaction, so a number is taken exactly when the document that uses it is written: never reused, never
// skipped (a rolled-back transaction gives its number back).
import { sql } from 'drizzle-orm';
import type { StoreDb } from './open-database';
import { fiscalSeries } from './schema';

export interface SeriesKey {
  codigoSucursal: string;
  puntoFacturacion: string;
  tipoDocumento: string;
}

type Tx = Pick<StoreDb, 'insert'>;

export function takeNextNumber(tx: Tx, key: SeriesKey): number {
  const row = tx
    .insert(fiscalSeries)
    .values({ ...key, lastNumber: 1 })
    .onConflictDoUpdate({
      target: [fiscalSeries.codigoSucursal, fiscalSeries.puntoFacturacion, fiscalSeries.tipoDocumento],
      set: { lastNumber: sql`${fiscalSeries.lastNumber} + 1` },
    })
    .returning({ lastNumber: fiscalSeries.lastNumber })
    .get();
  return row.lastNumber;
}
