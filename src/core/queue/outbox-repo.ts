// The durable transmission queue lives in SQLite (outbox_jobs). Jobs are leased with an expiry: a job left
// 'leased' by a crash becomes claimable again when its lease runs out, and is then treated as "may have reached
// HKA" (we cannot know whether the crash came before or after the request left).
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { StoreDb } from '../store/open-database';
import { documents, outboxJobs } from '../store/schema';
import { cachedStatement } from '../store/statement-cache';

export interface ClaimedJob {
  jobId: number;
  documentId: string;
  /** Identifies this claim: only the claim that still holds the lease may report a non-final outcome. */
  claimToken: string;
  attempts: number;
  maybeSent: boolean;
  /** The document's status before this claim (QUEUED, or PROCESSING after a crash). */
  previousStatus: string;
}

// The claim's statements, prepared once per connection (statement-cache.ts). Built by drizzle at every claim, they were
// most of its cost: preparing the UPDATE of documents compiles every trigger on that table (rollups, search; decision
// 0038), ~2-4 ms on the core thread per claim at a year's size, and the queue claims once per free slot (decision
// 0041). Lists of ids travel as one JSON array (json_each), so each statement's text never changes.
const DUE_SQL = `SELECT id FROM outbox_jobs
  WHERE ((state = 'pending' AND next_attempt_at <= @now) OR (state = 'leased' AND lease_expires_at <= @now))`;
const ORDER_SQL = ` ORDER BY next_attempt_at, id LIMIT @limit`;
const DUE_JOBS_SQL = `${DUE_SQL}${ORDER_SQL}`;
const DUE_JOBS_EXCEPT_SQL = `${DUE_SQL} AND document_id NOT IN (SELECT value FROM json_each(@excluded))${ORDER_SQL}`;
// An expired lease means a previous holder died mid-call: from now on, ask HKA before sending again (SET reads the
// row's old state).
const LEASE_SQL = `UPDATE outbox_jobs SET maybe_sent = CASE WHEN state = 'leased' THEN 1 ELSE maybe_sent END,
    state = 'leased', lease_owner = @claim || '#' || id, lease_expires_at = @expires, updated_at = @at
  WHERE id IN (SELECT value FROM json_each(@ids))
  RETURNING id AS jobId, document_id AS documentId, attempts, maybe_sent AS maybeSent, lease_owner AS claimToken`;
const STATUSES_SQL = `SELECT id, status FROM documents WHERE id IN (SELECT value FROM json_each(?))`;
// `+status`: the rows come by primary key; with an index on status SQLite would walk every QUEUED document (the backlog).
const PROCESSING_SQL = `UPDATE documents SET status = 'PROCESSING', updated_at = @at
  WHERE id IN (SELECT value FROM json_each(@ids)) AND +status = 'QUEUED'`;

interface LeasedRow {
  jobId: number;
  documentId: string;
  attempts: number;
  maybeSent: number;
  claimToken: string | null;
}

/**
 * Leases up to `limit` due jobs. `excludeDocumentIds`: documents whose call is still running in this process, never
 * claimed twice even if their lease ran out (a suspended laptop, a slow call): one attempt per document at a time.
 */
export function claimDueJobs(
  db: StoreDb,
  owner: string,
  now: number,
  leaseMs: number,
  limit: number,
  excludeDocumentIds: ReadonlySet<string> = new Set(),
): ClaimedJob[] {
  if (limit <= 0) return [];
  const sqlite = db.$client;
  const claim = sqlite.transaction((): ClaimedJob[] => {
    const due = (
      excludeDocumentIds.size > 0
        ? cachedStatement(sqlite, DUE_JOBS_EXCEPT_SQL)
            .pluck()
            .all({
              now,
              limit,
              excluded: JSON.stringify([...excludeDocumentIds]),
            })
        : cachedStatement(sqlite, DUE_JOBS_SQL).pluck().all({ now, limit })
    ) as number[];
    if (due.length === 0) return [];
    const at = new Date(now).toISOString();
    const claimed = cachedStatement(sqlite, LEASE_SQL).all({
      claim: `${owner}:${randomUUID()}`,
      expires: now + leaseMs,
      at,
      ids: JSON.stringify(due),
    }) as LeasedRow[];
    const documentIds = JSON.stringify(claimed.map((c) => c.documentId));
    const rows = cachedStatement(sqlite, STATUSES_SQL).all(documentIds) as { id: string; status: string }[];
    const statuses = new Map(rows.map((d) => [d.id, d.status]));
    cachedStatement(sqlite, PROCESSING_SQL).run({ at, ids: documentIds });
    return claimed.map((c) => ({
      jobId: c.jobId,
      documentId: c.documentId,
      claimToken: c.claimToken ?? '',
      attempts: c.attempts,
      maybeSent: c.maybeSent === 1,
      previousStatus: statuses.get(c.documentId) ?? 'QUEUED',
    }));
  });
  return claim.immediate();
}

