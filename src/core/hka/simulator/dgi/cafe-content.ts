// What the CAFE (Comprobante Auxiliar de Factura Electrónica, the printed form of an FE) shows, as Spanish text
// ready to print, read from an authorised document. Layout is cafe-pdf.ts's job; this file decides the wording.
import {
  CODIGO_OTI,
  FORMA_PAGO,
  TIPO_DOCUMENTO,
  TIPO_EMISION,
  TIPO_IDENTIFICACION,
  labelOf,
} from '../../../../shared/fiscal/codes';
import { formatBalboas, money } from '../../../../shared/fiscal/money';
import { child, textOf, type XNode } from '../../xml/xnode';
import type { AuthorizedDocument } from '../types';
import { decimalText, listItems } from './rfe-writer';

export const CAFE_TITLE = 'Comprobante Auxiliar de Factura Electrónica';
export const CUFE_LOOKUP_URL = 'https://dgi-fep.mef.gob.pa/Consultas/FacturasPorCUFE';

export interface CafeItem {
  descripcion: string;
  /** "2 x B/. 4.25" */
  detalle: string;
  total: string;
}

/** A label and an amount, printed on one line ("ITBMS", "B/. 0.30"). */
export type CafeAmountLine = readonly [label: string, amount: string];

export interface CafeContent {
  title: string;
  tipoDocumento: string;
  /** Set when the document is not a normal prior-authorisation emission (contingency, posterior). */
  tipoEmision?: string;
  anulada: boolean;
  emisor: string[];
  numero: string;
  fechaEmision: string;
  receptor: string[];
  referencias: string[];
  items: CafeItem[];
  totales: CafeAmountLine[];
  pagos: CafeAmountLine[];
  cufe: string;
  autorizacion: string[];
  qr: string;
  /** "Consulte en" and the DGI lookup URL, as two lines. */
  consulta: string[];
}

/** An amount as received, or 0 when absent (or not a plain decimal, which HKA would not have authorised). */
const amountOrZero = (value: string | undefined): string =>
  value !== undefined && /^\d+(\.\d+)?$/.test(value) ? value : '0';
const balboas = (value: string | undefined): string => formatBalboas(amountOrZero(value));
const isPositive = (value: string | undefined): boolean => money(amountOrZero(value)).gt(0);

/** Unit prices keep HKA's item precision (up to 6 decimals), so quantity × price reads true: "B/. 3.456789". */
function unitPrice(value: string | undefined): string {
  const [whole = '0', decimals = '00'] = (decimalText(amountOrZero(value), 2, 6) ?? '0').split('.');
  return `B/. ${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${decimals}`;
}

/** "2026-11-28T10:15:00-05:00" → "28/11/2026 10:15:00" (local time of the document, as written in it). */
export function fechaLocal(value: string | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2}:\d{2})/.exec(value ?? '');
  return m ? `${m[3]}/${m[2]}/${m[1]} ${m[4]}` : (value ?? '');
}

function emisorLines(doc: AuthorizedDocument): string[] {
  const { issuer, branch } = doc;
  return [
    issuer.razonSocial,
    `RUC ${issuer.ruc} DV ${issuer.dv}`,
    `Sucursal ${branch.codigo} ${branch.nombre}`.trim(),
    branch.direccion,
    [branch.corregimiento, branch.distrito, branch.provincia].filter((p) => p !== '').join(', '),
    `Tel. ${branch.telefono}`,
  ];
}

function receptorLines(cliente: XNode | undefined): string[] {
  const text = (name: string): string | undefined => textOf(cliente, name);
  const nombre = text('razonSocial');
  const ruc = text('numeroRUC');
  const dv = text('digitoVerificadorRUC');
  const idExtranjero = text('nroIdentificacionExtranjero');
  const lines: string[] = [];
  if (text('tipoClienteFE') === '02') lines.push(nombre ?? 'Consumidor final');
  else if (nombre !== undefined) lines.push(nombre);
  if (ruc !== undefined) lines.push(`RUC ${ruc}${dv === undefined ? '' : ` DV ${dv}`}`);
  if (idExtranjero !== undefined) {
    const tipo = labelOf(TIPO_IDENTIFICACION, text('tipoIdentificacion') ?? '') ?? 'Identificación';
    const pais = text('paisExtranjero');
    lines.push(`${tipo} ${idExtranjero}${pais === undefined ? '' : ` (${pais})`}`);
  }
  const direccion = text('direccion');
  if (direccion !== undefined) lines.push(direccion);
  return lines;
}

