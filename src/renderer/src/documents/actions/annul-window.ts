// Whether an authorised document may still be annulled (AnulacionDocumento, 7 days after authorisation) or needs a
// credit note instead. The core decides the deadline (documents:get's annulableUntil) and enforces it again when
// asked; this only compares it with the PC's clock to choose which action the page offers.
import type { DocumentDetail } from '../../../../shared/ipc/schemas';
import { toPanamaDateTime } from '../../../../shared/fiscal/panama-time';

export type AnnulWindow =
  /** Not an authorised document: neither annulment nor credit note. */
  | { kind: 'none' }
  | { kind: 'open'; until: string }
  | { kind: 'closed'; until: string }
  /** Authorised, but the core did not say until when: offer both and let the core answer. */
  | { kind: 'unknown' };

/** "2026-12-05T23:59:59-05:00" or any ISO instant → "05/12/2026 23:59", in Panamá time whatever the PC's zone. */
export function panamaMinute(iso: string): string {
  const instant = Date.parse(iso);
  if (Number.isNaN(instant)) return iso;
  const local = toPanamaDateTime(new Date(instant));
  return `${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)} ${local.slice(11, 16)}`;
}

export function annulWindow(detail: Pick<DocumentDetail, 'status' | 'annulableUntil'>, now: Date): AnnulWindow {
  if (detail.status !== 'AUTHORIZED') return { kind: 'none' };
  const until = detail.annulableUntil;
  if (until === undefined || until === null || Number.isNaN(Date.parse(until))) return { kind: 'unknown' };
  return Date.parse(until) >= now.getTime()
    ? { kind: 'open', until: panamaMinute(until) }
    : { kind: 'closed', until: panamaMinute(until) };
}

/** The reason's bounds the DGI sets for an annulment or a discard (trimmed length). */
export const MOTIVO_MIN = 15;
export const MOTIVO_MAX = 250;

export type MotivoProblem = 'motivoShort' | 'motivoLong';

export function checkMotivo(text: string): MotivoProblem | null {
  const length = text.trim().length;
  if (length < MOTIVO_MIN) return 'motivoShort';
  if (length > MOTIVO_MAX) return 'motivoLong';
  return null;
}
