// Reads of the report rollups (document_rollups: migration 0011, issue 17; the sales report reads its own in sales-rollups.ts), kept by triggers on
// every write. A report adds up its hours or days from here instead of parsing every document's totals JSON, so its
// cost follows the number of hours/days/products, not of documents. Amounts are integer cents (quantities:
// millionths), turned back into exact decimals here.
import { money, type Money } from '../../shared/fiscal/money';
import type { StoreDb } from '../store/open-database';

export interface DocumentRollupRow {
  status: string;
  tipoDocumento: string;
  tipoEmision: string;
  metric: 'doc' | 'vuelto' | 'itbms' | 'base' | 'rate_itbms' | 'pay';
  key: string;
  /** Documents (doc, vuelto with change > 0, pay with that tender) or rate lines (base, rate_itbms). */
  n: number;
  amount: Money;
}

const HOUR_MS = 3_600_000;
/** The hour bucket of an ISO instant, as the triggers write it (substr(created_at, 1, 13)). */
export const hourKey = (iso: string): string => iso.slice(0, 13);
/** The start of the hour after the one `iso` falls in. */
export const nextHourStart = (iso: string): string =>
  new Date(Math.floor(new Date(iso).getTime() / HOUR_MS) * HOUR_MS + HOUR_MS).toISOString();
/** The start of the hour `iso` falls in. */
export const hourStart = (iso: string): string =>
  new Date(Math.floor(new Date(iso).getTime() / HOUR_MS) * HOUR_MS).toISOString();

const fromCents = (cents: number | bigint): Money => money(String(cents)).div(100);

interface RawDocRollup {
  status: string;
  tipoDocumento: string;
  tipoEmision: string;
  metric: DocumentRollupRow['metric'];
  key: string;
  n: number;
  amount: number | bigint;
}

function documentRollups(db: StoreDb, where: string, params: Record<string, string>): DocumentRollupRow[] {
  // Rows whose documents all moved away (a status change) stay with n = 0: they are nothing.
  const rows = db.$client
    .prepare(
      `SELECT status, tipo_documento AS tipoDocumento, tipo_emision AS tipoEmision, metric, key, sum(n) AS n,
        sum(amount) AS amount FROM document_rollups WHERE ${where} GROUP BY status, tipo_documento, tipo_emision, metric, key
        HAVING sum(n) > 0`,
    )
    .all(params) as RawDocRollup[];
  return rows.map((r) => ({ ...r, amount: fromCents(r.amount) }));
}

/** Created-at hours in [fromHour, untilHour) — untilHour null means every hour from fromHour on. */
export function hourRollups(db: StoreDb, fromHour: string, untilHour: string | null): DocumentRollupRow[] {
  return untilHour === null
    ? documentRollups(db, `kind = 'hour' AND bucket >= @fromHour`, { fromHour })
    : documentRollups(db, `kind = 'hour' AND bucket >= @fromHour AND bucket < @untilHour`, { fromHour, untilHour });
}
