// The register's sync state as the monitoring panel shows it (no secret: never the token, only whether one exists).
import { z } from 'zod';

/** One event the register gave up sending: refused by the server, or parked before sending (reason and detail). */
export const syncRejectionSchema = z.object({
  eventId: z.string(),
  /** The register's outbox id. */
  seq: z.number().int(),
  /**
   * Server reasons (src/shared/sync/batch.ts REJECTION_REASONS), plus the register's own: 'withheld_secret' (held a
   * vault secret), 'unstorable_text' (text the central database cannot hold), 'too_large', 'server_error' (the
   * server failed on this one event again and again while otherwise healthy). Never sent again.
   */
  reason: z.string(),
  message: z.string(),
  at: z.string(),
});
export type SyncRejection = z.infer<typeof syncRejectionSchema>;

/** How many of the latest rejections the status carries (the monitoring panel lists them). */
export const STATUS_RECENT_REJECTIONS = 5;

export const syncStatusSchema = z.object({
  enrolled: z.boolean(),
  serverUrl: z.string().nullable(),
  deviceId: z.string().nullable(),
  storeCode: z.string().nullable(),
  /** Unsent events in the register's sync outbox. */
  pending: z.number().int().nonnegative(),
  lastPushAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  /** When the next attempt is due after failures (backoff), else null. */
  nextAttemptAt: z.string().nullable(),
  consecutiveFailures: z.number().int().nonnegative(),
  /** Events the server refused or the register parked (never sent), since enrolment. */
  rejectedTotal: z.number().int().nonnegative(),
  /** The latest rejections, newest first (at most STATUS_RECENT_REJECTIONS). */
  recentRejections: z.array(syncRejectionSchema).max(STATUS_RECENT_REJECTIONS),
  /** Head office's catalogue on this register (decision 0018); absent before enrolment. */
  catalog: z
    .object({
      /** The catalogue version of the last change applied (0: none yet). */
      version: z.number().int().nonnegative(),
      lastAppliedAt: z.string().nullable(),
      /** Changes wait for the basket in progress since then. */
      waitingForSaleSince: z.string().nullable(),
      /** Rows from head office refused (not applied) since enrolment. */
      refusedTotal: z.number().int().nonnegative(),
      lastError: z.string().nullable(),
    })
    .optional(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;
