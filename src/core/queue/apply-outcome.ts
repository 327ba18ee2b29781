// What each HKA outcome does to a document and its job, in one SQLite transaction (after the network call, never
// around it). Status changes go through the domain's lifecycle, and each one is audited and queued for sync.
// Its statements are prepared once per connection (cached-update.ts, audit-writer.ts): this runs for every document
// HKA answers, on the core thread, and preparing an UPDATE of documents compiles all of that table's triggers.
import type Database from 'better-sqlite3';
import { canTransition, pathTo, type DocumentStatus } from '../../shared/fiscal/lifecycle';
import { appendAuditOn, enqueueSyncOn } from '../store/audit-writer';
import { cachedUpdate } from '../store/cached-update';
import type { StoreDb } from '../store/open-database';
import { documents, fiscalSeries, outboxJobs } from '../store/schema';
import { cachedStatement } from '../store/statement-cache';
import { describeMismatches, type IdentityVerdict } from './identity-proof';

export interface Authorization {
  cufe: string;
  qr: string | undefined;
  nroProtocoloAutorizacion: string | undefined;
  fechaRecepcionDGI: string | undefined;
  codigo: string;
  /** true when HKA answered 102 (already authorised) or EstadoDocumento found it. */
  alreadyAuthorized: boolean;
}

export type JobOutcome =
  /** `verdict`: the identity proof of a 102 / EstadoDocumento answer (absent for a plain 200). */
  | { kind: 'authorized'; authorization: Authorization; verdict?: IdentityVerdict }
  /** HKA holds another document under our key: parked as NUMBER_COLLISION and the series blocked. */
  | { kind: 'collision'; verdict: IdentityVerdict; codigo: string }
  | { kind: 'rejected'; codigo: string; messages: string[] }
  /** Failed after the request may have reached HKA (timeout, 5xx, fault…): costs an attempt. */
  | { kind: 'retry'; nextAttemptAt: number; maybeSent: boolean; error: string }
  /** Attempts exhausted. */
  | { kind: 'failed'; maybeSent: boolean; error: string }
  /** HKA surely not reached (offline): back to the queue without costing an attempt. */
  | { kind: 'offline'; error: string }
  /**
   * The attempt threw (a bug, a mapping exception, the vault): not an HKA answer. It costs an attempt like a transient
   * failure, so it ends FAILED (with the error for the manager) instead of coming back every lease period forever.
   * The request may have left before the throw, so the next attempt asks EstadoDocumento first.
   */
  | { kind: 'error'; error: string; nextAttemptAt: number | undefined };

export interface StatusChange {
  documentId: string;
  from: DocumentStatus;
  to: DocumentStatus;
}

const ACTOR = 'sistema:cola';

/**
 * Applies the outcome; returns the status change (undefined when nothing changed).
 * Only the claim that still holds the job's lease may move a job back to the queue, park it or fail it: an attempt
 * whose lease expired meanwhile reports into the void. HKA's authorisation, though, is a fact whoever hears it:
 * it is recorded from any status it can legally be reached from, and the job is done.
 */
