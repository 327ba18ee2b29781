// What runs after a sale's capture transaction has committed: building the cashier's answer and telling the queue and
// the windows. The sale is saved by then, so none of it may become an error for the cashier (who would ring the sale
// again): a failing notification is logged, not thrown.
// The answer is built from the rows the transaction just wrote, not read back from the file: the read-back was ~18 %
// of a capture's CPU (two statements, the body's JSON parse, the credit ledger), and what it would read is known
// exactly. capture-answer.test.ts holds the two equal, document type by document type.
import { rejectionHint } from '../documents/rejection-hints';
import { remainingOfNewInvoice } from '../documents/credit-ledger';
import type { DocumentDetail } from '../../shared/ipc/schemas';
import type { CapturedDocument } from '../sales/capture-sale';

export interface AfterCommitSteps {
  /** Events and a worker tick. */
  notify: () => void;
  log?: { warn(message: string, meta?: Record<string, unknown>): void } | undefined;
}

export function afterCommit(steps: AfterCommitSteps, captured: CapturedDocument): DocumentDetail {
  const detail = detailOfCaptured(captured);
  try {
    steps.notify();
  } catch (error) {
    steps.log?.warn('A step after a committed capture failed', { documentId: captured.id, error: String(error) });
  }
  return detail;
}

/** The saved document as the capture wrote it: what getDocumentDetail reads back right after the commit. */
export function detailOfCaptured(captured: CapturedDocument): DocumentDetail {
  const { id, status, document, totals, history, lines, facturaNumero } = captured;
  return {
    id,
    tipoDocumento: document.tipoDocumento,
    numero: Number(document.numeroDocumentoFiscal),
    puntoFacturacion: document.puntoFacturacionFiscal,
    tipoEmision: document.tipoEmision,
    fechaEmision: document.fechaEmision,
    status,
    totalFactura: totals.totalFactura,
    receptorNombre: document.cliente.razonSocial ?? null,
    cufe: null,
    facturaNumero,
    document,
    totals,
    qr: null,
    nroProtocolo: null,
    fechaRecepcionDgi: null,
    hkaCodigo: null,
    hkaMensajes: [],
    history,
    annulableUntil: null, // only AUTHORIZED documents may be annulled
    hint: rejectionHint(status, null, []),
    creditable: document.tipoDocumento === '01' ? remainingOfNewInvoice(lines) : null,
  };
}
