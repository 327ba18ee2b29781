// One push: up to 500 events. The server checks each event on its own, stores the good ones (idempotently, by
// event id) and names the rejected ones with the reason; the register marks as sent exactly what the response
// acknowledges, and only after it arrived.
import { z } from 'zod';

export const SYNC_BATCH_MAX = 500;
/** Body size limit of the ingest route (a full batch of maximal events stays well under it). */
export const SYNC_BODY_LIMIT_BYTES = 4 * 1024 * 1024;
export const SYNC_INGEST_PATH = '/v1/sync/events';

/** Events are checked one by one on the server, so the envelope only bounds the count. */
export const syncBatchRequestSchema = z.object({
  events: z.array(z.unknown()).min(1).max(SYNC_BATCH_MAX),
});

/**
 * Why one event was refused: `invalid` (schema), `credential_in_payload`, `unstorable_text` (a NUL or a lone surrogate
 * PostgreSQL cannot hold; the issue names the field), `foreign_document` (a status for a document another register
 * owns: only the register that issued a document reports its status), `unstorable_value` (the database refused a value
 * the schema let through; the event is kept out so the rest of the batch is stored).
 */
export const REJECTION_REASONS = [
  'invalid',
  'credential_in_payload',
  'unstorable_text',
  'foreign_document',
  'unstorable_value',
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

export const issueSchema = z.object({ path: z.string(), message: z.string() });

export const rejectedEventSchema = z.object({
  /** Position in the request's `events`. */
  index: z.number().int().nonnegative(),
  /** The event's id when it could be read. */
  eventId: z.string().nullable(),
  /** One of REJECTION_REASONS; read as any short text, so a register keeps working when a newer server adds one. */
  reason: z.string().min(1).max(64),
  issues: z.array(issueSchema),
});
export type RejectedEvent = z.infer<typeof rejectedEventSchema>;

export const syncBatchResponseSchema = z.object({
  received: z.number().int().nonnegative(),
  /** Newly stored by this request. */
  stored: z.number().int().nonnegative(),
  /** Valid events the server already had (a replay). Acknowledged like stored ones. */
  duplicates: z.number().int().nonnegative(),
  rejected: z.array(rejectedEventSchema),
});
export type SyncBatchResponse = z.infer<typeof syncBatchResponseSchema>;
