// Sales report between two days (Panama calendar days, from the documents' fechaEmision): by day and by product,
// with CSV. Annulled documents are left out; credit notes (04/06) subtract, so the figures are net sales.
// By product, a credit note (04) subtracts only from the sales of the invoice it credits, when that invoice is in the
// report too (the credit ledger links them); the ledger never lets a note credit more of a line than was sold, so no
// product line goes negative through them. Notes for invoices outside the range count in the day totals only. Generic
// notes (06, no invoice) subtract by product as they always did; a line they (or the rounding cent a line's partial
// notes may add, credit-ledger.ts) would push below zero shows zero.
import { money, toAmount2, toAmount6, ZERO, type Money } from '../../shared/fiscal/money';
import type { SalesReport } from '../../shared/ipc/contract-reports';
import type { DocumentTotals } from '../../shared/fiscal/totals';
import type { StoreDb } from '../store/open-database';
import { toCsv } from './csv';
import { CREDIT_NOTE_TYPES } from './shift-report';

interface DayRow { tipoDocumento: string; day: string; totals: string; totalFactura: string }
interface ItemRow { tipoDocumento: string; codigo: string | null; descripcion: string; cantidad: string; precioItem: string; valorItbms: string; valorTotal: string }

// fechaEmision is Panama local time with its offset ("2025-03-01T10:15:00-05:00"): its first 10 characters are the day.
const inRange = (alias: string) =>
  `${alias}.status NOT IN ('ANNULLED', 'CANCELLED') AND substr(${alias}.fecha_emision, 1, 10) BETWEEN @from AND @to`;
const IN_RANGE = inRange('d');
const PRODUCT_LINES = `${IN_RANGE} AND (d.tipo_documento <> '04' OR EXISTS (
  SELECT 1 FROM credit_ledger l JOIN documents inv ON inv.id = l.invoice_id WHERE l.note_id = d.id AND ${inRange('inv')}))`;

export function salesReport(db: StoreDb, from: string, to: string): SalesReport {
  const sqlite = db.$client;
  const days = sqlite.prepare(`SELECT d.tipo_documento AS tipoDocumento, substr(d.fecha_emision, 1, 10) AS day, d.totals,
    d.total_factura AS totalFactura FROM documents d WHERE ${IN_RANGE} ORDER BY d.fecha_emision`).all({ from, to }) as DayRow[];
  const byDay = new Map<string, { documents: number; creditNotes: number; base: Money; itbms: Money; total: Money }>();
  for (const row of days) {
    const sign = CREDIT_NOTE_TYPES.includes(row.tipoDocumento) ? -1 : 1;
    const totals = JSON.parse(row.totals) as DocumentTotals;
    const entry = byDay.get(row.day) ?? { documents: 0, creditNotes: 0, base: ZERO, itbms: ZERO, total: ZERO };
    if (sign < 0) entry.creditNotes++;
    else entry.documents++;
    const base = totals.porTasa.reduce<Money>((acc, r) => acc.plus(r.base), ZERO);
    entry.base = entry.base.plus(base.times(sign));
    entry.itbms = entry.itbms.plus(money(totals.totalITBMS).times(sign));
    entry.total = entry.total.plus(money(row.totalFactura).times(sign));
    byDay.set(row.day, entry);
  }

  const items = sqlite.prepare(`SELECT d.tipo_documento AS tipoDocumento, i.codigo, i.descripcion, i.cantidad,
    i.precio_item AS precioItem, i.valor_itbms AS valorItbms, i.valor_total AS valorTotal
    FROM document_items i JOIN documents d ON d.id = i.document_id WHERE ${PRODUCT_LINES}`).all({ from, to }) as ItemRow[];
  const byProduct = new Map<string, { codigo: string; descripcion: string; cantidad: Money; base: Money; itbms: Money; total: Money }>();
  for (const item of items) {
    const sign = CREDIT_NOTE_TYPES.includes(item.tipoDocumento) ? -1 : 1;
    // Lines without a code are grouped by their description.
    const key = item.codigo ?? `\u0000${item.descripcion}`;
    const entry = byProduct.get(key) ?? { codigo: item.codigo ?? '', descripcion: item.descripcion, cantidad: ZERO, base: ZERO, itbms: ZERO, total: ZERO };
    entry.cantidad = entry.cantidad.plus(money(item.cantidad).times(sign));
    entry.base = entry.base.plus(money(item.precioItem).times(sign));
    entry.itbms = entry.itbms.plus(money(item.valorItbms).times(sign));
    entry.total = entry.total.plus(money(item.valorTotal).times(sign));
    byProduct.set(key, entry);
  }

  return {
    from,
    to,
    byDay: [...byDay].map(([day, e]) => ({
      day, documents: e.documents, creditNotes: e.creditNotes, base: toAmount2(e.base), itbms: toAmount2(e.itbms), total: toAmount2(e.total),
    })),
    byProduct: [...byProduct.values()]
      .sort((a, b) => b.total.comparedTo(a.total) || a.descripcion.localeCompare(b.descripcion, 'es'))
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
