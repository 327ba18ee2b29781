// One event's verdict, the same on both sides: the register checks before sending (a bad row is reported, not
// retried forever) and the server checks what arrives (it trusts no client).
import type { z } from 'zod';
import type { RejectionReason } from './batch';
import { containsCredential } from './credentials';
import { syncEventSchema, type SyncEvent } from './events';
import { findUnstorableText } from './storable';

export type EventVerdict =
  | { ok: true; event: SyncEvent }
  | { ok: false; eventId: string | null; reason: RejectionReason; issues: { path: string; message: string }[] };

function readEventId(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null || !('eventId' in raw)) return null;
  const id = raw.eventId;
  return typeof id === 'string' ? id.slice(0, 64) : null;
}

function issuesOf(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.slice(0, 10).map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

export function checkSyncEvent(raw: unknown): EventVerdict {
  const parsed = syncEventSchema.safeParse(raw);
  if (!parsed.success)
    return { ok: false, eventId: readEventId(raw), reason: 'invalid', issues: issuesOf(parsed.error) };
  if (containsCredential(parsed.data.payload)) {
    return {
      ok: false,
      eventId: parsed.data.eventId,
      reason: 'credential_in_payload',
      issues: [{ path: 'payload', message: 'contains a credential of the central API; never synced' }],
    };
  }
  const unstorable = findUnstorableText(parsed.data);
  if (unstorable !== null) {
    return {
      ok: false,
      eventId: parsed.data.eventId,
      reason: 'unstorable_text',
      issues: [
        {
          path: unstorable,
          message:
            'holds a NUL character or a broken surrogate pair (or nests deeper than 64 levels), which cannot be stored',
        },
      ],
    };
  }
  return { ok: true, event: parsed.data };
}
