// What the receipt shows, from a saved document (documents:get / sales:complete) and the register's issuer: the
// provisional receipt while there is no CUFE ("pendiente de autorización" / "emitido en contingencia") and the CAFE
// with CUFE, QR and protocol once authorised. Pure and shared: the renderer's Receipt.tsx lays it out on screen and
// the core's ESC/POS encoder (core/printing) on a thermal printer, so both show the same figures.
//
// Every amount is a figure of the document (computeTotals, the arithmetic the core saved and HKA received), kept
// as a decimal string and formatted by Receipt.tsx, so the receipt adds up to the cent: the lines (precioItem, before
// tax, after the unit discount) add up to the subtotal (totalPrecioNeto); subtotal + ITBMS + ISC + other taxes +
// the lines' freight and insurance = totalTodosItems; that + invoice freight and insurance − global discounts = the
// total. A unit discount is shown once, on its line; "Descuento" below the subtotal is the global discount only.
import { FORMA_PAGO, TASA_ITBMS, TIPO_DOCUMENTO, TIPO_IDENTIFICACION, labelOf } from '../fiscal/codes';
import { fiscalDocumentSchema, type FiscalDocument } from '../fiscal/document';
import { formatBalboas, money, sum, toAmount2 } from '../fiscal/money';
import { computeTotals } from '../fiscal/totals';
import { readStoredTotals } from '../fiscal/totals-schema';
import type { AppStatus, DocumentDetail } from '../ipc/schemas';

/** Where the document stands, as the receipt must say it (never "authorised" without a CUFE). */
export type ReceiptStage = 'pending' | 'contingency' | 'authorized' | 'notAuthorized' | 'annulled';

export interface ReceiptLine {
  descripcion: string;
  /** "2 x B/. 4.25" */
  detalle: string;
  /** The unit discount of the line in money ("0.50"), shown on the line only; null when none. */
  descuento: string | null;
  /** precioItem: cantidad × (precio − descuento por unidad), before tax. Σ = subtotal. */
  importe: string;
  /** ITBMS rate label, e.g. "7 %". */
  tasa: string;
}

/** The figures under the lines, all decimal strings of the document; optional rows are null when zero/absent. */
export interface ReceiptSums {
  /** totalPrecioNeto = Σ line importe. */
  subtotal: string;
  porTasa: { tasa: string; base: string; itbms: string }[];
  /** totalITBMS = Σ porTasa.itbms. */
  totalItbms: string;
  /** totalISC. */
  isc: string | null;
  /** Σ valorTotalOTI. */
  otrosImpuestos: string | null;
  /** Σ freight and insurance charged on the lines. */
  cargosItems: string | null;
  /** Invoice-level freight (totalAcarreoCobrado) and insurance (valorSeguroCobrado). */
  acarreo: string | null;
  seguro: string | null;
  /** totalDescuento: the global discounts, subtracted here (positive amount). */
  descuentos: string | null;
  /** totalFactura. */
  total: string;
}

export interface ReceiptModel {
  stage: ReceiptStage;
  training: boolean;
  issuer: AppStatus['issuer'];
  tipoDocumento: string;
  /** "0000000042" */
  numero: string;
  /** A credit or debit note (04/05): the note's kind and the number of the invoice it refers to, named in its title. */
  nota: { kind: 'credito' | 'debito'; factura: string } | null;
  puntoFacturacion: string;
  /** "28/11/2026 10:15:00" */
  fecha: string;
  /** Receptor lines: name, RUC/DV or foreign id. */
  cliente: string[];
  items: ReceiptLine[];
  sums: ReceiptSums;
  /** Decimal strings. */
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
  if (detail.status === 'REJECTED' || detail.status === 'FAILED' || detail.status === 'CANCELLED')
    return 'notAuthorized';
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
      const idLine = id
        ? [`Cédula/RUC ${id.numeroRUC}${id.digitoVerificadorRUC ? ` DV ${id.digitoVerificadorRUC}` : ''}`]
        : [];
      return [c.razonSocial ?? 'Consumidor final', ...idLine];
    }
    case '04':
      return [
        c.razonSocial ?? 'Extranjero',
        `${labelOf(TIPO_IDENTIFICACION, c.tipoIdentificacion) ?? ''} ${c.nroIdentificacionExtranjero}`.trim(),
      ];
  }
}

/** Units a product is weighed in: the receipt names them ("0.750 kg x B/. 3.25 /kg"), since the quantity is a weight. */
const WEIGHT_UNITS = new Set(['kg', 'g', 'lb', 'oz']);

