// From what is on screen (cart, customer, tenders) to what sales:complete receives, and the totals preview the
// cashier sees while ringing up. The preview uses the fiscal core's own arithmetic (computeTotals), so the amount
// on screen is the amount the register will issue.
import type { FiscalDocument } from '../../../shared/fiscal/document';
import type { Receptor, ReceptorInput } from '../../../shared/fiscal/receptor';
import { computeTotals, type DocumentTotals } from '../../../shared/fiscal/totals';
import type { SaleDraft } from '../../../shared/ipc/schemas';
import { lineToItem, type CartLine } from './cart';
import { tendersToPagos, type Tender } from './tenders';

export const CONSUMIDOR_FINAL: Receptor = { tipoClienteFE: '02', pais: 'PA' };

/**
 * Totals of the cart as the core will compute them. computeTotals reads only the items, payments, discounts and
 * freight of a document; the register fields below are placeholders the arithmetic never looks at.
 */
export function previewTotals(lines: readonly CartLine[], tenders: readonly Tender[] = []): DocumentTotals {
  const preview: FiscalDocument = {
    codigoSucursalEmisor: '0000', tipoEmision: '01', tipoDocumento: '01', numeroDocumentoFiscal: '1',
    puntoFacturacionFiscal: '001', fechaEmision: '2000-01-01T00:00:00-05:00', naturalezaOperacion: '01',
    tipoOperacion: '1', destinoOperacion: '1', formatoCAFE: '2', entregaCAFE: '2', envioContenedor: '1',
    procesoGeneracion: '1', tiempoPago: '1', cliente: CONSUMIDOR_FINAL,
    items: lines.map(lineToItem),
    pagos: tendersToPagos(tenders),
  };
  return computeTotals(preview);
}

/** Why the sale cannot be sent yet; checked before anything is written. */
export type DraftProblem = 'cartEmpty';

export function buildSaleDraft(
  lines: readonly CartLine[],
  cliente: ReceptorInput,
  tenders: readonly Tender[],
): { ok: true; draft: SaleDraft } | { ok: false; problem: DraftProblem } {
  if (lines.length === 0) return { ok: false, problem: 'cartEmpty' };
  return {
    ok: true,
    draft: { tipoDocumento: '01', cliente, items: lines.map(lineToItem), pagos: tendersToPagos(tenders), tiempoPago: '1' },
  };
}
