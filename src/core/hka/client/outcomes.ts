// What an HKA call can end in, as plain data the queue can act on without catching anything:
// - authorized / ok: HKA answered codigo 200 (or 102 "duplicate" with a CUFE on Enviar, REFERENCE.md §1.6.1);
// - rejected: HKA answered with another codigo (a business answer: retrying the same request will not help);
// - transient: no usable answer; `mayHaveReachedHka` says whether HKA may have acted on the request anyway, in
//   which case the queue must ask EstadoDocumento before sending the document again.

export type TransientReason =
  | 'connection_refused'
  | 'connect_timeout'
  | 'dns'
  | 'response_timeout'
  | 'connection_reset'
  | 'http_error'
  | 'soap_fault'
  | 'unparseable';

export type Transient = {
  kind: 'transient';
  reason: TransientReason;
  mayHaveReachedHka: boolean;
  /** For logs and support; never contains credentials. */
  detail: string;
  httpStatus?: number;
};

export type Rejected = {
  kind: 'rejected';
  codigo: string;
  mensaje: string;
  /** `mensaje` split on '|' (HKA joins several validation errors with it, §1.7) and trimmed. */
  messages: string[];
};

export type EnviarOutcome =
  | {
      kind: 'authorized';
      /** codigo 102: the document had already been authorised; the values are those of that authorisation. */
      duplicate: boolean;
      codigo: string;
      mensaje: string;
      cufe: string;
      qr: string;
      nroProtocoloAutorizacion: string;
      fechaRecepcionDGI: Date;
      /** As HKA wrote it (its format varies, §7.10). */
      fechaRecepcionDGIRaw: string;
    }
  | Rejected
  | Transient;

export type HkaOutcome<T> = { kind: 'ok'; codigo: string; mensaje: string; data: T } | Rejected | Transient;

/** EstadoDocumento's answer (§1.6.2). Fields HKA leaves nil or empty are absent. */
export interface EstadoDocumentoData {
  cufe?: string;
  /** `Autorizada`, `Anulada` (other values undocumented, §7.19). */
  estatusDocumento?: string;
  mensajeDocumento?: string;
  fechaEmisionDocumento?: string;
  fechaRecepcionDocumento?: string;
  /** fechaRecepcionDocumento as an instant, when it parses. */
  fechaRecepcion?: Date;
  resultado?: string;
}

/** FoliosRestantes' answer (§1.6.6). foliosDisponibleCiclo is what the app watches, so a 200 without it is
 * unparseable; the other counters are absent when HKA leaves them out or they are not integers. */
export interface FoliosData {
  licencia?: string;
  /** `2020-08-12 / 2021-08-12` (start / end) as HKA writes it. */
  fechaLicencia?: string;
  ciclo?: number;
  fechaCiclo?: string;
  foliosTotalesCiclo?: number;
  foliosUtilizadosCiclo?: number;
  /** From `foliosDisponibleCiclo` (HKA's sample, contract.ts) or `foliosDisponiblesCiclo` (its field table), §7.3. */
  foliosDisponibleCiclo: number;
  foliosTotales?: number;
}

export interface EntregaCorreo {
  correo: string;
  creadoEn: string;
  estado: string;
  messageId: string;
}

export interface RucInfo {
  tipoRuc: string;
  ruc: string;
  dv: string;
  razonSocial: string;
  afiliadoFE: string;
}

export function rejected(codigo: string, mensaje: string): Rejected {
  const messages = mensaje
    .split('|')
    .map((m) => m.trim())
    .filter((m) => m !== '');
  return { kind: 'rejected', codigo, mensaje, messages };
}

export function transient(
  reason: TransientReason,
  mayHaveReachedHka: boolean,
  detail: string,
  httpStatus?: number,
): Transient {
  return httpStatus === undefined
    ? { kind: 'transient', reason, mayHaveReachedHka, detail }
    : { kind: 'transient', reason, mayHaveReachedHka, detail, httpStatus };
}

/** A reply that reached us but cannot be trusted or read: HKA may well have processed the request. */
export function unparseable(detail: string, httpStatus?: number): Transient {
  return transient('unparseable', true, detail, httpStatus);
}
