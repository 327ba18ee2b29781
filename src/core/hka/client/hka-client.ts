// Typed client for HKA Panamá's nine SOAP operations (REFERENCE.md §1.6). Every method resolves to an outcome
// (authorized/ok, rejected, transient) and never rejects for network or HKA trouble, so the queue can decide
// without try/catch. Requests follow contract.ts: parameter order REQUEST_PARAMS, datosDocumento fields
// DATOS_DOCUMENTO_FIELDS. Logs carry operation, endpoint, duration, outcome and codigo: never tokens or bodies.
import { join } from 'node:path';
import { createClientAsync, type Client } from 'soap';
import {
  CONSULTAR_RUC_DV_FIELDS,
  DATOS_DOCUMENTO_FIELDS,
  HKA_ENDPOINTS,
  REQUEST_PARAMS,
  type HkaEnvironment,
  type HkaOperation,
} from '../contract';
import type { HkaElement } from '../documento-types';
import { padNumeroDocumento } from '../map-documento';
import type {
  EntregaCorreo,
  EnviarOutcome,
  EstadoDocumentoData,
  FoliosData,
  HkaOutcome,
  RucInfo,
  Transient,
} from './outcomes';
import {
  readAck,
  readConsultarRucDv,
  readDescargaPdf,
  readDescargaXml,
  readEnviar,
  readEstadoDocumento,
  readFoliosRestantes,
  readRastreoCorreo,
} from './result-readers';
import { protectLiteralText } from './literal-text';
import { scrubDeep, scrubText } from './scrub-secrets';
import { HkaRequestError, soapExchange } from './soap-exchange';
import type { ResultReply, SoapReply } from './soap-reply';

export interface HkaCredentials {
  tokenEmpresa: string;
  tokenPassword: string;
}

/** The key of an issued document (§1.5). numeroDocumentoFiscal is sent zero-padded to 10, like Enviar sends it. */
export interface DatosDocumento {
  codigoSucursalEmisor: string;
  numeroDocumentoFiscal: string;
  puntoFacturacionFiscal: string;
  tipoDocumento: string;
  tipoEmision: string;
  /** DescargaPDF only (optional). */
  serialDispositivo?: string;
}

export interface HkaLogger {
  info(msg: string, meta?: Record<string, unknown>): void;
  warn(msg: string, meta?: Record<string, unknown>): void;
  error(msg: string, meta?: Record<string, unknown>): void;
}

export interface HkaClientOptions {
  environment: HkaEnvironment;
  /** Required for 'simulador'; overrides HKA_ENDPOINTS for 'demo' and 'produccion'. */
  endpoint?: string;
  /** DNS + TCP (+ TLS) connection; default 5 000. */
  connectTimeoutMs?: number;
  /** From connection to the complete reply; default 30 000. */
  responseTimeoutMs?: number;
  /** Default: resources/hka/Service.wsdl of this repository (a packaged app passes its resources path). */
  wsdlPath?: string;
  logger?: HkaLogger;
  /** Every reply's Date header (HKA's clock), for the monitoring panel's clock check. */
  onServerDate?: (serverDate: Date) => void;
}

export interface HkaClient {
  readonly endpoint: string;
  enviar(c: HkaCredentials, documento: HkaElement): Promise<EnviarOutcome>;
  estadoDocumento(c: HkaCredentials, datos: DatosDocumento): Promise<HkaOutcome<EstadoDocumentoData>>;
  anulacionDocumento(
    c: HkaCredentials,
    datos: DatosDocumento,
    motivoAnulacion: string,
  ): Promise<HkaOutcome<Record<string, never>>>;
  /** The authorised XML, Base64-decoded. */
  descargaXml(c: HkaCredentials, datos: DatosDocumento): Promise<HkaOutcome<{ xml: string }>>;
  descargaPdf(c: HkaCredentials, datos: DatosDocumento): Promise<HkaOutcome<{ pdf: Buffer }>>;
  foliosRestantes(c: HkaCredentials): Promise<HkaOutcome<FoliosData>>;
  envioCorreo(c: HkaCredentials, datos: DatosDocumento, correo: string): Promise<HkaOutcome<Record<string, never>>>;
  rastreoCorreo(c: HkaCredentials, cufe: string): Promise<HkaOutcome<{ entregas: EntregaCorreo[] }>>;
  consultarRucDv(c: HkaCredentials, tipoRuc: '1' | '2', ruc: string): Promise<HkaOutcome<RucInfo>>;
  /** FoliosRestantes: the cheapest call that proves endpoint and credentials. */
  testConnection(c: HkaCredentials): Promise<HkaOutcome<FoliosData>>;
  /** Nothing to release (each call opens and closes its own connection); present for symmetry. */
  close(): void;
}

/** resources/hka/Service.wsdl of this repository, found from this source file (dev and tests; a bundled main
 * process passes `wsdlPath` instead, e.g. under process.resourcesPath). */
export function defaultWsdlPath(): string {
  return join(import.meta.dirname, '../../../../resources/hka/Service.wsdl');
}
type AnyOutcome = EnviarOutcome | HkaOutcome<unknown>;

const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
const DEFAULT_RESPONSE_TIMEOUT_MS = 30_000;

