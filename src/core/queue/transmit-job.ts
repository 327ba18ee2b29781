// One transmission attempt of one document: the network part of the queue. It decides the outcome and writes
// nothing itself (apply-outcome.ts does, in a transaction, afterwards).
// No duplicates: when an earlier attempt may have reached HKA, ask EstadoDocumento first and send again only if
// HKA does not know the document; HKA's own 102 "duplicado" answer is the second line of defence. Either answer is
// accepted as our authorisation only after the identity proof (prove-answer.ts); otherwise it is a number collision.
import type { FiscalDocument } from '../../shared/fiscal/document';
import type { DocumentTotals } from '../../shared/fiscal/totals';
import type { DatosDocumento, HkaClient, HkaCredentials } from '../hka/client/hka-client';
import { unparseable, type EnviarOutcome, type HkaOutcome, type Transient } from '../hka/client/outcomes';
import { padNumeroDocumento, toHkaDocumento } from '../hka/map-documento';
import { retryDelayMs } from './backoff';
import type { Authorization, JobOutcome } from './apply-outcome';
import type { IdentityVerdict } from './identity-proof';
import { proveAnswer } from './prove-answer';

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
  /** The issuer's RUC as the register knows it, compared with the one in HKA's CUFE; undefined skips that field. */
  issuerRuc?: string | undefined;
}

export interface TransmitInput {
  documentId: string;
  attempts: number;
  maybeSent: boolean;
  document: FiscalDocument;
  totals: DocumentTotals;
  /** The identity verdict an earlier attempt stored on the job (outbox_jobs.identity_proof). */
  identityProof?: IdentityVerdict | undefined;
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
    deps.recordCall({
      operation,
      documentId: input.documentId,
      startedAt,
      durationMs: Math.round(performance.now() - t0),
      outcome,
      codigo,
    });
    return result;
  };

  return deps.credentials.withCredentials(async (credentials) => {
    const datos = datosDocumentoOf(input.document);
    /** HKA says a document under our key is already authorised: it is ours only once proven (identity-proof.ts). */
    const ifOurs = async (
      cufe: string,
      authorization: Omit<Authorization, 'cufe' | 'alreadyAuthorized'>,
    ): Promise<JobOutcome> => {
      const proof = await proveAnswer(deps.client, credentials, timed, {
        cufe,
        document: input.document,
        totals: input.totals,
        datos,
        cached: input.identityProof,
        issuerRuc: deps.issuerRuc,
      });
      if (proof.kind === 'unproven') {
        // Not a verdict: retry later, like a transient failure that may have reached HKA (it did: HKA answered).
        return transientOutcome(deps, input, proof.transient ?? unparseable(proof.detail), true);
      }
      if (!proof.verdict.ours) return { kind: 'collision', verdict: proof.verdict, codigo: authorization.codigo };
      return {
        kind: 'authorized',
        authorization: { ...authorization, cufe, qr: authorization.qr ?? proof.qr, alreadyAuthorized: true },
        verdict: proof.verdict,
      };
    };
    if (input.maybeSent) {
      const estado = await timed('EstadoDocumento', () => deps.client.estadoDocumento(credentials, datos));
      if (estado.kind === 'transient') return transientOutcome(deps, input, estado, true);
      if (
        estado.kind === 'ok' &&
        estado.data.cufe &&
        /^(Autorizada|Anulada)$/i.test(estado.data.estatusDocumento ?? '')
      ) {
        return ifOurs(estado.data.cufe, {
          qr: undefined,
          nroProtocoloAutorizacion: undefined,
          fechaRecepcionDGI: estado.data.fechaRecepcionDocumento,
          codigo: estado.codigo,
        });
      }
      // HKA does not know the document (a business "not found"): the earlier attempt never arrived; send it.
    }
    const sent = await timed('Enviar', () =>
      deps.client.enviar(credentials, toHkaDocumento(input.document, input.totals)),
    );
    switch (sent.kind) {
      case 'authorized': {
        const authorization = {
          qr: sent.qr || undefined,
          nroProtocoloAutorizacion: sent.nroProtocoloAutorizacion || undefined,
          fechaRecepcionDGI: sent.fechaRecepcionDGIRaw,
          codigo: sent.codigo,
        };
        if (sent.duplicate) return ifOurs(sent.cufe, authorization);
        return { kind: 'authorized', authorization: { ...authorization, cufe: sent.cufe, alreadyAuthorized: false } };
      }
      case 'rejected':
        return {
          kind: 'rejected',
          codigo: sent.codigo,
          messages: sent.messages.length > 0 ? sent.messages : [sent.mensaje],
        };
      case 'transient':
        return transientOutcome(deps, input, sent, input.maybeSent);
    }
  });
}

function transientOutcome(
  deps: TransmitDeps,
  input: TransmitInput,
  failure: Transient,
  alreadyMaybeSent: boolean,
): JobOutcome {
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