function referenciaLines(datos: XNode | undefined): string[] {
  return listItems(datos, 'listaDocsFiscalReferenciados', 'docFiscalReferenciado').map((ref) => {
    const fecha = fechaLocal(textOf(ref, 'fechaEmisionDocFiscalReferenciado')).slice(0, 10);
    const cufe = textOf(ref, 'cufeFEReferenciada');
    const papel = textOf(ref, 'nroFacturaPapel');
    const what =
      cufe !== undefined
        ? `CUFE ${cufe}`
        : papel !== undefined
          ? `Factura en papel ${papel}`
          : `Factura de impresora fiscal ${textOf(ref, 'nroFacturaImpFiscal') ?? ''}`;
    return `${what} del ${fecha}`;
  });
}

function itemOf(item: XNode): CafeItem {
  const cantidad = decimalText(textOf(item, 'cantidad'), 0, 6) ?? '';
  return {
    descripcion: textOf(item, 'descripcion') ?? '',
    detalle: `${cantidad} x ${unitPrice(textOf(item, 'precioUnitario'))}`,
    total: balboas(textOf(item, 'valorTotal')),
  };
}

function totalLines(totales: XNode | undefined): CafeAmountLine[] {
  const t = (name: string): string | undefined => textOf(totales, name);
  const lines: CafeAmountLine[] = [
    ['Subtotal', balboas(t('totalPrecioNeto'))],
    ['ITBMS', balboas(t('totalITBMS'))],
  ];
  if (isPositive(t('totalISC'))) lines.push(['ISC', balboas(t('totalISC'))]);
  for (const oti of listItems(totales, 'listaTotalOTI', ['totalOti', 'totalOTI'])) {
    lines.push([
      labelOf(CODIGO_OTI, textOf(oti, 'codigoTotalOTI') ?? '') ?? 'Otro impuesto',
      balboas(textOf(oti, 'valorTotalOTI')),
    ]);
  }
  if (isPositive(t('totalAcarreoCobrado'))) lines.push(['Acarreo', balboas(t('totalAcarreoCobrado'))]);
  if (isPositive(t('valorSeguroCobrado'))) lines.push(['Seguro', balboas(t('valorSeguroCobrado'))]);
  if (isPositive(t('totalDescuento'))) lines.push(['Descuento', `-${balboas(t('totalDescuento'))}`]);
  lines.push(['TOTAL', balboas(t('totalFactura'))]);
  return lines;
}

function pagoLines(totales: XNode | undefined): CafeAmountLine[] {
  const lines: CafeAmountLine[] = listItems(totales, 'listaFormaPago', 'formaPago').map((pago) => {
    const code = textOf(pago, 'formaPagoFact') ?? '';
    const label =
      code === '99'
        ? (textOf(pago, 'descFormaPago') ?? 'Otro')
        : (labelOf(FORMA_PAGO, code) ?? `Forma de pago ${code}`);
    return [label, balboas(textOf(pago, 'valorCuotaPagada'))];
  });
  lines.push(['Vuelto', balboas(textOf(totales, 'vuelto'))]);
  const retencion = child(totales, 'retencion');
  if (retencion !== undefined) lines.push(['Retención de ITBMS', balboas(textOf(retencion, 'montoRetencion'))]);
  return lines;
}

export function cafeContent(doc: AuthorizedDocument): CafeContent {
  const datos = child(doc.documento, 'datosTransaccion');
  const totales = child(doc.documento, 'totalesSubTotales');
  const tipoDoc = textOf(datos, 'tipoDocumento') ?? '';
  const tipoEmision = textOf(datos, 'tipoEmision') ?? '01';
  const numero = (textOf(datos, 'numeroDocumentoFiscal') ?? '').padStart(10, '0');
  return {
    title: CAFE_TITLE,
    tipoDocumento: labelOf(TIPO_DOCUMENTO, tipoDoc) ?? `Documento tipo ${tipoDoc}`,
    ...(tipoEmision === '01' ? {} : { tipoEmision: labelOf(TIPO_EMISION, tipoEmision) ?? `Emisión ${tipoEmision}` }),
    anulada: doc.status === 'Anulada',
    emisor: emisorLines(doc),
    numero: `No. ${numero}  Punto de facturación ${textOf(datos, 'puntoFacturacionFiscal') ?? ''}`,
    fechaEmision: `Fecha de emisión: ${fechaLocal(textOf(datos, 'fechaEmision'))}`,
    receptor: receptorLines(child(datos, 'cliente')),
    referencias: referenciaLines(datos),
    items: listItems(doc.documento, 'listaItems', 'item').map(itemOf),
    totales: totalLines(totales),
    pagos: pagoLines(totales),
    cufe: doc.cufe,
    // Labels on their own line: the 40-character protocol number does not fit beside one on a roll.
    autorizacion: [
      'Protocolo de autorización:',
      doc.nroProtocoloAutorizacion,
      'Fecha de recepción DGI:',
      fechaLocal(doc.fechaRecepcionDGI),
    ],
    qr: doc.qr,
    consulta: ['Consulte en', CUFE_LOOKUP_URL],
  };
}