function resolveEndpoint(options: HkaClientOptions): string {
  const endpoint =
    options.endpoint ?? (options.environment === 'simulador' ? undefined : HKA_ENDPOINTS[options.environment]);
  if (endpoint === undefined) throw new Error("HKA client: environment 'simulador' needs an endpoint");
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new Error(`HKA client: endpoint is not a URL: ${endpoint}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`HKA client: endpoint must be http(s): ${endpoint}`);
  if (url.username !== '' || url.password !== '')
    throw new Error('HKA client: the endpoint must not carry credentials');
  return url.href;
}

function positive(value: number | undefined, fallback: number, name: string): number {
  const ms = value ?? fallback;
  if (!Number.isInteger(ms) || ms <= 0) throw new Error(`HKA client: ${name} must be a positive integer`);
  return ms;
}

/** Values in the order the contract lists them; an optional value left undefined is not sent. */
function ordered(fields: readonly string[], values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) if (values[field] !== undefined) out[field] = values[field];
  return out;
}

function datosDocumento(datos: DatosDocumento): Record<string, unknown> {
  return ordered(DATOS_DOCUMENTO_FIELDS, {
    ...datos,
    numeroDocumentoFiscal: padNumeroDocumento(datos.numeroDocumentoFiscal),
  });
}

export { HkaRequestError };

export async function createHkaClient(options: HkaClientOptions): Promise<HkaClient> {
  const endpoint = resolveEndpoint(options);
  const connectTimeoutMs = positive(options.connectTimeoutMs, DEFAULT_CONNECT_TIMEOUT_MS, 'connectTimeoutMs');
  const responseTimeoutMs = positive(options.responseTimeoutMs, DEFAULT_RESPONSE_TIMEOUT_MS, 'responseTimeoutMs');
  const soapClient: Client = await createClientAsync(options.wsdlPath ?? defaultWsdlPath(), { endpoint });
  soapClient.setMaxListeners(0); // one 'response' listener per call in flight
  const logger = options.logger;

  function log(operation: HkaOperation, outcome: AnyOutcome, codigo: string | undefined, durationMs: number): void {
    const meta = {
      operation,
      endpoint,
      durationMs,
      outcome: outcome.kind,
      ...(codigo === undefined ? {} : { codigo }),
    };
    if (outcome.kind === 'transient') {
      const { reason, mayHaveReachedHka, httpStatus } = outcome;
      logger?.warn(`HKA ${operation}: transient (${reason})`, {
        ...meta,
        reason,
        mayHaveReachedHka,
        ...(httpStatus === undefined ? {} : { httpStatus }),
      });
    } else if (outcome.kind === 'rejected') {
      logger?.warn(`HKA ${operation}: rejected`, meta);
    } else {
      logger?.info(`HKA ${operation}: ${outcome.kind}`, meta);
    }
  }

  async function call<T extends AnyOutcome>(
    operation: HkaOperation,
    c: HkaCredentials,
    values: Record<string, unknown>,
    read: (reply: ResultReply) => T,
  ): Promise<T | Transient> {
    const secrets = [c.tokenEmpresa, c.tokenPassword];
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    let reply: SoapReply;
    try {
      reply = await soapExchange(
        soapClient,
        operation,
        protectLiteralText(ordered(REQUEST_PARAMS[operation], values)),
        {
          connectTimeoutMs,
          responseTimeoutMs,
          secrets,
          ...(options.onServerDate ? { onServerDate: options.onServerDate } : {}),
        },
      );
    } catch (error) {
      logger?.error(`HKA ${operation}: request not sent`, {
        operation,
        endpoint,
        durationMs: elapsed(),
        outcome: 'error',
      });
      throw new HkaRequestError(scrubText(error instanceof Error ? error.message : String(error), secrets));
    }
    const outcome = scrubDeep(reply.kind === 'result' ? read(reply) : reply, secrets);
    log(operation, outcome, reply.kind === 'result' ? reply.codigo : undefined, elapsed());
    return outcome;
  }

  const tokens = (c: HkaCredentials) => ({ tokenEmpresa: c.tokenEmpresa, tokenPassword: c.tokenPassword });

  return {
    endpoint,
    enviar: (c, documento) => call('Enviar', c, { ...tokens(c), documento }, readEnviar),
    estadoDocumento: (c, datos) =>
      call('EstadoDocumento', c, { ...tokens(c), datosDocumento: datosDocumento(datos) }, readEstadoDocumento),
    anulacionDocumento: (c, datos, motivoAnulacion) =>
      call('AnulacionDocumento', c, { ...tokens(c), motivoAnulacion, datosDocumento: datosDocumento(datos) }, readAck),
    descargaXml: (c, datos) =>
      call('DescargaXML', c, { ...tokens(c), datosDocumento: datosDocumento(datos) }, readDescargaXml),
    descargaPdf: (c, datos) =>
      call('DescargaPDF', c, { ...tokens(c), datosDocumento: datosDocumento(datos) }, readDescargaPdf),
    foliosRestantes: (c) => call('FoliosRestantes', c, tokens(c), readFoliosRestantes),
    envioCorreo: (c, datos, correo) =>
      call('EnvioCorreo', c, { ...tokens(c), datosDocumento: datosDocumento(datos), correo }, readAck),
    rastreoCorreo: (c, cufe) => call('RastreoCorreo', c, { ...tokens(c), cufe }, readRastreoCorreo),
    consultarRucDv: (c, tipoRuc, ruc) =>
      call(
        'ConsultarRucDV',
        c,
        {
          consultarRucDVRequest: ordered(CONSULTAR_RUC_DV_FIELDS, { ...tokens(c), tipoRuc, ruc }),
        },
        readConsultarRucDv,
      ),
    testConnection: (c) => call('FoliosRestantes', c, tokens(c), readFoliosRestantes),
    close: () => undefined,
  };
}