export interface QueueCounts {
  /** Waiting to be sent (pending or in flight). */
  waiting: number;
  inFlight: number;
  /** REJECTED documents parked for a person. */
  parked: number;
  /** FAILED documents (attempts exhausted) waiting for a manual retry. */
  failed: number;
  /** Creation time (ISO) of the oldest document still waiting, if any. */
  oldestWaitingSince: string | undefined;
}

// Only the states the status bar shows: a year's done jobs stay in the table, and counting them scanned it on every
// app:status (~50 ms at 250 k documents). The counts read the outbox_jobs_due index alone (state is its first column:
// a covering seek); the oldest waiting job's creation time reads the rows of the waiting jobs only (not the parked and
// failed ones). Both statements are prepared once per connection: building and preparing them on every call was
// most of queueCounts' cost, which every app:status pays (decision 0041).
const COUNTS_SQL = `SELECT state, count(*) AS n FROM outbox_jobs
  WHERE state IN ('pending', 'leased', 'parked', 'failed') GROUP BY state`;
const OLDEST_WAITING_SQL = `SELECT min(created_at) FROM outbox_jobs WHERE state IN ('pending', 'leased')`;

export function queueCounts(db: StoreDb): QueueCounts {
  const rows = cachedStatement(db.$client, COUNTS_SQL).all() as { state: string; n: number }[];
  const count = (state: string) => rows.find((r) => r.state === state)?.n ?? 0;
  const waiting = count('pending') + count('leased');
  const oldest = waiting > 0 ? (cachedStatement(db.$client, OLDEST_WAITING_SQL).pluck().get() as string | null) : null;
  return {
    waiting,
    inFlight: count('leased'),
    parked: count('parked'),
    failed: count('failed'),
    oldestWaitingSince: oldest ?? undefined,
  };
}

/** "Send now": every waiting job becomes due immediately (backoff waits are skipped, attempts kept). */
export function makeAllDue(db: StoreDb, now: number): number {
  return db.update(outboxJobs).set({ nextAttemptAt: now }).where(eq(outboxJobs.state, 'pending')).run().changes;
}

/**
 * On a clean stop: jobs this worker claimed but never started go back to the queue at once (instead of waiting for
 * their lease to expire at the next start). Jobs still in flight keep their lease: their outcome is unknown.
 */
export function releaseUnstartedLeases(
  db: StoreDb,
  owner: string,
  inFlightDocumentIds: ReadonlySet<string>,
  now: number,
): number {
  return db.transaction(
    (tx) => {
      const mine = tx
        .select({ id: outboxJobs.id, documentId: outboxJobs.documentId })
        .from(outboxJobs)
        .where(and(eq(outboxJobs.state, 'leased'), sql`${outboxJobs.leaseOwner} LIKE ${`${owner}:%`}`))
        .all()
        .filter((job) => !inFlightDocumentIds.has(job.documentId));
      if (mine.length === 0) return 0;
      const stamp = new Date(now).toISOString();
      tx.update(outboxJobs)
        .set({ state: 'pending', leaseOwner: null, leaseExpiresAt: null, nextAttemptAt: now, updatedAt: stamp })
        .where(
          inArray(
            outboxJobs.id,
            mine.map((j) => j.id),
          ),
        )
        .run();
      tx.update(documents)
        .set({ status: 'QUEUED', updatedAt: stamp })
        .where(
          and(
            inArray(
              documents.id,
              mine.map((j) => j.documentId),
            ),
            eq(documents.status, 'PROCESSING'),
          ),
        )
        .run();
      return mine.length;
    },
    { behavior: 'immediate' },
  );
}
