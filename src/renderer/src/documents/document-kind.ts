// What kind of document a row or a page shows, said so nobody mistakes a credit note for a sale: invoices need no
// label; a credit note (04) names the invoice it credits (the core's credit ledger), other types their DGI name.
import type { TFunction } from 'i18next';
import { TIPO_DOCUMENTO, labelOf } from '../../../shared/fiscal/codes';
import type { DocumentSummary } from '../../../shared/ipc/schemas';

const padded = (numero: number): string => String(numero).padStart(10, '0');

type Kinded = Pick<DocumentSummary, 'tipoDocumento' | 'numero' | 'facturaNumero'>;

/** The label beside the customer in the documents list; null for an invoice. */
export function documentKindText(doc: Kinded, t: TFunction): string | null {
  if (doc.tipoDocumento === '01') return null;
  if (doc.tipoDocumento === '04' && typeof doc.facturaNumero === 'number')
    return t('noteRef.list', { invoice: padded(doc.facturaNumero) });
  return labelOf(TIPO_DOCUMENTO, doc.tipoDocumento) ?? doc.tipoDocumento;
}

/** The document page's title. */
export function documentTitle(doc: Kinded, t: TFunction): string {
  const number = padded(doc.numero);
  if (doc.tipoDocumento === '01') return t('detail.title', { number });
  if (doc.tipoDocumento === '04' && typeof doc.facturaNumero === 'number')
    return t('noteRef.title', { number, invoice: padded(doc.facturaNumero) });
  return t('documentActions.titleOf', {
    kind: labelOf(TIPO_DOCUMENTO, doc.tipoDocumento) ?? doc.tipoDocumento,
    number,
  });
}
