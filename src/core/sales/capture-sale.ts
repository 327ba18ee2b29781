// captureSale: the cashier's "complete sale". Validates with the fiscal core, then in ONE synchronous SQLite
// transaction (store/capture-writer.ts) takes the next fiscal number and writes the document, its items and
// payments, the outbox job, the audit entry and the sync events. No network and no await on this path: it returns
// in about a millisecond, online or not.
import { randomUUID } from 'node:crypto';
import type { FiscalDocument, FiscalDocumentInput } from '../../shared/fiscal/document';
import type { SaleDraft } from '../../shared/ipc/schemas';
import { transition, type DocumentStatus } from '../../shared/fiscal/lifecycle';
import { toPanamaDateTime } from '../../shared/fiscal/panama-time';
import type { DocumentTotals } from '../../shared/fiscal/totals';
import { validateDocument, type Violation } from '../../shared/fiscal/validate';
import { SeriesBlockedError, writeCapture } from '../store/capture-writer';
import {
  checkCreditFits,
  CreditRefusedError,
  recordCredit,
  type CreditClaim,
  type InvoiceLine,
} from '../documents/credit-ledger';
import { missingLotViolations } from './medicine-lots';
import { quantityUnitViolations } from './sale-quantities';
import type { StoreDb } from '../store/open-database';
import type { IssuerSettings } from '../store/settings-repo';

/** What the checkout sends (shared with the IPC contract): the sale without issuer, numbering, date and emission. */
export type { SaleDraft } from '../../shared/ipc/schemas';

/** Normal emission, or contingency (tipoEmision 02) with its start and reason (decided by the queue). */
export type EmissionMode = { tipoEmision: '01' } | { tipoEmision: '02'; fechaInicio: string; motivo: string };

export interface CaptureDeps {
  db: StoreDb;
  issuer: IssuerSettings;
  emissionMode: () => EmissionMode;
  clock: () => Date;
  /** The user who captures (their id), and the gerente who approved it when someone else did. */
  actor: string;
  approvedBy?: string | undefined;
  /** Added to the sale's audit entry (e.g. the loss-prevention exceptions and who approved each). */
  auditDetails?: Record<string, unknown> | undefined;
  newId?: () => string;
  /**
   * For a credit note (04): the invoice it credits and, for each of its items in order, the invoice line. The
   * ledger's check runs inside the capture transaction (documents/credit-ledger.ts); a 04 without it is refused.
   */
  credit?: { invoiceId: string; lines: readonly number[] } | undefined;
  /** Refuses invoicing against Demo/Producción until the HKA credentials were verified (hka-connection.ts). */
  invoicingAllowed?: () => { ok: true } | { ok: false; message: string };
}

export interface CapturedDocument {
  id: string;
  status: DocumentStatus;
  document: FiscalDocument;
  totals: DocumentTotals;
  /** The sale's audit entry as stored: the document's whole history at this point. */
  history: { at: string; actor: string; action: string; details: Record<string, unknown> }[];
  /** The lines as stored in document_items (what an invoice leaves to credit notes). */
  lines: InvoiceLine[];
  /** A credit note: the number of the invoice it credits (read inside the transaction); null otherwise. */
  facturaNumero: number | null;
}

export type CaptureResult = { ok: true; captured: CapturedDocument } | { ok: false; violations: Violation[] };

const NOT_AN_OBJECT: Violation = { path: '', rule: 'invalid_type', message: 'La venta no tiene un formato válido' };

