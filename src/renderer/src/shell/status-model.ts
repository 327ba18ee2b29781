// What the status bar says, computed from app:status and the queue/contingency events: the contingency's running
// clock and, while a backlog drains, "n of N sent" with an estimate of the time left. Pure, so it is unit-tested.

/** "00:04:05", or "3 d 02:00:00" past a day (contingency may last up to 72 h and beyond). */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(total / 86_400);
  const two = (n: number): string => String(n).padStart(2, '0');
  const clock = `${two(Math.floor((total % 86_400) / 3600))}:${two(Math.floor((total % 3600) / 60))}:${two(total % 60)}`;
  return days > 0 ? `${days} d ${clock}` : clock;
}

export interface QueueCounts {
  /** Every document not yet sent, those being sent included (the core counts pending + leased jobs). */
  waiting: number;
  /** Of `waiting`, those in an HKA call right now. */
  inFlight: number;
  parked: number;
  failed: number;
}

/** A backlog being drained: how many documents it had at its largest, and when draining was first seen. */
export interface DrainState {
  /** Largest backlog since it last was empty (or since the connection came back). */
  peak: number;
  /** Backlog size at the last update. */
  backlog: number;
  /** When the first document of this backlog was seen sent (ms), or null while nothing has been sent yet. */
  firstSentAt: number | null;
  /** Documents sent since firstSentAt. */
  sentSinceFirst: number;
}

export const NO_BACKLOG: DrainState = { peak: 0, backlog: 0, firstSentAt: null, sentSinceFirst: 0 };

/**
 * The drain after new counts. Offline nothing drains: the backlog at that moment becomes the starting point, so once
 * the connection is back the bar counts "n of N" from what was waiting then.
 */
export function trackDrain(previous: DrainState, counts: QueueCounts, now: number, online: boolean): DrainState {
  const backlog = counts.waiting;
  if (backlog === 0) return NO_BACKLOG;
  if (!online) return { peak: backlog, backlog, firstSentAt: null, sentSinceFirst: 0 };
  const peak = Math.max(previous.peak, backlog);
  const sentNow = Math.max(0, previous.backlog - backlog);
  if (sentNow === 0) return { ...previous, peak, backlog };
  return {
    peak,
    backlog,
    firstSentAt: previous.firstSentAt ?? now,
    sentSinceFirst: previous.firstSentAt === null ? 0 : previous.sentSinceFirst + sentNow,
  };
}

export interface DrainProgress {
  sent: number;
  total: number;
  /** Estimated time left in ms, or null until the rate is known. */
  etaMs: number | null;
}

/** Progress worth showing: only while a backlog of two or more is going down. */
export function drainProgress(state: DrainState, now: number): DrainProgress | null {
  if (state.peak < 2 || state.backlog === 0 || state.backlog === state.peak) return null;
  const sent = state.peak - state.backlog;
  const elapsed = state.firstSentAt === null ? 0 : now - state.firstSentAt;
  const etaMs =
    state.sentSinceFirst > 0 && elapsed > 0 ? Math.round((state.backlog * elapsed) / state.sentSinceFirst) : null;
  return { sent, total: state.peak, etaMs };
}
