// Conditional rules of datosTransaccion (REFERENCE.md §2.2, §2.4, §2.5, §2.12 rules 1–3): contingency data,
// tipoVenta on notes, export data, referenced documents, and the dates HKA can check against its own clock.
import { parseCufe } from '../../../../shared/fiscal/cufe';
import {
  CONTINGENCY_EMISSION_TYPES,
  NOTE_DOCUMENT_TYPES,
  REFERENCING_DOCUMENT_TYPES,
} from '../../../../shared/fiscal/codes';
import { child, textOf, type XNode } from '../../xml/xnode';
import { checkAmount } from './amount-check';
import { MONEDAS_DGI as MONEDAS } from '../../../../shared/fiscal/dgi-catalogues';
import { amountOf, listItems, type Rule } from './documento-view';
import { dateTimeMillis, isHkaDateTime } from './field-formats';
import { inOccurrence, invalido, noDebeSerInformado, requerido, TOP, type Location } from './messages';

const includes = (list: readonly string[], value: string | undefined): boolean =>
  value !== undefined && list.includes(value);

/** A date-time field in epoch ms, only when it has HKA's format (a malformed one is reported by the table). */
function instant(node: XNode | undefined, field: string): number | undefined {
  const text = textOf(node, field);
  return text !== undefined && isHkaDateTime(text) ? dateTimeMillis(text) : undefined;
}

const requiredFields = (node: XNode | undefined, fields: readonly string[], at: Location = TOP): string[] =>
  fields.filter((f) => textOf(node, f) === undefined).map((f) => requerido(at, f));

/** Rule 1: tipoEmision 02/04 carry when and why the contingency started (motivo 15–250 chars, checked by the table). */
export const contingency: Rule = ({ transaccion }) => {
  if (!includes(CONTINGENCY_EMISSION_TYPES, textOf(transaccion, 'tipoEmision'))) return [];
  const messages = requiredFields(transaccion, ['fechaInicioContingencia', 'motivoContingencia']);
  const inicio = instant(transaccion, 'fechaInicioContingencia');
  const emision = instant(transaccion, 'fechaEmision');
  if (inicio !== undefined && emision !== undefined && inicio > emision) {
    messages.push(invalido(TOP, 'fechaInicioContingencia', 'posterior a fechaEmision'));
  }
  return messages;
};

/** §2.2 #16: tipoVenta describes a sale; credit and debit notes (04–07) must not carry it. */
export const noSaleTypeOnNotes: Rule = ({ transaccion }) =>
  includes(NOTE_DOCUMENT_TYPES, textOf(transaccion, 'tipoDocumento')) && textOf(transaccion, 'tipoVenta') !== undefined
    ? [noDebeSerInformado(TOP, 'tipoVenta')]
    : [];

/**
 * A document cannot be issued after HKA receives it. Clocks drift, so a few minutes of lead are tolerated; the
 * DGI's exact tolerance is not documented (assumption of this simulator).
 */
const CLOCK_SKEW_MS = 5 * 60_000;

export const issuedNotInFuture: Rule = ({ transaccion }, { now }) => {
  const emision = instant(transaccion, 'fechaEmision');
  return emision !== undefined && emision > now.getTime() + CLOCK_SKEW_MS
    ? [invalido(TOP, 'fechaEmision', 'posterior a la fecha de recepción')]
    : [];
};

/** Rule 3 / §2.4: exports carry their data; a currency outside the list is named; non-USD needs the exchange. */
export const exportData: Rule = ({ transaccion, totales }) => {
  const exportacion = child(transaccion, 'datosFacturaExportacion');
  if (textOf(transaccion, 'destinoOperacion') === '2' && !exportacion)
    return [requerido(TOP, 'datosFacturaExportacion')];
  if (!exportacion) return [];
  const moneda = textOf(exportacion, 'monedaOperExportacion');
  if (moneda === undefined || !MONEDAS.has(moneda)) return []; // absent or unknown: the table reports it
  const messages: string[] = [];
  if (moneda === 'ZZZ') messages.push(...requiredFields(exportacion, ['monedaOperExportacionNonDef']));
  if (moneda !== 'USD') {
    messages.push(...requiredFields(exportacion, ['tipoDeCambio', 'montoMonedaExtranjera']));
    const cambio = amountOf(exportacion, 'tipoDeCambio');
    const totalFactura = amountOf(totales, 'totalFactura');
    messages.push(
      ...checkAmount(TOP, exportacion, 'montoMonedaExtranjera', cambio && totalFactura && cambio.times(totalFactura)),
    );
  }
  return messages;
};

const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);

const REFERENCE_KINDS = ['cufeFEReferenciada', 'nroFacturaPapel', 'nroFacturaImpFiscal'] as const;
/** A credit note can be issued up to 180 days after the invoice it corrects (HKA FAQ, §2.12 rule 2). */
const CREDIT_NOTE_WINDOW_MS = 180 * 24 * 3600_000;

function referenceMessages(
  ref: XNode,
  at: Location,
  tipoDocumento: string | undefined,
  emision: number | undefined,
): string[] {
  const sent = REFERENCE_KINDS.filter((kind) => textOf(ref, kind) !== undefined);
  const needsCufe = includes(REFERENCING_DOCUMENT_TYPES, tipoDocumento);
  const messages: string[] = [];
  // DGI gDFRefNum is a choice: one reference kind, and a note "referente a una FE" (04/05) references it by CUFE.
  if (sent.length === 0 || (needsCufe && !sent.includes('cufeFEReferenciada')))
    messages.push(requerido(at, 'cufeFEReferenciada'));
  const kept = needsCufe ? 'cufeFEReferenciada' : sent[0];
  messages.push(...sent.filter((kind) => kind !== kept).map((kind) => noDebeSerInformado(at, kind)));

  // A CUFE of the wrong length is already reported by the table (AN|66); parseCufe checks layout and check digit.
  const cufe = textOf(ref, 'cufeFEReferenciada');
  const parsed = cufe === undefined || [...cufe].length !== 66 ? undefined : parseCufe(cufe);
  if (parsed && !parsed.ok) messages.push(invalido(at, 'cufeFEReferenciada', lowerFirst(parsed.reason)));

  const referenced = instant(ref, 'fechaEmisionDocFiscalReferenciado');
  if (referenced !== undefined && emision !== undefined) {
    if (referenced > emision)
      messages.push(invalido(at, 'fechaEmisionDocFiscalReferenciado', 'posterior a fechaEmision'));
    else if (tipoDocumento === '04' && emision - referenced > CREDIT_NOTE_WINDOW_MS) {
      messages.push(
        invalido(at, 'fechaEmisionDocFiscalReferenciado', 'la nota de crédito se emite más de 180 días después'),
      );
    }
  }
  return messages;
}

/** Rule 2 / §2.5: 04/05 reference the FE they correct; every reference is well formed. */
export const referencedDocuments: Rule = ({ transaccion }) => {
  const tipoDocumento = textOf(transaccion, 'tipoDocumento');
  const refs = listItems(transaccion, 'listaDocsFiscalReferenciados');
  if (includes(REFERENCING_DOCUMENT_TYPES, tipoDocumento) && refs.length === 0) {
    return [requerido(TOP, 'listaDocsFiscalReferenciados')];
  }
  const emision = instant(transaccion, 'fechaEmision');
  return refs.flatMap((ref, i) =>
    referenceMessages(ref, inOccurrence(TOP, 'DocFiscalReferenciado', i + 1), tipoDocumento, emision),
  );
};
