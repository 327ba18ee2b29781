// The register's sync state as the monitoring panel shows it (no secret: never the token, only whether one exists).
import { z } from 'zod';

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
  /** Events the server refused (malformed) or the register withheld (held a secret), since enrolment. */
  rejectedTotal: z.number().int().nonnegative(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;
