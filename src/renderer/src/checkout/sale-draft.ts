// From what is on screen (cart, customer, tenders) to what sales:complete receives, and the totals preview the
// cashier sees while ringing up. The preview uses the fiscal core's own arithmetic (computeTotals), so the amount
// on screen is the amount the register will issue.
import { cpbsItemFields } from '../../../shared/fiscal/cpbs';
import type { FiscalDocument } from '../../../shared/fiscal/document';
import type { Item } from '../../../shared/fiscal/item';
import type { Receptor, ReceptorInput } from '../../../shared/fiscal/receptor';
import { money, sum, toAmount2 } from '../../../shared/fiscal/money';
import { computeItemAmounts, computeTotals, type DocumentTotals } from '../../../shared/fiscal/totals';
import type { SaleDraft } from '../../../shared/ipc/schemas';
import { lineToItem, type CartLine } from './cart';
import { tendersToPagos, type Tender } from './tenders';
import {
  ticketDiscountAmount,
  ticketDiscountLabel,
  ticketDiscountProblem,
  type TicketDiscount,
} from '../../../shared/till/ticket-discount';

export const CONSUMIDOR_FINAL: Receptor = { tipoClienteFE: '02', pais: 'PA' };

/**
 * Totals of the cart as the core will compute them. computeTotals reads only the items, payments, discounts and
 * freight of a document; the register fields below are placeholders the arithmetic never looks at.
 */
export function previewTotals(
  lines: readonly CartLine[],
  tenders: readonly Tender[] = [],
  ticket: TicketDiscount | null = null,
): DocumentTotals {
  const items = lines.map(lineToItem);
  const preview: FiscalDocument = {
    codigoSucursalEmisor: '0000',
    tipoEmision: '01',
    tipoDocumento: '01',
    numeroDocumentoFiscal: '1',
    puntoFacturacionFiscal: '001',
    fechaEmision: '2000-01-01T00:00:00-05:00',
    naturalezaOperacion: '01',
    tipoOperacion: '1',
    destinoOperacion: '1',
    formatoCAFE: '2',
    entregaCAFE: '2',
    envioContenedor: '1',
    procesoGeneracion: '1',
    tiempoPago: '1',
    cliente: CONSUMIDOR_FINAL,
    items,
    pagos: tendersToPagos(tenders),
    ...descuentosFor(ticket, items),
  };
  return computeTotals(preview);
}

/** The items' total (ITBMS included): what a ticket discount is a share of, and what loss prevention compares it to. */
export function itemsTotal(items: readonly Item[]): string {
  return toAmount2(sum(items.map((item) => money(computeItemAmounts(item).valorTotal))));
}

/** HKA's descuentosGlobales for the ticket discount (none when there is none). */
function descuentosFor(
  ticket: TicketDiscount | null,
  items: readonly Item[],
): Pick<FiscalDocument, 'descuentosGlobales'> {
  if (ticket === null || items.length === 0) return {};
  return {
    descuentosGlobales: [
      { descDescuento: ticketDiscountLabel(ticket), montoDescuento: ticketDiscountAmount(ticket, itemsTotal(items)) },
    ],
  };
}

/** Why the sale cannot be sent yet; checked before anything is written. */
export type DraftProblem =
  | { problem: 'cartEmpty' }
  /** A sale to the State (tipoClienteFE 03) needs every product's CPBS code and unit; these products lack one. */
  | { problem: 'cpbsMissing'; products: { codigo: string; descripcion: string }[] }
  /** Medicines without their lot (the checkout asks for it when the product is added; the core refuses too). */
  | { problem: 'lotMissing'; products: { codigo: string; descripcion: string }[] }
  /** The ticket discount would leave nothing to pay (the basket shrank after it was given). */
  | { problem: 'discountNotBelowTotal' };

/**
 * The items of the sale. CPBS codes go only on sales to the State, the one case that needs them (REFERENCE.md §2.7):
 * HKA accepts them on other sales too, but a code the DGI's catalogue no longer knows would then get an ordinary
 * sale rejected for a field nobody asked for.
 */
function itemsFor(lines: readonly CartLine[], toTheState: boolean): Item[] {
  return lines.map((line) => {
    const item = lineToItem(line);
    return toTheState && line.codigoCPBS !== null
      ? { ...item, ...cpbsItemFields(line.codigoCPBS, line.unidadMedidaCPBS) }
      : item;
  });
}

export function buildSaleDraft(
  lines: readonly CartLine[],
  cliente: ReceptorInput,
  tenders: readonly Tender[],
  ticket: TicketDiscount | null = null,
): { ok: true; draft: SaleDraft } | ({ ok: false } & DraftProblem) {
  if (lines.length === 0) return { ok: false, problem: 'cartEmpty' };
  const withoutLot = lines.filter((l) => l.requiereLote && l.medicina === null);
  if (withoutLot.length > 0)
    return {
      ok: false,
      problem: 'lotMissing',
      products: withoutLot.map((l) => ({ codigo: l.codigo, descripcion: l.descripcion })),
    };
  const toTheState = cliente.tipoClienteFE === '03';
  if (toTheState) {
    // Each product once, in cart order, however many lines it has.
    const missing = new Map<string, { codigo: string; descripcion: string }>();
    for (const l of lines) {
      if (l.codigoCPBS === null || !l.unidadMedidaCPBS)
        missing.set(l.productId, { codigo: l.codigo, descripcion: l.descripcion });
    }
    if (missing.size > 0) return { ok: false, problem: 'cpbsMissing', products: [...missing.values()] };
  }
  const items = itemsFor(lines, toTheState);
  if (ticket !== null && ticketDiscountProblem(ticket, itemsTotal(items)) !== null)
    return { ok: false, problem: 'discountNotBelowTotal' };
  return {
    ok: true,
    draft: {
      tipoDocumento: '01',
      cliente,
      items,
      pagos: tendersToPagos(tenders),
      tiempoPago: '1',
      ...descuentosFor(ticket, items),
    },
  };
}