export function applyOutcome(
  db: StoreDb,
  job: { jobId: number; documentId: string; claimToken: string },
  reported: JobOutcome,
  at: Date,
): StatusChange | undefined {
  const sqlite = db.$client;
  return db.transaction(
    () => {
      let outcome = reported;
      const doc = cachedStatement(sqlite, 'SELECT status FROM documents WHERE id = ?').get(job.documentId) as
        { status: string } | undefined;
      if (!doc) throw new Error(`Job ${job.jobId} points to missing document ${job.documentId}`);
      const lease = cachedStatement(sqlite, 'SELECT state, lease_owner AS owner FROM outbox_jobs WHERE id = ?').get(
        job.jobId,
      ) as { state: string; owner: string | null } | undefined;
      const holdsLease = lease?.state === 'leased' && lease.owner === job.claimToken;
      if (outcome.kind === 'authorized') outcome = guardCufeUnique(sqlite, job.documentId, outcome);
      if (outcome.kind !== 'authorized' && !holdsLease) return undefined;
      const from = doc.status as DocumentStatus;
      const stamp = at.toISOString();
      const setJob = (values: Partial<typeof outboxJobs.$inferInsert>) =>
        cachedUpdate(sqlite, outboxJobs, { ...values, updatedAt: stamp }, { id: job.jobId });
      const move = (
        to: DocumentStatus,
        extra: Partial<typeof documents.$inferInsert> = {},
      ): StatusChange | undefined => {
        if (from === to) return undefined;
        if (to === 'AUTHORIZED' ? pathTo(from, to) === undefined : !canTransition(from, to)) return undefined;
        cachedUpdate(
          sqlite,
          documents,
          { status: to, updatedAt: stamp, ...extra },
          { id: job.documentId, status: from },
        );
        return { documentId: job.documentId, from, to };
      };

      let change: StatusChange | undefined;
      let details: Record<string, unknown>;
      switch (outcome.kind) {
        case 'authorized': {
          const a = outcome.authorization;
          change = move('AUTHORIZED', {
            cufe: a.cufe,
            qr: a.qr ?? null,
            nroProtocolo: a.nroProtocoloAutorizacion ?? null,
            fechaRecepcionDgi: a.fechaRecepcionDGI ?? null,
            hkaCodigo: a.codigo,
            hkaMensajes: null,
          });
          setJob({
            state: 'done',
            leaseOwner: null,
            leaseExpiresAt: null,
            lastError: null,
            ...(outcome.verdict ? { identityProof: JSON.stringify(outcome.verdict) } : {}),
          });
          details = {
            cufe: a.cufe,
            codigo: a.codigo,
            alreadyAuthorized: a.alreadyAuthorized,
            ...(outcome.verdict ? { identityProven: true } : {}),
          };
          break;
        }
        case 'collision': {
          const { verdict } = outcome;
          change = move('NUMBER_COLLISION', {
            hkaCodigo: outcome.codigo,
            hkaMensajes: JSON.stringify([COLLISION_MESSAGE]),
          });
          setJob({
            state: 'parked',
            leaseOwner: null,
            leaseExpiresAt: null,
            identityProof: JSON.stringify(verdict),
            lastError: `Number collision: HKA holds ${verdict.cufe} under this number (${describeMismatches(verdict.mismatches)})`,
          });
          if (change) blockSeries(sqlite, job.documentId);
          details = { hkaCufe: verdict.cufe, codigo: outcome.codigo, mismatches: verdict.mismatches };
          break;
        }
        case 'rejected':
          change = move('REJECTED', { hkaCodigo: outcome.codigo, hkaMensajes: JSON.stringify(outcome.messages) });
          setJob({ state: 'parked', leaseOwner: null, leaseExpiresAt: null, lastError: outcome.messages.join(' | ') });
          details = { codigo: outcome.codigo, messages: outcome.messages };
          break;
        case 'retry':
          change = move('QUEUED');
          setJob({
            state: 'pending',
            attempts: incrementAttempts(sqlite, job.jobId),
            nextAttemptAt: outcome.nextAttemptAt,
            leaseOwner: null,
            leaseExpiresAt: null,
            maybeSent: outcome.maybeSent ? 1 : 0,
            lastError: outcome.error,
          });
          details = {
            error: outcome.error,
            maybeSent: outcome.maybeSent,
            nextAttemptAt: new Date(outcome.nextAttemptAt).toISOString(),
          };
          break;
        case 'failed':
          change = move('FAILED');
          setJob({
            state: 'failed',
            attempts: incrementAttempts(sqlite, job.jobId),
            leaseOwner: null,
            leaseExpiresAt: null,
            maybeSent: outcome.maybeSent ? 1 : 0,
            lastError: outcome.error,
          });
          details = { error: outcome.error, maybeSent: outcome.maybeSent };
          break;
        case 'error': {
          const attempts = incrementAttempts(sqlite, job.jobId);
          const exhausted = outcome.nextAttemptAt === undefined;
          change = move(
            exhausted ? 'FAILED' : 'QUEUED',
            exhausted ? { hkaMensajes: JSON.stringify([internalErrorMessage(outcome.error)]) } : {},
          );
          setJob({
            state: exhausted ? 'failed' : 'pending',
            attempts,
            nextAttemptAt: outcome.nextAttemptAt ?? at.getTime(),
            leaseOwner: null,
            leaseExpiresAt: null,
            maybeSent: 1,
            lastError: outcome.error,
          });
          details = { error: outcome.error, internal: true, attempts };
          break;
        }
        case 'offline':
          change = move('QUEUED');
          setJob({
            state: 'pending',
            nextAttemptAt: at.getTime(),
            leaseOwner: null,
            leaseExpiresAt: null,
            lastError: outcome.error,
          });
          details = { error: outcome.error };
          break;
      }
      if (change) {
        appendAuditOn(
          sqlite,
          { actor: ACTOR, action: `document.${change.to.toLowerCase()}`, documentId: job.documentId, details },
          at,
        );
        enqueueSyncOn(
          sqlite,
          'document_status',
          { documentId: job.documentId, status: change.to, from: change.from, at: stamp },
          at,
        );
      }
      return change;
    },
    { behavior: 'immediate' },
  );
}