/** "2 x B/. 4.25"; a weighed item with its 3 decimals and unit: "0.750 kg x B/. 3.25 /kg". */
export function detalleOf(cantidad: string, unidad: string | undefined, precio: string): string {
  const unit = unidad?.trim().toLowerCase();
  if (unit !== undefined && WEIGHT_UNITS.has(unit))
    return `${money(cantidad).toFixed(3)} ${unit} x ${formatBalboas(precio)} /${unit}`;
  return `${money(cantidad).toFixed()} x ${formatBalboas(precio)}`;
}

/** A note referring to an invoice of this register names it; a generic note (06/07) or a sale has none. */
function noteOf(tipoDocumento: string, facturaNumero: number | null | undefined): ReceiptModel['nota'] {
  if (facturaNumero === null || facturaNumero === undefined) return null;
  if (tipoDocumento !== '04' && tipoDocumento !== '05') return null;
  return { kind: tipoDocumento === '04' ? 'credito' : 'debito', factura: String(facturaNumero).padStart(10, '0') };
}

/** Short rate label for an 80 mm line: "Exento", "7 %". */
const tasaLabel = (code: keyof typeof TASA_ITBMS): string => (code === '00' ? 'Exento' : TASA_ITBMS[code].label);

/** The receipt of a saved document, or null when its body cannot be read (then only the summary can be shown). */
export function receiptModel(
  detail: DocumentDetail,
  issuer: AppStatus['issuer'],
  training: boolean,
): ReceiptModel | null {
  const parsed = fiscalDocumentSchema.safeParse(detail.document);
  if (!parsed.success) return null;
  const doc = parsed.data;
  // The totals saved with the document (what HKA received); recomputed with the core's own function only when a
  // detail comes without them. A document saved under an older rounding rule keeps its own figures.
  const totals = readStoredTotals(detail.totals, doc) ?? computeTotals(doc);
  const nonZero = (value: string): string | null => (money(value).isZero() ? null : value);
  return {
    stage: stageOf(detail),
    training,
    issuer,
    tipoDocumento: labelOf(TIPO_DOCUMENTO, doc.tipoDocumento) ?? doc.tipoDocumento,
    numero: String(detail.numero).padStart(10, '0'),
    nota: noteOf(doc.tipoDocumento, detail.facturaNumero),
    puntoFacturacion: detail.puntoFacturacion,
    fecha: fechaLocal(detail.fechaEmision),
    cliente: clienteLines(doc),
    items: doc.items.map((item, i) => {
      const amounts = totals.items[i];
      return {
        descripcion: item.descripcion,
        detalle: detalleOf(item.cantidad, item.unidadMedida, item.precioUnitario),
        descuento: amounts ? nonZero(amounts.descuento) : null,
        importe: amounts?.precioItem ?? '0.00',
        tasa: tasaLabel(item.tasaItbms),
      };
    }),
    sums: {
      subtotal: totals.totalPrecioNeto,
      porTasa: totals.porTasa.map((r) => ({ tasa: tasaLabel(r.tasaItbms), base: r.base, itbms: r.itbms })),
      totalItbms: totals.totalITBMS,
      isc: nonZero(totals.totalISC),
      otrosImpuestos: nonZero(toAmount2(sum(totals.totalesOti.map((o) => money(o.valor))))),
      cargosItems: nonZero(toAmount2(sum(totals.items.map((a) => money(a.cargos))))),
      acarreo: doc.totalAcarreoCobrado === undefined ? null : nonZero(totals.totalAcarreoCobrado),
      seguro: doc.valorSeguroCobrado === undefined ? null : nonZero(totals.valorSeguroCobrado),
      descuentos: nonZero(totals.totalDescuento),
      total: totals.totalFactura,
    },
    pagos: doc.pagos.map((p) => ({
      forma:
        p.formaPagoFact === '99'
          ? (p.descFormaPago ?? 'Otro')
          : (labelOf(FORMA_PAGO, p.formaPagoFact) ?? p.formaPagoFact),
      monto: toAmount2(money(p.valorCuotaPagada)),
    })),
    vuelto: totals.vuelto,
    contingencia: doc.contingencia
      ? { desde: fechaLocal(doc.contingencia.fechaInicio), motivo: doc.contingencia.motivo }
      : null,
    cufe: detail.cufe,
    qr: detail.qr,
    protocolo: detail.nroProtocolo,
    fechaAutorizacion: detail.fechaRecepcionDgi === null ? null : fechaLocal(detail.fechaRecepcionDgi),
  };
}
