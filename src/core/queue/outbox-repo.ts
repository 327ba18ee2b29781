// The durable transmission queue lives in SQLite (outbox_jobs). Jobs are leased with an expiry: a job left
// 'leased' by a crash becomes claimable again when its lease runs out, and is then treated as "may have reached
// HKA" (we cannot know whether the crash came before or after the request left).
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, lte, notInArray, or, sql } from 'drizzle-orm';
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
  return db.transaction(
    (tx) => {
      const due = tx
        .select({ id: outboxJobs.id })
        .from(outboxJobs)
        .where(
          and(
            or(
              and(eq(outboxJobs.state, 'pending'), lte(outboxJobs.nextAttemptAt, now)),
              and(eq(outboxJobs.state, 'leased'), lte(outboxJobs.leaseExpiresAt, now)),
            ),
            excludeDocumentIds.size > 0 ? notInArray(outboxJobs.documentId, [...excludeDocumentIds]) : undefined,
          ),
        )
        .orderBy(asc(outboxJobs.nextAttemptAt), asc(outboxJobs.id))
        .limit(limit)
        .all()
        .map((r) => r.id);
      if (due.length === 0) return [];
      const claim = `${owner}:${randomUUID()}`;
      const claimed = tx
        .update(outboxJobs)
        .set({
          // An expired lease means a previous holder died mid-call: from now on, ask HKA before sending again.
          maybeSent: sql`CASE WHEN ${outboxJobs.state} = 'leased' THEN 1 ELSE ${outboxJobs.maybeSent} END`,
          state: 'leased',
          leaseOwner: sql`${claim} || '#' || ${outboxJobs.id}`,
          leaseExpiresAt: now + leaseMs,
          updatedAt: new Date(now).toISOString(),
        })
        .where(inArray(outboxJobs.id, due))
        .returning({
          jobId: outboxJobs.id,
          documentId: outboxJobs.documentId,
          attempts: outboxJobs.attempts,
          maybeSent: outboxJobs.maybeSent,
          claimToken: outboxJobs.leaseOwner,
        })
        .all();
      const statuses = new Map(
        tx
          .select({ id: documents.id, status: documents.status })
          .from(documents)
          .where(
            inArray(
              documents.id,
              claimed.map((c) => c.documentId),
            ),
          )
          .all()
          .map((d) => [d.id, d.status]),
      );
      tx.update(documents)
        .set({ status: 'PROCESSING', updatedAt: new Date(now).toISOString() })
        .where(
          and(
            inArray(
              documents.id,
              claimed.map((c) => c.documentId),
            ),
            eq(documents.status, 'QUEUED'),
          ),
        )
        .run();
      return claimed.map((c) => ({
        ...c,
        claimToken: c.claimToken ?? '',
        maybeSent: c.maybeSent === 1,
        previousStatus: statuses.get(c.documentId) ?? 'QUEUED',
      }));
    },
    { behavior: 'immediate' },
  );
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