/** Shown on the parked document (Spanish); the mismatches are in the audit entry and the job's last error. */
export const COLLISION_MESSAGE = 'HKA ya tiene autorizado otro documento con este número y no es esta venta';

/**
 * Never two documents with one CUFE (a UNIQUE index backs this): a CUFE already booked on another of our documents
 * is not this one's authorisation, whatever the proof said — it is a collision.
 */
function guardCufeUnique(
  sqlite: Database.Database,
  documentId: string,
  outcome: Extract<JobOutcome, { kind: 'authorized' }>,
): JobOutcome {
  const cufe = outcome.authorization.cufe;
  const holder = cachedStatement(sqlite, 'SELECT id FROM documents WHERE cufe = ? AND id <> ? LIMIT 1').get(
    cufe,
    documentId,
  ) as { id: string } | undefined;
  if (!holder) return outcome;
  return {
    kind: 'collision',
    codigo: outcome.authorization.codigo,
    verdict: {
      cufe,
      ours: false,
      mismatches: [
        { field: 'cufe', ours: '(not booked elsewhere)', theirs: `already booked on document ${holder.id}` },
      ],
    },
  };
}

/** A collision stops the register from taking more numbers of that series until a manager resolves it. */
function blockSeries(sqlite: Database.Database, documentId: string): void {
  const doc = cachedStatement(
    sqlite,
    'SELECT codigo_sucursal AS s, punto_facturacion AS p, tipo_documento AS t FROM documents WHERE id = ?',
  ).get(documentId) as { s: string; p: string; t: string } | undefined;
  if (!doc) return;
  cachedUpdate(
    sqlite,
    fiscalSeries,
    { blockedByCollision: 1 },
    { codigoSucursal: doc.s, puntoFacturacion: doc.p, tipoDocumento: doc.t },
  );
}

/** What the manager reads on the document page and in the needs-attention lane (the English detail is the bug's). */
export const INTERNAL_ERROR_PREFIX = 'Error interno del registro';

export function internalErrorMessage(error: string): string {
  return (
    `${INTERNAL_ERROR_PREFIX} al preparar o enviar el documento (no es una respuesta de HKA): ${error}. ` +
    'Reintente el envío; si vuelve a fallar, contacte a soporte.'
  );
}

function incrementAttempts(sqlite: Database.Database, jobId: number): number {
  const row = cachedStatement(sqlite, 'SELECT attempts FROM outbox_jobs WHERE id = ?').get(jobId) as
    { attempts: number } | undefined;
  return (row?.attempts ?? 0) + 1;
}