/** Fills what the register decides. The number is a placeholder until the transaction takes the real one. */
function completeDraft(draft: SaleDraft, deps: CaptureDeps, at: Date): FiscalDocumentInput {
  const mode = deps.emissionMode();
  const tipoDocumento = draft.tipoDocumento;
  const isInvoice = tipoDocumento === '01';
  return {
    ...(isInvoice && draft.tipoVenta === undefined ? { tipoVenta: '1' as const } : {}),
    ...draft,
    // Defaults of a shop register, unless the draft says otherwise.
    naturalezaOperacion: draft.naturalezaOperacion ?? (isInvoice ? deps.issuer.naturalezaOperacion : '11'),
    tipoOperacion: draft.tipoOperacion ?? '1',
    destinoOperacion: draft.destinoOperacion ?? '1',
    formatoCAFE: draft.formatoCAFE ?? '2',
    entregaCAFE: draft.entregaCAFE ?? '2',
    envioContenedor: draft.envioContenedor ?? '1',
    procesoGeneracion: draft.procesoGeneracion ?? '1',
    // The shop's standing list of third parties allowed to download its documents, unless the draft names its own.
    ...(draft.autorizadosDescarga === undefined && deps.issuer.autorizadosDescarga.length > 0
      ? { autorizadosDescarga: deps.issuer.autorizadosDescarga }
      : {}),
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
  if (typeof draft !== 'object' || draft === null || Array.isArray(draft))
    return { ok: false, violations: [NOT_AN_OBJECT] };
  const gate = deps.invoicingAllowed?.() ?? { ok: true };
  if (!gate.ok) return { ok: false, violations: [{ path: '', rule: 'hka_not_verified', message: gate.message }] };
  const at = deps.clock();
  const checked = validateDocument(completeDraft(draft, deps, at));
  if (!checked.ok) return checked; // nothing written, no number consumed
  const lines = [
    ...quantityUnitViolations(deps.db, checked.document),
    ...missingLotViolations(deps.db, checked.document),
  ];
  if (lines.length > 0) return { ok: false, violations: lines };
  const id = (deps.newId ?? randomUUID)();
  const status = transition('DRAFT', 'QUEUED');
  const checkedDoc = checked.document;
  const totals = checked.totals;
  const claim = creditClaimOf(deps.credit, checkedDoc, totals);
  if (!claim.ok) return { ok: false, violations: [creditViolation(claim.message)] };
  try {
    const written = writeCaptureOf(deps, id, status, at, checkedDoc, totals, claim.claim);
    return { ok: true, captured: { id, status, totals, ...written } };
  } catch (error) {
    if (error instanceof CreditRefusedError) return { ok: false, violations: [creditViolation(error.message)] }; // rolled back
    if (error instanceof SeriesBlockedError) return { ok: false, violations: [SERIES_BLOCKED] }; // rolled back
    throw error;
  }
}

/** What the cashier reads when the series is blocked; the manager's hint is on the parked document. */
export const SERIES_BLOCKED: Violation = {
  path: '',
  rule: 'series_blocked',
  message:
    'No se puede facturar: HKA ya tiene otra venta con un número de esta serie. Un gerente debe resolverlo en Configuración › HKA › Series («Resolver número repetido»).',
};

function creditViolation(message: string): Violation {
  return { path: 'referencias', rule: 'credit_exceeded', message };
}

/** The ledger claim of a credit note, from the validated note itself (its quantities and line totals). */
function creditClaimOf(
  credit: CaptureDeps['credit'],
  doc: FiscalDocument,
  totals: DocumentTotals,
): { ok: true; claim: CreditClaim | undefined } | { ok: false; message: string } {
  if (doc.tipoDocumento !== '04') return { ok: true, claim: undefined };
  const cufe = doc.referencias?.[0]?.cufe;
  if (!credit || !cufe || credit.lines.length !== doc.items.length) {
    return { ok: false, message: 'Una nota de crédito se emite desde la factura que acredita (página del documento)' };
  }
  const lines = doc.items.map((item, i) => ({
    line: credit.lines[i] ?? 0,
    cantidad: item.cantidad,
    amount: totals.items[i]?.valorTotal ?? '0',
  }));
  return { ok: true, claim: { invoiceId: credit.invoiceId, cufe, lines } };
}

function writeCaptureOf(
  deps: CaptureDeps,
  id: string,
  status: DocumentStatus,
  at: Date,
  checkedDoc: FiscalDocument,
  totals: DocumentTotals,
  claim: CreditClaim | undefined,
): Pick<CapturedDocument, 'document' | 'history' | 'lines' | 'facturaNumero'> {
  let document: FiscalDocument = checkedDoc;
  let lines: InvoiceLine[] = [];
  let facturaNumero: number | null = null;
  const { audit } = writeCapture(deps.db.$client, {
    at,
    shiftActor: deps.actor,
    ...(claim
      ? {
          guard: (sqlite) => {
            facturaNumero = checkCreditFits(sqlite, claim);
          },
          alsoWrite: (sqlite, documentId) => recordCredit(sqlite, documentId, claim),
        }
      : {}),
    series: {
      codigoSucursal: checkedDoc.codigoSucursalEmisor,
      puntoFacturacion: checkedDoc.puntoFacturacionFiscal,
      tipoDocumento: checkedDoc.tipoDocumento,
    },
    build: (numero) => {
      document = { ...checkedDoc, numeroDocumentoFiscal: String(numero) };
      const summary = {
        tipoDocumento: document.tipoDocumento,
        numero,
        tipoEmision: document.tipoEmision,
        total: totals.totalFactura,
      };
      const rows = documentRows(id, document, totals, status, numero, deps.actor);
      lines = rows.items;
      return {
        ...rows,
        job: { documentId: id, nextAttemptAt: at.getTime() },
        audit: {
          actor: deps.actor,
          approvedBy: deps.approvedBy,
          action: 'sale.captured',
          documentId: id,
          details: { ...summary, ...(claim ? { creditOf: claim.invoiceId } : {}), ...deps.auditDetails },
        },
        statusEvent: { documentId: id, status, ...summary, at: at.toISOString() },
      };
    },
  });
  const details = JSON.parse(audit.details) as Record<string, unknown>; // as the history read parses it
  return {
    document,
    lines,
    facturaNumero,
    history: [{ at: audit.at, actor: audit.actor, action: audit.action, details }],
  };
}

function documentRows(
  id: string,
  doc: FiscalDocument,
  totals: DocumentTotals,
  status: DocumentStatus,
  numero: number,
  actor: string,
) {
  return {
    document: {
      id,
      codigoSucursal: doc.codigoSucursalEmisor,
      puntoFacturacion: doc.puntoFacturacionFiscal,
      tipoDocumento: doc.tipoDocumento,
      numero,
      tipoEmision: doc.tipoEmision,
      fechaEmision: doc.fechaEmision,
      status,
      body: JSON.stringify(doc),
      totals: JSON.stringify(totals),
      totalFactura: totals.totalFactura,
      receptorNombre: doc.cliente.razonSocial ?? null,
      createdBy: actor,
    },
    items: doc.items.map((item, i) => ({
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
    })),
    payments: doc.pagos.map((p, i) => ({
      documentId: id,
      line: i + 1,
      formaPago: p.formaPagoFact,
      descripcion: p.descFormaPago ?? null,
      monto: p.valorCuotaPagada,
    })),
  };
}
