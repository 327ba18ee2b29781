// Operations on an issued document named by datosDocumento (REFERENCE.md §1.5): EstadoDocumento (§1.6.2),
// AnulacionDocumento (§1.6.3), DescargaXML (§1.6.4) and DescargaPDF (§1.6.5).
import { child, textOf, type XNode } from '../../xml/xnode';
import { toAuthorizedDocument } from '../authorized-document';
import { buildRfeXml } from '../dgi/rfe-xml';
import { calendarDaysBetween, panamaDate, panamaIso, panamaSpaced } from '../panama-time';
import { SIM_CODES, SIM_MESSAGES, fieldRequired } from '../sim-codes';
import type { ResultFields } from '../soap-envelope';
import type { StoredDocument } from '../store/sim-store';
import {
  authenticate,
  errorResult,
  tokenError,
  validationError,
  type OperationContext,
  type OperationHandler,
} from './context';
import { lookupDocument } from './document-key';

/** HKA accepts an annulment up to 7 calendar days after authorisation [W FAQ]; we count Panamá calendar dates. */
export const ANNULMENT_WINDOW_DAYS = 7;

/**
 * Authenticates, checks the request (`problems`: messages about other parameters) and finds the document of
 * `datosDocumento`, or gives the error answer.
 */
export function withDocument(
  wrapper: XNode,
  ctx: OperationContext,
  then: (doc: StoredDocument) => ResultFields | Promise<ResultFields>,
  problems: readonly string[] = [],
): ResultFields | Promise<ResultFields> {
  const account = authenticate(wrapper, ctx);
  if (!account) return tokenError();
  const found = lookupDocument(child(wrapper, 'datosDocumento'), account, ctx.store);
  const messages = [...(found.ok || 'notFound' in found ? [] : found.messages), ...problems];
  if (messages.length > 0) return validationError(messages);
  if (!found.ok) return errorResult(SIM_CODES.documentNotFound, SIM_MESSAGES.documentoNoExiste);
  return then(found.doc);
}

/** `2023-04-10 10:29:09`: the issue date as the client wrote it, without its offset. */
const spacedFromIso = (iso: string): string => iso.slice(0, 19).replace('T', ' ');

export const estadoDocumento: OperationHandler = (wrapper, ctx) =>
  withDocument(wrapper, ctx, (doc) => ({
    codigo: SIM_CODES.ok,
    mensaje: SIM_MESSAGES.estado,
    cufe: doc.cufe,
    fechaEmisionDocumento: spacedFromIso(doc.fechaEmision),
    fechaRecepcionDocumento: panamaSpaced(new Date(doc.authorizedAtMs)),
    estatusDocumento: doc.status,
    mensajeDocumento: doc.status === 'Anulada' ? SIM_MESSAGES.anulado : SIM_MESSAGES.autorizado,
    resultado: 'procesado',
  }));

export const anulacionDocumento: OperationHandler = (wrapper, ctx) => {
  const motivo = textOf(wrapper, 'motivoAnulacion');
  const problems = motivo === undefined ? [fieldRequired('motivoAnulacion')] : [];
  return withDocument(
    wrapper,
    ctx,
    (doc) => {
      if (doc.status === 'Anulada') return errorResult(SIM_CODES.alreadyAnnulled, SIM_MESSAGES.yaAnulado);
      const days = calendarDaysBetween(panamaDate(new Date(doc.authorizedAtMs)), panamaDate(ctx.now));
      if (days > ANNULMENT_WINDOW_DAYS) return errorResult(SIM_CODES.annulmentExpired, SIM_MESSAGES.anulacionVencida);
      ctx.store.annul(doc.cufe, panamaIso(ctx.now), motivo ?? '');
      return { codigo: SIM_CODES.ok, resultado: 'procesado', mensaje: SIM_MESSAGES.anulacionOk };
    },
    problems,
  );
};

const fileResult = (base64: string): ResultFields => ({
  codigo: SIM_CODES.ok,
  resultado: 'procesado',
  mensaje: SIM_MESSAGES.archivo,
  documento: base64,
});

export const descargaXml: OperationHandler = (wrapper, ctx) =>
  withDocument(wrapper, ctx, (doc) =>
    fileResult(Buffer.from(buildRfeXml(toAuthorizedDocument(doc)), 'utf8').toString('base64')),
  );

export const descargaPdf: OperationHandler = (wrapper, ctx) =>
  withDocument(wrapper, ctx, async (doc) => {
    // pdfkit, fontkit and qrcode load at the first PDF asked for, not when training mode starts (issue 17: ~70 ms of
    // the web host's start and their memory, for a download most training sessions never make).
    const { buildCafePdf } = await import('../dgi/cafe-pdf');
    return fileResult((await buildCafePdf(toAuthorizedDocument(doc))).toString('base64'));
  });
