// One transmission attempt of one document: the network part of the queue. It decides the outcome and writes
// nothing itself (apply-outcome.ts does, in a transaction, afterwards).
// No duplicates: when an earlier attempt may have reached HKA, ask EstadoDocumento first and send again only if
// HKA does not know the document; HKA's own 102 "duplicado" answer is the second line of defence.
import type { FiscalDocument } from '../../shared/fiscal/document';
import type { DocumentTotals } from '../../shared/fiscal/totals';
import type { DatosDocumento, HkaClient, HkaCredentials } from '../hka/client/hka-client';
import type { EnviarOutcome, HkaOutcome, Transient } from '../hka/client/outcomes';
import { padNumeroDocumento, toHkaDocumento } from '../hka/map-documento';
import { find, parseXml, textOf } from '../hka/xml/xnode';
import { retryDelayMs } from './backoff';
import type { JobOutcome } from './apply-outcome';

export interface HkaCredentialSource {
  /** Opens the HKA tokens for the duration of `use` (the vault in production). */
  withCredentials<T>(use: (credentials: HkaCredentials) => Promise<T>): Promise<T>;
}

export interface CallRecord {
  operation: string;
  documentId: string;
  startedAt: number;
  durationMs: number;
  outcome: string;
  codigo: string | undefined;
}

export interface TransmitDeps {
  client: HkaClient;
  credentials: HkaCredentialSource;
  clock: () => Date;
  random: () => number;
  backoffMs: readonly number[];
  recordCall: (call: CallRecord) => void;
}

export interface TransmitInput {
  documentId: string;
  attempts: number;
  maybeSent: boolean;
  document: FiscalDocument;
  totals: DocumentTotals;
}

export function datosDocumentoOf(doc: FiscalDocument): DatosDocumento {
  return {
    codigoSucursalEmisor: doc.codigoSucursalEmisor,
    numeroDocumentoFiscal: padNumeroDocumento(doc.numeroDocumentoFiscal),
    puntoFacturacionFiscal: doc.puntoFacturacionFiscal,
    tipoDocumento: doc.tipoDocumento,
    tipoEmision: doc.tipoEmision,
  };
}

type AnyOutcome = EnviarOutcome | HkaOutcome<unknown>;

export async function transmitJob(deps: TransmitDeps, input: TransmitInput): Promise<JobOutcome> {
  const timed = async <T extends AnyOutcome>(operation: string, call: () => Promise<T>): Promise<T> => {
    const startedAt = deps.clock().getTime();
    const t0 = performance.now();
    const result = await call();
    const codigo = 'codigo' in result ? result.codigo : undefined;
    const outcome = result.kind === 'transient' ? `transient:${result.reason}` : result.kind;
    deps.recordCall({ operation, documentId: input.documentId, startedAt, durationMs: Math.round(performance.now() - t0), outcome, codigo });
    return result;
  };

  return deps.credentials.withCredentials(async (credentials) => {
    const datos = datosDocumentoOf(input.document);
    if (input.maybeSent) {
      const estado = await timed('EstadoDocumento', () => deps.client.estadoDocumento(credentials, datos));
      if (estado.kind === 'transient') return transientOutcome(deps, input, estado, true);
      if (estado.kind === 'ok' && estado.data.cufe && /^(Autorizada|Anulada)$/i.test(estado.data.estatusDocumento ?? '')) {
        const qr = await fetchQr(deps, credentials, datos, timed);
        return {
          kind: 'authorized',
          authorization: {
            cufe: estado.data.cufe, qr, nroProtocoloAutorizacion: undefined,
            fechaRecepcionDGI: estado.data.fechaRecepcionDocumento, codigo: estado.codigo, alreadyAuthorized: true,
          },
        };
      }
      // HKA does not know the document (a business "not found"): the earlier attempt never arrived; send it.
    }
    const sent = await timed('Enviar', () => deps.client.enviar(credentials, toHkaDocumento(input.document, input.totals)));
    switch (sent.kind) {
      case 'authorized':
        return {
          kind: 'authorized',
          authorization: {
            cufe: sent.cufe, qr: sent.qr || undefined, nroProtocoloAutorizacion: sent.nroProtocoloAutorizacion || undefined,
            fechaRecepcionDGI: sent.fechaRecepcionDGIRaw, codigo: sent.codigo, alreadyAuthorized: sent.duplicate,
          },
        };
      case 'rejected':
        return { kind: 'rejected', codigo: sent.codigo, messages: sent.messages.length > 0 ? sent.messages : [sent.mensaje] };
      case 'transient':
        return transientOutcome(deps, input, sent, input.maybeSent);
    }
  });
}

function transientOutcome(deps: TransmitDeps, input: TransmitInput, failure: Transient, alreadyMaybeSent: boolean): JobOutcome {
  const error = `${failure.reason}: ${failure.detail}`;
  // This call surely did not reach HKA (refused, DNS, connect timeout): we are offline. Wait without burning an
  // attempt; the job's maybe-sent mark, if any, stays as it was.
  if (!failure.mayHaveReachedHka) return { kind: 'offline', error };
  const maybeSent = alreadyMaybeSent || failure.mayHaveReachedHka;
  const attempts = input.attempts + 1;
  const delay = retryDelayMs(attempts, deps.backoffMs, deps.random);
  if (delay === undefined) return { kind: 'failed', maybeSent, error };
  return { kind: 'retry', nextAttemptAt: deps.clock().getTime() + delay, maybeSent, error };
}

/** EstadoDocumento gives the CUFE but not the QR; the authorised XML carries it (gNoFirm/dQRCode). Best effort. */
async function fetchQr(
  deps: TransmitDeps,
  credentials: HkaCredentials,
  datos: DatosDocumento,
  timed: <T extends AnyOutcome>(operation: string, call: () => Promise<T>) => Promise<T>,
): Promise<string | undefined> {
  const xml = await timed('DescargaXML', () => deps.client.descargaXml(credentials, datos));
  if (xml.kind !== 'ok') return undefined;
  try {
    const root = parseXml(xml.data.xml);
    const gNoFirm = find(root, 'gNoFirm');
    return gNoFirm ? textOf(gNoFirm, 'dQRCode') : undefined;
  } catch {
    return undefined;
  }
}
