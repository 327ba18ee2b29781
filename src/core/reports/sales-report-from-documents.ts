// The sales report computed from every document of the period (parse each totals JSON, read each item): how the
// report was computed before the rollups of migration 0011 (issue 17). Kept as the reference the rollup report must
// equal (sales-report-rollups.test.ts) and as the benchmark's baseline (bench/year); the app reads salesReport.
import { money, ZERO, type Money } from '../../shared/fiscal/money';
import type { SalesReport } from '../../shared/ipc/areas/reports/contract';
import type { DocumentTotals } from '../../shared/fiscal/totals';
import type { StoreDb } from '../store/open-database';
import { CREDIT_NOTE_TYPES } from './shift-report';
import { IN_RANGE, PRODUCT_LINES, report, type DayEntry, type ItemRow, type ProductEntry } from './sales-report';

interface DayRow { tipoDocumento: string; day: string; totals: string; totalFactura: string }

export function salesReportFromDocuments(db: StoreDb, from: string, to: string): SalesReport {
  const sqlite = db.$client;
  const days = sqlite.prepare(`SELECT d.tipo_documento AS tipoDocumento, substr(d.fecha_emision, 1, 10) AS day, d.totals,
    d.total_factura AS totalFactura FROM documents d WHERE ${IN_RANGE} ORDER BY d.fecha_emision`).all({ from, to }) as DayRow[];
  const byDay = new Map<string, DayEntry>();
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
  const byProduct = new Map<string, ProductEntry>();
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

  return report(from, to, byDay, byProduct);
}
