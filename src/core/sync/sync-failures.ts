// How the pusher words and records what went wrong: an HTTP failure as one English line for the log and the
// monitoring panel, and the events it parks or the server refuses as SyncRejection entries.
import type { RejectedEvent } from '../../shared/sync/batch';
import type { HttpFailure, PushOutcome } from './sync-http';
import type { OutboxRow } from './sync-outbox';
import type { SyncRejection } from './sync-settings';

export function describeFailure(failure: HttpFailure): string {
  switch (failure.kind) {
    case 'unauthorized':
      return 'the server refused the device token (revoked?); enrol the register again';
    case 'too_large':
      return 'the server refused a single event as too large';
    case 'rate_limited':
      return 'the server asked to slow down (HTTP 429)';
    case 'refused':
      return `the server refused the batch (HTTP ${failure.status}): ${failure.error}`;
    case 'server_error':
      return `server error (HTTP ${failure.status})`;
    case 'network':
      return `server unreachable: ${failure.error}`;
    case 'bad_response':
      return `unexpected answer: ${failure.error}`;
  }
}

/** HTTP 500: the server failed on something in the batch (503 and the like are outages: plain backoff). */
export function isInternalError(
  outcome: PushOutcome | undefined,
): outcome is Extract<HttpFailure, { kind: 'server_error' }> {
  return outcome?.kind === 'server_error' && outcome.status === 500;
}

export function rejection(row: OutboxRow, reason: string, message: string, at: Date): SyncRejection {
  return { eventId: row.eventId, seq: row.id, reason, message: message.slice(0, 500), at: at.toISOString() };
}

/** The server names rejected events by their position in the request. */
export function serverRejections(
  sent: readonly OutboxRow[],
  rejected: readonly RejectedEvent[],
  at: Date,
): SyncRejection[] {
  return rejected.flatMap((r) => {
    const row = sent[r.index];
    return row
      ? [rejection(row, r.reason, r.issues.map((i) => `${i.path}: ${i.message}`).join('; ') || r.reason, at)]
      : [];
  });
}
