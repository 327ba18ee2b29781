// The sales report's days and product lines from the rollups (issue 17, decisions 0023 and 0031), added up in SQL as
// integers (cents, quantity millionths; credit notes negative, annulled and cancelled left out) before anything
// becomes a decimal: one decimal per day and figure, four per product. Products read whole months from
// product_month_rollups and at most half a month of days at each end from product_rollups (a longer partial month is
// the month less the days it leaves out), so a month's report reads ~one row per product and status, not one per
// product, status and day: its cost follows the catalogue, not the days or the documents.
import { money, type Money } from '../../shared/fiscal/money';
import type { StoreDb } from '../store/open-database';
import type { DayEntry } from './sales-report';
import { CREDIT_NOTE_TYPES } from './shift-report';

export interface ProductTotal {
  key: string;
  codigo: string | null;
  descripcion: string;
  cantidad: Money;
  base: Money;
  itbms: Money;
  total: Money;
}

/** A part of the range: days [lo, hi] or months [lo, hi] ('YYYY-MM'), added (+1) or taken out (-1). */
export interface Segment {
  table: 'day' | 'month';
  lo: string;
  hi: string;
  part: 1 | -1;
}

const DAY_MS = 86_400_000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const ms = (day: string) => Date.parse(`${day}T00:00:00Z`);
const monthStart = (day: string) => `${day.slice(0, 7)}-01`;
const monthEnd = (day: string) => {
  const d = new Date(ms(monthStart(day)));
  d.setUTCMonth(d.getUTCMonth() + 1);
  return dayOf(d.getTime() - DAY_MS);
};
const span = (lo: string, hi: string) => Math.round((ms(hi) - ms(lo)) / DAY_MS) + 1;

/** Days [lo, hi] of one month: read as days, or as the month less its other days when those are fewer. */
function withinMonth(lo: string, hi: string): Segment[] {
  const start = monthStart(lo);
  const end = monthEnd(lo);
  if (lo === start && hi === end) return [{ table: 'month', lo: lo.slice(0, 7), hi: lo.slice(0, 7), part: 1 }];
  if (span(lo, hi) * 2 <= span(start, end)) return [{ table: 'day', lo, hi, part: 1 }];
  const segments: Segment[] = [{ table: 'month', lo: lo.slice(0, 7), hi: lo.slice(0, 7), part: 1 }];
  if (lo > start) segments.push({ table: 'day', lo: start, hi: dayOf(ms(lo) - DAY_MS), part: -1 });
  if (hi < end) segments.push({ table: 'day', lo: dayOf(ms(hi) + DAY_MS), hi: end, part: -1 });
  return segments;
}

/**
 * [from, to] as whole months plus at most half a month of days at each end: a partial month longer than half is read
 * as the whole month less the days it leaves out. So no range reads more than ~31 days of rows.
 */
export function segments(from: string, to: string): Segment[] {
  if (from > to) return [];
  if (from.slice(0, 7) === to.slice(0, 7)) return withinMonth(from, to);
  const head = withinMonth(from, monthEnd(from));
  const tail = withinMonth(monthStart(to), to);
  const firstWhole = dayOf(ms(monthEnd(from)) + DAY_MS).slice(0, 7);
  const lastWhole = dayOf(ms(monthStart(to)) - DAY_MS).slice(0, 7);
  const middle: Segment[] = firstWhole <= lastWhole ? [{ table: 'month', lo: firstWhole, hi: lastWhole, part: 1 }] : [];
  return [...head, ...middle, ...tail];
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
const select = (s: Segment) =>
  s.table === 'day'
    ? `SELECT ${s.part} AS part, day AS bucket, ${COLUMNS} FROM product_rollups WHERE day BETWEEN ? AND ?`
    : `SELECT ${s.part} AS part, month AS bucket, ${COLUMNS} FROM product_month_rollups WHERE month BETWEEN ? AND ?`;

/**
 * Per product, every status but annulled/cancelled and every type but credit notes for invoices (04: the caller adds
 * those one by one, as their inclusion depends on their invoice), in code order. A product is there when lines of it
 * remain once the days taken out are taken out; its description is that of its earliest row added.
 */
export function productTotals(db: StoreDb, from: string, to: string): ProductTotal[] {
  const parts = segments(from, to);
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
    .all(parts.flatMap((p) => [p.lo, p.hi])) as {
    key: string;
    codigo: string | null;
    descripcion: string;
    cantidad: number;
    base: number;
    itbms: number;
    total: number;
  }[];
  return rows.map((r) => ({
    key: r.key,
    codigo: r.codigo,
    descripcion: r.descripcion,
    cantidad: fixed(r.cantidad, 6),
    base: fixed(r.base, 2),
    itbms: fixed(r.itbms, 2),
    total: fixed(r.total, 2),
  }));
}

/** An integer of `places` decimals as an exact decimal, written as text (cheaper than a division per amount). */
export function fixed(units: number, places: number): Money {
  const digits = String(Math.abs(units)).padStart(places + 1, '0');
  return money(`${units < 0 ? '-' : ''}${digits.slice(0, -places)}.${digits.slice(-places)}`);
}
