// Sales report between two days (Panama calendar days, from the documents' fechaEmision): by day and by product,
// with CSV. Annulled documents are left out; credit notes (04/06) subtract, so the figures are net sales.
// By product, a credit note (04) subtracts only from the sales of the invoice it credits, when that invoice is in the
// report too (the credit ledger links them); the ledger never lets a note credit more of a line than was sold, so no
// product line goes negative through them. Notes for invoices outside the range count in the day totals only. Generic
// notes (06, no invoice) subtract by product as they always did; a line they (or the rounding cent a line's partial
// notes may add, credit-ledger.ts) would push below zero shows zero.
import { toAmount2, toAmount6, ZERO, type Money } from '../../shared/fiscal/money';
import type { SalesReport } from '../../shared/ipc/areas/reports/contract';
import type { StoreDb } from '../store/open-database';
import { toCsv } from './csv';
import type { BucketCosts } from './report-segments';
import { dayTotals, productTotals, textUnits, unitsText, type ProductTotal } from './sales-rollups';
import { CREDIT_NOTE_TYPES } from './shift-report';

export interface ItemRow { tipoDocumento: string; codigo: string | null; descripcion: string; cantidad: string; precioItem: string; valorItbms: string; valorTotal: string }

// fechaEmision is Panama local time with its offset ("2025-03-01T10:15:00-05:00"): its first 10 characters are the day.
const inRange = (alias: string) =>
  `${alias}.status NOT IN ('ANNULLED', 'CANCELLED') AND substr(${alias}.fecha_emision, 1, 10) BETWEEN @from AND @to`;
export const IN_RANGE = inRange('d');
export const PRODUCT_LINES = `${IN_RANGE} AND (d.tipo_documento <> '04' OR EXISTS (
  SELECT 1 FROM credit_ledger l JOIN documents inv ON inv.id = l.invoice_id WHERE l.note_id = d.id AND ${inRange('inv')}))`;

export interface DayEntry { documents: number; creditNotes: number; base: Money; itbms: Money; total: Money }
export interface ProductEntry { codigo: string; descripcion: string; cantidad: Money; base: Money; itbms: Money; total: Money }
const sign = (tipoDocumento: string) => (CREDIT_NOTE_TYPES.includes(tipoDocumento) ? -1 : 1);

/**
 * The report from the rollups of migrations 0011–0013 (issue 17): days from document_rollups, products from the day,
 * dekad and month product rollups (sales-rollups.ts; `costs` chooses the plan, report-segments.ts), and only the credit
 * notes for invoices (04) one by one (their product lines count only when their invoice is in the report: a ledger
 * question per note; they are a fraction of a percent of the documents). Product figures stay integers to the text.
 */
export function salesReport(db: StoreDb, from: string, to: string, costs?: BucketCosts): SalesReport {
  const byDay = dayTotals(db, from, to);
  // Already signed and added up per product in SQL (sales-rollups.ts), as integers: they stay integers to the text.
  const byProduct = new Map<string, ProductTotal>();
  for (const entry of productTotals(db, from, to, costs)) byProduct.set(entry.key, entry);
  const notes = db.$client.prepare(`SELECT d.tipo_documento AS tipoDocumento, i.codigo, i.descripcion, i.cantidad,
    i.precio_item AS precioItem, i.valor_itbms AS valorItbms, i.valor_total AS valorTotal
    FROM documents d JOIN document_items i ON i.document_id = d.id WHERE d.tipo_documento = '04' AND ${PRODUCT_LINES}`).all({ from, to }) as ItemRow[];
  for (const item of notes) {
    const key = item.codigo ?? `\u0000${item.descripcion}`;
    const s = sign(item.tipoDocumento);
    const entry = byProduct.get(key) ?? { key, codigo: item.codigo, descripcion: item.descripcion, cantidad: 0, base: 0, itbms: 0, total: 0 };
    entry.cantidad += s * textUnits(item.cantidad, 6);
    entry.base += s * textUnits(item.precioItem, 2);
    entry.itbms += s * textUnits(item.valorItbms, 2);
    entry.total += s * textUnits(item.valorTotal, 2);
    byProduct.set(key, entry);
  }
  return { from, to, byDay: dayLines(byDay), byProduct: productLines([...byProduct.values()]) };
}

const spanish = new Intl.Collator('es');
/** report()'s product lines from integer sums: the same order and text, without a decimal per figure (0033). */
function productLines(entries: ProductTotal[]): SalesReport['byProduct'] {
  const floor = (units: number) => (units < 0 ? 0 : units);
  return entries
    .map((e) => ({ ...e, codigo: e.codigo ?? '' }))
    .sort((a, b) => b.total - a.total || spanish.compare(a.descripcion, b.descripcion) || (a.codigo < b.codigo ? -1 : a.codigo > b.codigo ? 1 : 0))
    .map((e) => ({
      codigo: e.codigo, descripcion: e.descripcion, cantidad: unitsText(floor(e.cantidad), 6).replace(/(\.\d\d\d*?)0+$/, '$1'),
      base: unitsText(floor(e.base), 2), itbms: unitsText(floor(e.itbms), 2), total: unitsText(floor(e.total), 2),
    }));
}

function dayLines(byDay: Map<string, DayEntry>): SalesReport['byDay'] {
  return [...byDay].map(([day, e]) => ({
    day, documents: e.documents, creditNotes: e.creditNotes, base: toAmount2(e.base), itbms: toAmount2(e.itbms), total: toAmount2(e.total),
  }));
}

export function report(from: string, to: string, byDay: Map<string, DayEntry>, byProduct: Map<string, ProductEntry>): SalesReport {
  return {
    from,
    to,
    byDay: dayLines(byDay),
    byProduct: [...byProduct.values()]
      // The code last: products of the same name and total keep one order however their rows were read.
      .sort((a, b) => b.total.comparedTo(a.total) || a.descripcion.localeCompare(b.descripcion, 'es') || (a.codigo < b.codigo ? -1 : a.codigo > b.codigo ? 1 : 0))
      .map((e) => ({
        codigo: e.codigo, descripcion: e.descripcion, cantidad: toAmount6(floor(e.cantidad)), base: toAmount2(floor(e.base)),
        itbms: toAmount2(floor(e.itbms)), total: toAmount2(floor(e.total)),
      })),
  };
}

function floor(value: Money): Money {
  return value.isNegative() ? ZERO : value;
}

export function salesByDayCsv(report: SalesReport): string {
  return toCsv(['dia', 'documentos', 'notas_credito', 'base', 'itbms', 'total'],
    report.byDay.map((d) => [d.day, d.documents, d.creditNotes, d.base, d.itbms, d.total]));
}

export function salesByProductCsv(report: SalesReport): string {
  return toCsv(['codigo', 'descripcion', 'cantidad', 'base', 'itbms', 'total'],
    report.byProduct.map((p) => [p.codigo, p.descripcion, p.cantidad, p.base, p.itbms, p.total]));
}
