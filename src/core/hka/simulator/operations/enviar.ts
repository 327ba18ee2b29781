// Enviar (REFERENCE.md §1.6.1): validate the `documento`, then authorise it like HKA + DGI would: CUFE, QR, protocol
// number, reception time, one folio used. A document already authorised answers 102 with its stored values.
import { child, textOf, type XNode } from '../../xml/xnode';
import { digestValue, codigoSeguridad, protocolNumber, qrUrl, simCufe } from '../authorization';
import { panamaIso } from '../panama-time';
import { rawElementXml, xnodeXml } from '../raw-element';
import { SIM_CODES, SIM_MESSAGES, fieldInvalid, fieldRequired } from '../sim-codes';
import type { ResultFields } from '../soap-envelope';
import type { StoredDocument } from '../store/sim-store';
import type { SimAccount } from '../types';
import { validateDocumento } from '../validation/validate-documento';
import {
  authenticate,
  errorResult,
  tokenError,
  validationError,
  type OperationContext,
  type OperationHandler,
} from './context';
import { keyOfDocumento, parseKey, type ParsedKey } from './document-key';
import { licenceStatus } from './folios';

const FECHA_EMISION = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;

function authorizedResult(codigo: string, resultado: string, mensaje: string, doc: StoredDocument): ResultFields {
  return {
    codigo,
    resultado,
    mensaje,
    cufe: doc.cufe,
    qr: doc.qr,
    fechaRecepcionDGI: doc.fechaRecepcionDGI,
    nroProtocoloAutorizacion: doc.nroProtocoloAutorizacion,
    fechaLimite: null,
  };
}

/** Like real sample 03: an error, yet carrying the earlier authorisation's values. */
const duplicateResult = (doc: StoredDocument): ResultFields =>
  authorizedResult(SIM_CODES.duplicate, 'error', SIM_MESSAGES.duplicado, doc);

/** Problems our own steps (key, branch, CUFE date) would trip over, whatever the validator already reported. */
function ownChecks(
  documento: XNode,
  account: SimAccount,
): { messages: string[]; parsed?: ParsedKey; fechaEmision?: string } {
  const key = parseKey(keyOfDocumento(documento));
  const messages = key.ok ? [] : [...key.messages];
  const sucursal = key.ok ? key.parsed.key.codigoSucursalEmisor : undefined;
  if (sucursal !== undefined && !account.issuer.branches.some((b) => b.codigo === sucursal)) {
    messages.push(`${fieldInvalid('codigoSucursalEmisor')}: la sucursal ${sucursal} no está registrada para el emisor`);
  }
  const fechaEmision = textOf(child(documento, 'datosTransaccion'), 'fechaEmision');
  if (!fechaEmision) messages.push(fieldRequired('fechaEmision'));
  else if (!FECHA_EMISION.test(fechaEmision) || Number.isNaN(Date.parse(fechaEmision)))
    messages.push(fieldInvalid('fechaEmision'));
  return { messages, ...(key.ok ? { parsed: key.parsed } : {}), ...(fechaEmision ? { fechaEmision } : {}) };
}

function authorize(
  documento: XNode,
  account: SimAccount,
  parsed: ParsedKey,
  fechaEmision: string,
  ctx: OperationContext,
): ResultFields {
  const seguridad = codigoSeguridad(ctx.random);
  const cufe = simCufe({
    issuer: account.issuer,
    tipoDocumento: parsed.key.tipoDocumento,
    codigoSucursalEmisor: parsed.key.codigoSucursalEmisor,
    fechaEmision,
    numero: parsed.key.numero,
    puntoFacturacionFiscal: parsed.key.puntoFacturacionFiscal,
    tipoEmision: parsed.tipoEmision,
    codigoSeguridad: seguridad,
  });
  const documentoXml = rawElementXml(ctx.rawBody, 'documento') ?? xnodeXml(documento);
  const digest = digestValue(documentoXml, cufe);
  const fechaRecepcionDGI = panamaIso(ctx.now);
  const { stored, duplicate } = ctx.store.authorize(
    {
      ...parsed.key,
      ruc: account.issuer.ruc,
      tipoEmision: parsed.tipoEmision,
      fechaEmision,
      cufe,
      qr: qrUrl(cufe, digest),
      fechaRecepcionDGI,
      authorizedAtMs: ctx.now.getTime(),
      codigoSeguridad: seguridad,
      digestValue: digest,
      documentoXml,
      issuer: account.issuer,
    },
    (sequence) => protocolNumber(fechaRecepcionDGI.slice(0, 4), sequence),
  );
  return duplicate
    ? duplicateResult(stored)
    : authorizedResult(SIM_CODES.ok, 'procesado', SIM_MESSAGES.enviado, stored);
}

export const enviar: OperationHandler = (wrapper, ctx) => {
  const account = authenticate(wrapper, ctx);
  if (!account) return tokenError();
  const documento = child(wrapper, 'documento');
  if (!documento || documento.children.length === 0) return validationError([fieldRequired('documento')]);

  const own = ownChecks(documento, account);
  // Duplicates first: a client resending after a lost answer must get the stored values even if, by now, its
  // document would no longer validate (e.g. a date rule measured against the current time).
  if (own.parsed) {
    const existing = ctx.store.findByKey({ ...own.parsed.key, ruc: account.issuer.ruc });
    if (existing) return duplicateResult(existing);
  }
  const messages = [...validateDocumento(documento, { issuer: account.issuer, now: ctx.now }), ...own.messages];
  if (messages.length > 0 || !own.parsed || !own.fechaEmision) return validationError(messages);

  if (licenceStatus(ctx.store, account, ctx.now).foliosDisponibleCiclo <= 0) {
    return errorResult(SIM_CODES.noFolios, SIM_MESSAGES.sinFolios);
  }
  return authorize(documento, account, own.parsed, own.fechaEmision, ctx);
};
