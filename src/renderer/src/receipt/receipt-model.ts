// What the 80 mm receipt shows, from a saved document (documents:get / sales:complete) and the register's issuer:
// the provisional receipt while there is no CUFE ("pendiente de autorización" / "emitido en contingencia") and
// the CAFE with CUFE, QR and protocol once authorised. Pure; Receipt.tsx only lays it out.
import { FORMA_PAGO, TASA_ITBMS, TIPO_DOCUMENTO, TIPO_IDENTIFICACION, labelOf } from '../../../shared/fiscal/codes';
import { fiscalDocumentSchema, type FiscalDocument } from '../../../shared/fiscal/document';
import { formatBalboas, money } from '../../../shared/fiscal/money';
import { computeTotals } from '../../../shared/fiscal/totals';
import type { AppStatus, DocumentDetail } from '../../../shared/ipc/schemas';

/** Where the document stands, as the receipt must say it (never "authorised" without a CUFE). */
export type ReceiptStage = 'pending' | 'contingency' | 'authorized' | 'notAuthorized' | 'annulled';

export interface ReceiptLine {
  descripcion: string;
  /** "2 x B/. 4.25" */
  detalle: string;
  /** "-B/. 0.50" when the line has a discount. */
  descuento: string | null;
  total: string;
  /** ITBMS rate label, e.g. "7 %". */
  tasa: string;
}

export interface ReceiptModel {
  stage: ReceiptStage;
  training: boolean;
  issuer: AppStatus['issuer'];
  tipoDocumento: string;
  /** "0000000042" */
  numero: string;
  puntoFacturacion: string;
  /** "28/11/2026 10:15:00" */
  fecha: string;
  /** Receptor lines: name, RUC/DV or foreign id. */
  cliente: string[];
  items: ReceiptLine[];
  subtotal: string;
  descuentos: string | null;
  porTasa: { tasa: string; base: string; itbms: string }[];
  totalItbms: string;
  total: string;
  pagos: { forma: string; monto: string }[];
  vuelto: string;
  contingencia: { desde: string; motivo: string } | null;
  cufe: string | null;
  qr: string | null;
  protocolo: string | null;
  fechaAutorizacion: string | null;
}

/** The DGI's public lookup by CUFE, printed under the QR (REFERENCE.md §5.6). */
export const CUFE_LOOKUP_URL = 'https://dgi-fep.mef.gob.pa/Consultas/FacturasPorCUFE';

/** "2026-11-28T10:15:00-05:00" → "28/11/2026 10:15:00": the document's own Panamá time, as written in it. */
export function fechaLocal(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2}:\d{2})/.exec(value);
  return m ? `${m[3]}/${m[2]}/${m[1]} ${m[4]}` : value;
}

export function stageOf(detail: Pick<DocumentDetail, 'status' | 'cufe' | 'tipoEmision'>): ReceiptStage {
  if (detail.status === 'ANNULLED') return 'annulled';
  if (detail.cufe !== null) return 'authorized';
  if (detail.status === 'REJECTED' || detail.status === 'FAILED' || detail.status === 'CANCELLED') return 'notAuthorized';
  return detail.tipoEmision === '02' || detail.tipoEmision === '04' ? 'contingency' : 'pending';
}

function clienteLines(doc: FiscalDocument): string[] {
  const c = doc.cliente;
  switch (c.tipoClienteFE) {
    case '01':
    case '03':
      return [c.razonSocial, `RUC ${c.numeroRUC} DV ${c.digitoVerificadorRUC}`];
    case '02': {
      const id = c.identificacion;
      const idLine = id ? [`Cédula/RUC ${id.numeroRUC}${id.digitoVerificadorRUC ? ` DV ${id.digitoVerificadorRUC}` : ''}`] : [];
      return [c.razonSocial ?? 'Consumidor final', ...idLine];
    }
    case '04':
      return [c.razonSocial ?? 'Extranjero', `${labelOf(TIPO_IDENTIFICACION, c.tipoIdentificacion) ?? ''} ${c.nroIdentificacionExtranjero}`.trim()];
  }
}

/** Short rate label for an 80 mm line: "Exento", "7 %". */
const tasaLabel = (code: keyof typeof TASA_ITBMS): string => (code === '00' ? 'Exento' : TASA_ITBMS[code].label);

/** The receipt of a saved document, or null when its body cannot be read (then only the summary can be shown). */
export function receiptModel(detail: DocumentDetail, issuer: AppStatus['issuer'], training: boolean): ReceiptModel | null {
  const parsed = fiscalDocumentSchema.safeParse(detail.document);
  if (!parsed.success) return null;
  const doc = parsed.data;
  // Recomputed with the same function the core used when saving: no second arithmetic to drift from it.
  const totals = computeTotals(doc);
  const totalDescuento = totals.items.reduce((acc, item) => acc.plus(item.descuento), money(0)).plus(totals.totalDescuento);
  return {
    stage: stageOf(detail),
    training,
    issuer,
    tipoDocumento: labelOf(TIPO_DOCUMENTO, doc.tipoDocumento) ?? doc.tipoDocumento,
    numero: String(detail.numero).padStart(10, '0'),
    puntoFacturacion: detail.puntoFacturacion,
    fecha: fechaLocal(detail.fechaEmision),
    cliente: clienteLines(doc),
    items: doc.items.map((item, i) => {
      const amounts = totals.items[i];
      const descuento = amounts && money(amounts.descuento).gt(0) ? `-${formatBalboas(amounts.descuento)}` : null;
      return {
        descripcion: item.descripcion,
        detalle: `${money(item.cantidad).toFixed()} x ${formatBalboas(item.precioUnitario)}`,
        descuento,
        total: formatBalboas(amounts?.valorTotal ?? '0'),
        tasa: tasaLabel(item.tasaItbms),
      };
    }),
    subtotal: formatBalboas(totals.totalPrecioNeto),
    descuentos: totalDescuento.gt(0) ? `-${formatBalboas(totalDescuento)}` : null,
    porTasa: totals.porTasa.map((r) => ({ tasa: tasaLabel(r.tasaItbms), base: formatBalboas(r.base), itbms: formatBalboas(r.itbms) })),
    totalItbms: formatBalboas(totals.totalITBMS),
    total: formatBalboas(totals.totalFactura),
    pagos: doc.pagos.map((p) => ({
      forma: p.formaPagoFact === '99' ? (p.descFormaPago ?? 'Otro') : (labelOf(FORMA_PAGO, p.formaPagoFact) ?? p.formaPagoFact),
      monto: formatBalboas(p.valorCuotaPagada),
    })),
    vuelto: formatBalboas(totals.vuelto),
    contingencia: doc.contingencia ? { desde: fechaLocal(doc.contingencia.fechaInicio), motivo: doc.contingencia.motivo } : null,
    cufe: detail.cufe,
    qr: detail.qr,
    protocolo: detail.nroProtocolo,
    fechaAutorizacion: detail.fechaRecepcionDgi === null ? null : fechaLocal(detail.fechaRecepcionDgi),
  };
}
