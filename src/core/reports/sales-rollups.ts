// The sales report's days and product lines from the rollups (issue 17, decisions 0023 and 0031), added up in SQL as
// integers (cents, quantity millionths; credit notes negative, annulled and cancelled left out) before anything
// becomes a decimal: one decimal per day and figure; product lines stay integers until written as text (0033).
// Products read whole months, whole dekads and a few days at each end (report-segments.ts chooses them: decisions
// 0031, 0033), so any window reads a few rows per product and status, not one per product, status and day: its cost
// follows the catalogue, not the days or the documents.
import { money, type Money } from '../../shared/fiscal/money';
import type { StoreDb } from '../store/open-database';
import { BUCKET_COSTS, segments, type BucketCosts, type Segment } from './report-segments';
import type { DayEntry } from './sales-report';
import { CREDIT_NOTE_TYPES } from './shift-report';

/** A product's signed sums as integers: quantity in millionths, amounts in cents (exact; decimals only as text). */
export interface ProductTotal {
  key: string;
  codigo: string | null;
  descripcion: string;
  cantidad: number;
  base: number;
  itbms: number;
  total: number;
}

const COLUMNS = 'status, tipo_documento, key, codigo, descripcion, n, cantidad, base, itbms, total';
const CREDIT = `tipo_documento IN (${CREDIT_NOTE_TYPES.map((t) => `'${t}'`).join(', ')})`;
const signed = (column: string) => `sum(part * CASE WHEN ${CREDIT} THEN -${column} ELSE ${column} END)`;
const SKIPPED = "status NOT IN ('ANNULLED', 'CANCELLED')";

/** Per fecha_emision day in [from, to] with documents that count: documents, credit notes and their signed sums. */
export function dayTotals(db: StoreDb, from: string, to: string): Map<string, DayEntry> {
  const metric = (name: string) => `sum(CASE WHEN metric = '${name}' THEN CASE WHEN ${CREDIT} THEN -amount ELSE amount END ELSE 0 END)`;
  const rows = db.$client
    .prepare(
      `SELECT bucket AS day, sum(CASE WHEN metric = 'doc' AND NOT ${CREDIT} THEN n ELSE 0 END) AS documents,
        sum(CASE WHEN metric = 'doc' AND ${CREDIT} THEN n ELSE 0 END) AS creditNotes,
        ${metric('base')} AS base, ${metric('itbms')} AS itbms, ${metric('doc')} AS total
      FROM document_rollups WHERE kind = 'day' AND bucket BETWEEN ? AND ? AND n > 0 AND ${SKIPPED}
        AND metric IN ('doc', 'base', 'itbms') GROUP BY bucket ORDER BY bucket`,
    )
    .all(from, to) as { day: string; documents: number; creditNotes: number; base: number; itbms: number; total: number }[];
  return new Map(
    rows.map((r) => [
      r.day,
      { documents: r.documents, creditNotes: r.creditNotes, base: fixed(r.base, 2), itbms: fixed(r.itbms, 2), total: fixed(r.total, 2) },
    ]),
  );
}
const TABLES: Record<Segment['table'], string> = {
  day: 'product_rollups',
  dekad: 'product_dekad_rollups',
  month: 'product_month_rollups',
};
const select = (s: Segment) =>
  `SELECT ${s.part} AS part, ${s.table} AS bucket, ${COLUMNS} FROM ${TABLES[s.table]} WHERE ${s.table} BETWEEN ? AND ?`;

/**
 * Per product, every status but annulled/cancelled and every type but credit notes for invoices (04: the caller adds
 * those one by one, as their inclusion depends on their invoice), in code order. A product is there when lines of it
 * remain once the days taken out are taken out; its description is that of its earliest row added.
 */
export function productTotals(db: StoreDb, from: string, to: string, costs: BucketCosts = BUCKET_COSTS): ProductTotal[] {
  const parts = segments(from, to, costs);
  if (parts.length === 0) return [];
  // SQLite gives the bare codigo/descripcion of the row that holds min(first): the earliest row added.
  const rows = db.$client
    .prepare(
      `SELECT key, codigo, descripcion, min(CASE WHEN part > 0 AND n > 0 THEN bucket END) AS first,
        ${signed('cantidad')} AS cantidad, ${signed('base')} AS base, ${signed('itbms')} AS itbms, ${signed('total')} AS total
      FROM (${parts.map(select).join(' UNION ALL ')})
      WHERE ${SKIPPED} AND tipo_documento <> '04'
      GROUP BY key HAVING sum(part * n) > 0 ORDER BY key`,
    )
    .all(parts.flatMap((p) => [p.lo, p.hi])) as ProductTotal[];
  // Numbers are exact up to 2^53 (90 billion balboas, 9 billion units of a product): beyond that, refuse to guess.
  for (const r of rows)
    if (![r.cantidad, r.base, r.itbms, r.total].every(Number.isSafeInteger))
      throw new Error(`sales report: the sums of product ${r.key} exceed exact integers`);
  return rows;
}

/** An integer of `places` decimals as decimal text with exactly `places` decimals (12345, 2 → "123.45"). */
export function unitsText(units: number, places: number): string {
  const digits = String(Math.abs(units)).padStart(places + 1, '0');
  return `${units < 0 ? '-' : ''}${digits.slice(0, -places)}.${digits.slice(-places)}`;
}

/** An integer of `places` decimals as an exact decimal, written as text (cheaper than a division per amount). */
export function fixed(units: number, places: number): Money {
  return money(unitsText(units, places));
}

/** Decimal text as an integer of `places` decimals, half-up beyond them (stored lines never have more: 0008). */
export function textUnits(text: string, places: number): number {
  return money(text)
    .times(10 ** places)
    .toDecimalPlaces(0)
    .toNumber();
}
