// What runs after a sale's capture transaction has committed: reading the saved document back for the screen and
// telling the queue and the windows. The sale is saved by then, so none of it may become an error for the cashier
// (who would ring the sale again): a failure is logged, and the answer is built from what was just written.
import type { DocumentDetail } from '../../shared/ipc/schemas';
import type { CapturedDocument } from '../sales/capture-sale';

export interface AfterCommitSteps {
  /** Reads the saved document back (getDocumentDetail). */
  read: (id: string) => DocumentDetail;
  /** Events and a worker tick. */
  notify: () => void;
  log?: { warn(message: string, meta?: Record<string, unknown>): void } | undefined;
}

export function afterCommit(steps: AfterCommitSteps, captured: CapturedDocument): DocumentDetail {
  let detail: DocumentDetail;
  try {
    detail = steps.read(captured.id);
  } catch (error) {
    steps.log?.warn('Reading back a saved document failed; answering from the captured rows', {
      documentId: captured.id,
      error: String(error),
    });
    detail = detailOfCaptured(captured);
  }
  try {
    steps.notify();
  } catch (error) {
    steps.log?.warn('A step after a committed capture failed', { documentId: captured.id, error: String(error) });
  }
  return detail;
}

/** The saved document as the capture wrote it (QUEUED, no HKA answer yet, no history read back). */
export function detailOfCaptured({ id, status, document, totals }: CapturedDocument): DocumentDetail {
  return {
    id,
    status,
    tipoDocumento: document.tipoDocumento,
    numero: Number(document.numeroDocumentoFiscal),
    puntoFacturacion: document.puntoFacturacionFiscal,
    tipoEmision: document.tipoEmision,
    fechaEmision: document.fechaEmision,
    totalFactura: totals.totalFactura,
    receptorNombre: document.cliente.razonSocial ?? null,
    cufe: null,
    document,
    totals,
    qr: null,
    nroProtocolo: null,
    fechaRecepcionDgi: null,
    hkaCodigo: null,
    hkaMensajes: [],
    history: [],
    annulableUntil: null,
    hint: null,
  };
}
