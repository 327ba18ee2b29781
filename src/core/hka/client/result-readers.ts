// From an `<Op>Result` with its codigo to the typed outcome of each operation (REFERENCE.md §1.6). codigo 200 is
// success everywhere; Enviar's 102 with a CUFE is "already authorised" (§1.6.1); any other codigo is HKA's
// business answer (rejected). A success whose payload we cannot read is `unparseable` (HKA did act on it).
import { child, children, textOf, type XNode } from '../xml/xnode';
import {
  rejected,
  unparseable,
  type EntregaCorreo,
  type EnviarOutcome,
  type EstadoDocumentoData,
  type FoliosData,
  type HkaOutcome,
  type RucInfo,
  type Transient,
} from './outcomes';
import { parseHkaDateTime } from './parse-dates';
import type { ResultReply } from './soap-reply';

const SUCCESS = '200';
const DUPLICATE = '102';

/** 200 → read the payload (which may turn out unreadable); anything else → rejected. */
function okOr<T>(reply: ResultReply, read: (result: XNode) => T | Transient): HkaOutcome<T> {
  if (reply.codigo !== SUCCESS) return rejected(reply.codigo, reply.mensaje);
  const data = read(reply.result);
  if (isTransient(data)) return data;
  return { kind: 'ok', codigo: reply.codigo, mensaje: reply.mensaje, data };
}

function isTransient(value: unknown): value is Transient {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'transient';
}

/** Optional properties without `undefined` values (exactOptionalPropertyTypes). */
function defined<T extends object>(entries: { [K in keyof T]: T[K] | undefined }): T {
  return Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined)) as T;
}

export function readEnviar(reply: ResultReply): EnviarOutcome {
  const { result, codigo, mensaje } = reply;
  const cufe = textOf(result, 'cufe');
  const authorized = codigo === SUCCESS || (codigo === DUPLICATE && cufe !== undefined);
  if (!authorized) return rejected(codigo, mensaje);
  if (cufe === undefined) return unparseable(`Enviar answered ${codigo} without a cufe`);
  const raw = textOf(result, 'fechaRecepcionDGI');
  const fecha = raw === undefined ? undefined : parseHkaDateTime(raw);
  if (raw === undefined || fecha === undefined) {
    return unparseable(
      `Enviar answered ${codigo} with an unreadable fechaRecepcionDGI: ${JSON.stringify(raw ?? null)}`,
    );
  }
  return {
    kind: 'authorized',
    duplicate: codigo === DUPLICATE,
    codigo,
    mensaje,
    cufe,
    qr: textOf(result, 'qr') ?? '',
    nroProtocoloAutorizacion: textOf(result, 'nroProtocoloAutorizacion') ?? '',
    fechaRecepcionDGI: fecha,
    fechaRecepcionDGIRaw: raw,
  };
}

export function readEstadoDocumento(reply: ResultReply): HkaOutcome<EstadoDocumentoData> {
  return okOr(reply, (r) => {
    const recepcion = textOf(r, 'fechaRecepcionDocumento');
    return defined<EstadoDocumentoData>({
      cufe: textOf(r, 'cufe'),
      estatusDocumento: textOf(r, 'estatusDocumento'),
      mensajeDocumento: textOf(r, 'mensajeDocumento'),
      fechaEmisionDocumento: textOf(r, 'fechaEmisionDocumento'),
      fechaRecepcionDocumento: recepcion,
      fechaRecepcion: recepcion === undefined ? undefined : parseHkaDateTime(recepcion),
      resultado: textOf(r, 'resultado'),
    });
  });
}

/** Operations whose success carries nothing but codigo/mensaje (AnulacionDocumento, EnvioCorreo). */
export function readAck(reply: ResultReply): HkaOutcome<Record<string, never>> {
  return okOr(reply, () => ({}));
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function base64Documento(r: XNode, what: string): Buffer | Transient {
  const text = (textOf(r, 'documento') ?? '').replace(/\s+/g, '');
  if (text === '' || text.length % 4 !== 0 || !BASE64.test(text)) {
    return unparseable(`${what}: documento is missing or not Base64`);
  }
  return Buffer.from(text, 'base64');
}

export function readDescargaXml(reply: ResultReply): HkaOutcome<{ xml: string }> {
  return okOr(reply, (r) => {
    const bytes = base64Documento(r, 'DescargaXML');
    return Buffer.isBuffer(bytes) ? { xml: bytes.toString('utf8').replace(/^\uFEFF/, '') } : bytes;
  });
}

export function readDescargaPdf(reply: ResultReply): HkaOutcome<{ pdf: Buffer }> {
  return okOr(reply, (r) => {
    const bytes = base64Documento(r, 'DescargaPDF');
    return Buffer.isBuffer(bytes) ? { pdf: bytes } : bytes;
  });
}

function integer(r: XNode, name: string): number | undefined {
  const text = textOf(r, name);
  return text !== undefined && /^\d{1,15}$/.test(text) ? Number(text) : undefined;
}

export function readFoliosRestantes(reply: ResultReply): HkaOutcome<FoliosData> {
  return okOr(reply, (r) => {
    const disponibles = integer(r, 'foliosDisponibleCiclo') ?? integer(r, 'foliosDisponiblesCiclo');
    if (disponibles === undefined)
      return unparseable('FoliosRestantes answered 200 without an integer foliosDisponibleCiclo');
    return {
      ...defined<Omit<FoliosData, 'foliosDisponibleCiclo'>>({
        licencia: textOf(r, 'licencia'),
        fechaLicencia: textOf(r, 'fechaLicencia'),
        ciclo: integer(r, 'ciclo'),
        fechaCiclo: textOf(r, 'fechaCiclo'),
        foliosTotalesCiclo: integer(r, 'foliosTotalesCiclo'),
        foliosUtilizadosCiclo: integer(r, 'foliosUtilizadosCiclo'),
        foliosTotales: integer(r, 'foliosTotales'),
      }),
      foliosDisponibleCiclo: disponibles,
    };
  });
}

export function readRastreoCorreo(reply: ResultReply): HkaOutcome<{ entregas: EntregaCorreo[] }> {
  return okOr(reply, (r) => ({
    entregas: children(child(r, 'listaRastreo'), 'listTracking').map((t) => ({
      correo: textOf(t, 'correo') ?? '',
      creadoEn: textOf(t, 'creado_en') ?? '',
      estado: textOf(t, 'estado') ?? '',
      messageId: textOf(t, 'messageId') ?? '',
    })),
  }));
}

export function readConsultarRucDv(reply: ResultReply): HkaOutcome<RucInfo> {
  return okOr(reply, (r) => {
    const info = child(r, 'infoRuc');
    if (!info) return unparseable('ConsultarRucDV answered 200 without infoRuc');
    return {
      tipoRuc: textOf(info, 'tipoRuc') ?? '',
      ruc: textOf(info, 'ruc') ?? '',
      dv: textOf(info, 'dv') ?? '',
      razonSocial: textOf(info, 'razonSocial') ?? '',
      afiliadoFE: textOf(info, 'afiliadoFE') ?? '',
    };
  });
}
