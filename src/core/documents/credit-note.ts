// A credit note (04) for an authorised invoice, for all or part of its items: built from the original as the
// fiscal core models it, referencing the original's CUFE, and captured like any sale (same numbering, same queue).
import { eq } from 'drizzle-orm';
import type { FiscalDocument } from '../../shared/fiscal/document';
import { money, round2, sum, toAmount2, type Money } from '../../shared/fiscal/money';
import { discountShare } from '../../shared/till/ticket-discount';
import { computeItemAmounts } from '../../shared/fiscal/totals';
import type { SaleDraft } from '../../shared/ipc/schemas';
import type { StoreDb } from '../store/open-database';
import { documents } from '../store/schema';
import { creditRemaining } from './credit-ledger';

export interface CreditLine {
  /** 1-based line of the original document. */
  line: number;
  cantidad: string;
}

/** The note, and for each of its items (in order) the invoice line it credits (captureSale's ledger claim). */
export type CreditNoteDraft =
  { ok: true; draft: SaleDraft; credit: { invoiceId: string; lines: number[] } } | { ok: false; message: string };

/** How the customer gets the money back (a return at the till) and why: printed on the note. */
export interface CreditNoteRefund {
  /** Efectivo (out of the drawer: a refund in the X/Z), tarjeta de crédito or de débito. */
  formaPago?: '02' | '03' | '04' | undefined;
  motivo?: string | undefined;
}

export function draftCreditNote(
  db: StoreDb,
  originalId: string,
  lines?: readonly CreditLine[],
  refund: CreditNoteRefund = {},
): CreditNoteDraft {
  const row = db
    .select({ status: documents.status, body: documents.body, cufe: documents.cufe })
    .from(documents)
    .where(eq(documents.id, originalId))
    .get();
  if (!row) return { ok: false, message: 'El documento original no existe' };
  const original = JSON.parse(row.body) as FiscalDocument;
  if (row.status === 'ANNULLED') return { ok: false, message: 'La factura está anulada: no hay nada que acreditar' };
  if (original.tipoDocumento !== '01' || !row.cufe || row.status !== 'AUTHORIZED') {
    return { ok: false, message: 'Solo se emite nota de crédito sobre una factura autorizada por la DGI' };
  }
  // What earlier notes left (the capture transaction checks again: this is the early, friendly answer).
  const remaining = creditRemaining(db.$client, originalId);
  const chosen =
    lines ?? remaining.filter((l) => money(l.remaining).gt(0)).map((l) => ({ line: l.line, cantidad: l.remaining }));
  if (lines === undefined && chosen.length === 0)
    return { ok: false, message: 'La factura ya fue acreditada por completo' };
  const items = [];
  for (const { line, cantidad } of chosen) {
    const item = original.items[line - 1];
    const left = remaining.find((l) => l.line === line)?.remaining ?? '0';
    if (!item) return { ok: false, message: `La factura no tiene la línea ${line}` };
    if (!money(cantidad).gt(0) || money(cantidad).gt(left)) {
      const credited = money(item.cantidad).minus(left);
      const already = credited.gt(0)
        ? ` (facturado ${money(item.cantidad).toFixed()}, ya acreditado ${credited.toFixed()})`
        : '';
      return {
        ok: false,
        message: `Línea ${line}: la cantidad a acreditar debe ser mayor que cero y no superar ${left}${already}`,
      };
    }
    items.push({ ...item, cantidad });
  }
  if (items.length === 0) return { ok: false, message: 'Elija al menos una línea a acreditar' };
  // The credited items at their original prices and rates. A discount on the whole sale is credited in proportion
  // (the customer paid that much less for these items: refunding the full price would pay out money never received);
  // freight and withholding are not carried over.
  const itemsTotal = round2(sum(items.map((item) => money(computeItemAmounts(item).valorTotal))));
  const discountShare = proportionalDiscount(original, itemsTotal);
  const total = itemsTotal.minus(discountShare);
  // A credit sale (01) is refunded as cash; other forms are reversed the way they were paid, unless the till says how.
  const first = original.pagos[0]?.formaPagoFact;
  const formaPago = refund.formaPago ?? (first === undefined || first === '01' ? '02' : first);
  const rest = original;
  return {
    ok: true,
    credit: { invoiceId: originalId, lines: chosen.map((c) => c.line) },
    draft: {
      tipoDocumento: '04',
      naturalezaOperacion: '11',
      tipoOperacion: rest.tipoOperacion,
      destinoOperacion: rest.destinoOperacion,
      cliente: rest.cliente,
      items,
      referencias: [{ fechaEmision: original.fechaEmision, cufe: row.cufe }],
      pagos: [{ formaPagoFact: formaPago, valorCuotaPagada: toAmount2(total) }],
      tiempoPago: '1',
      ...(discountShare.gt(0)
        ? {
            descuentosGlobales: [
              { descDescuento: 'Parte del descuento de la factura', montoDescuento: toAmount2(discountShare) },
            ],
          }
        : {}),
      ...(refund.motivo ? { informacionInteres: `Devolución: ${refund.motivo}` } : {}),
      ...(rest.datosFacturaExportacion ? { datosFacturaExportacion: rest.datosFacturaExportacion } : {}),
    },
  };
}

/** The invoice's discounts on the whole sale credited with these items (shared/till/ticket-discount.ts). */
function proportionalDiscount(original: FiscalDocument, creditedItems: Money): Money {
  const discount = sum((original.descuentosGlobales ?? []).map((d) => money(d.montoDescuento)));
  const invoiceItems = sum(original.items.map((item) => money(computeItemAmounts(item).valorTotal)));
  return money(discountShare(discount.toString(), invoiceItems.toString(), creditedItems.toString()));
}
