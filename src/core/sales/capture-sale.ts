// captureSale: the cashier's "complete sale". Validates with the fiscal core, then in ONE synchronous SQLite
// transaction takes the next fiscal number and writes the document, its items and payments, the outbox job and
// the audit entry. No network and no await on this path: it returns in about a millisecond, online or not.
import { randomUUID } from 'node:crypto';
import type { FiscalDocument, FiscalDocumentInput } from '../../shared/fiscal/document';
import { transition, type DocumentStatus } from '../../shared/fiscal/lifecycle';
import { toPanamaDateTime } from '../../shared/fiscal/panama-time';
import type { DocumentTotals } from '../../shared/fiscal/totals';
import { validateDocument, type Violation } from '../../shared/fiscal/validate';
import { appendAudit, enqueueSync } from '../store/audit';
import { takeNextNumber } from '../store/fiscal-series';
import type { StoreDb } from '../store/open-database';
import { documentItems, documentPayments, documents, outboxJobs } from '../store/schema';
import type { IssuerSettings } from '../store/settings-repo';

/** What the checkout sends: the sale without issuer, numbering, date and emission type, which the register sets. */
type RegisterDecided = 'codigoSucursalEmisor' | 'tipoSucursal' | 'puntoFacturacionFiscal' | 'numeroDocumentoFiscal' | 'fechaEmision' | 'tipoEmision' | 'contingencia';
type Defaulted = 'naturalezaOperacion' | 'tipoOperacion' | 'destinoOperacion' | 'formatoCAFE' | 'entregaCAFE' | 'envioContenedor' | 'procesoGeneracion';
export type SaleDraft = Omit<FiscalDocumentInput, RegisterDecided | Defaulted> & Partial<Pick<FiscalDocumentInput, Defaulted>>;

/** Normal emission, or contingency (tipoEmision 02) with its start and reason (decided by the queue). */
export type EmissionMode = { tipoEmision: '01' } | { tipoEmision: '02'; fechaInicio: string; motivo: string };

export interface CaptureDeps {
  db: StoreDb;
  issuer: IssuerSettings;
  emissionMode: () => EmissionMode;
  clock: () => Date;
  actor: string;
  newId?: () => string;
}

export interface CapturedDocument {
  id: string;
  status: DocumentStatus;
  document: FiscalDocument;
  totals: DocumentTotals;
}

export type CaptureResult = { ok: true; captured: CapturedDocument } | { ok: false; violations: Violation[] };

const NOT_AN_OBJECT: Violation = { path: '', rule: 'invalid_type', message: 'La venta no tiene un formato válido' };

/** Fills what the register decides. The number is a placeholder until the transaction takes the real one. */
function completeDraft(draft: SaleDraft, deps: CaptureDeps, at: Date): FiscalDocumentInput {
  const mode = deps.emissionMode();
  const tipoDocumento = draft.tipoDocumento;
  const isInvoice = tipoDocumento === '01';
  return {
    naturalezaOperacion: isInvoice ? deps.issuer.naturalezaOperacion : '11',
    tipoOperacion: '1',
    destinoOperacion: '1',
    formatoCAFE: '2',
    entregaCAFE: '2',
    envioContenedor: '1',
    procesoGeneracion: '1',
    ...(isInvoice ? { tipoVenta: '1' as const } : {}),
    ...draft,
    codigoSucursalEmisor: deps.issuer.codigoSucursalEmisor,
    tipoSucursal: deps.issuer.tipoSucursal,
    puntoFacturacionFiscal: deps.issuer.puntoFacturacionFiscal,
    numeroDocumentoFiscal: '1',
    fechaEmision: toPanamaDateTime(at),
    ...(mode.tipoEmision === '02'
      ? { tipoEmision: '02', contingencia: { fechaInicio: mode.fechaInicio, motivo: mode.motivo } }
      : { tipoEmision: '01' }),
  };
}

export function captureSale(deps: CaptureDeps, draft: SaleDraft): CaptureResult {
  if (typeof draft !== 'object' || draft === null || Array.isArray(draft)) return { ok: false, violations: [NOT_AN_OBJECT] };
  const at = deps.clock();
  const checked = validateDocument(completeDraft(draft, deps, at));
  if (!checked.ok) return checked; // nothing written, no number consumed
  const id = (deps.newId ?? randomUUID)();
  const status = transition('DRAFT', 'QUEUED');
  const document = deps.db.transaction((tx) => {
    const numero = takeNextNumber(tx, {
      codigoSucursal: checked.document.codigoSucursalEmisor,
      puntoFacturacion: checked.document.puntoFacturacionFiscal,
      tipoDocumento: checked.document.tipoDocumento,
    });
    const doc: FiscalDocument = { ...checked.document, numeroDocumentoFiscal: String(numero) };
    writeDocument(tx, { id, doc, totals: checked.totals, status, numero, actor: deps.actor });
    tx.insert(outboxJobs).values({ documentId: id, state: 'pending', nextAttemptAt: at.getTime() }).run();
    const summary = { tipoDocumento: doc.tipoDocumento, numero, tipoEmision: doc.tipoEmision, total: checked.totals.totalFactura };
    appendAudit(tx, { actor: deps.actor, action: 'sale.captured', documentId: id, details: summary }, at);
    enqueueSync(tx, 'document_status', { documentId: id, status, ...summary, at: at.toISOString() });
    return doc;
  }, { behavior: 'immediate' });
  return { ok: true, captured: { id, status, document, totals: checked.totals } };
}

type Tx = Parameters<Parameters<StoreDb['transaction']>[0]>[0];

function writeDocument(
  tx: Tx,
  row: { id: string; doc: FiscalDocument; totals: DocumentTotals; status: DocumentStatus; numero: number; actor: string },
): void {
  const { id, doc, totals } = row;
  tx.insert(documents).values({
    id,
    codigoSucursal: doc.codigoSucursalEmisor,
    puntoFacturacion: doc.puntoFacturacionFiscal,
    tipoDocumento: doc.tipoDocumento,
    numero: row.numero,
    tipoEmision: doc.tipoEmision,
    fechaEmision: doc.fechaEmision,
    status: row.status,
    body: JSON.stringify(doc),
    totals: JSON.stringify(totals),
    totalFactura: totals.totalFactura,
    receptorNombre: doc.cliente.razonSocial ?? null,
    createdBy: row.actor,
  }).run();
  tx.insert(documentItems).values(doc.items.map((item, i) => ({
    documentId: id,
    line: i + 1,
    codigo: item.codigo ?? null,
    descripcion: item.descripcion,
    cantidad: item.cantidad,
    precioUnitario: item.precioUnitario,
    descuentoUnitario: item.precioUnitarioDescuento ?? null,
    tasaItbms: item.tasaItbms,
    precioItem: totals.items[i]?.precioItem ?? '0',
    valorItbms: totals.items[i]?.valorITBMS ?? '0',
    valorTotal: totals.items[i]?.valorTotal ?? '0',
  }))).run();
  tx.insert(documentPayments).values(doc.pagos.map((p, i) => ({
    documentId: id,
    line: i + 1,
    formaPago: p.formaPagoFact,
    descripcion: p.descFormaPago ?? null,
    monto: p.valorCuotaPagada,
  }))).run();
}
