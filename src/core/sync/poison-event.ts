// One event the central server keeps failing on must not stall the register's sync forever (issue 15: a NUL in one
// audit entry made every push a 500, 14 events stuck). A batch answered with HTTP 500 is bisected down to the event
// that fails alone; that event gets a strike each time it fails while the server's /health says OK (when /health
// fails too, it is an outage: back off, no strike). At POISON_STRIKES it is parked — recorded with the reason, never
// sent again — and the events after it go on. Strikes are kept in the sync state, so they survive restarts.
import type { SyncState } from './sync-settings';

export const POISON_STRIKES = 3;

export type LoneFailure = { kind: 'retry'; state: SyncState; strikes: number } | { kind: 'park'; state: SyncState };

/** Counts a strike against the outbox row `seq` (the server is healthy and failed on it alone). */
export function strikeLoneEvent(state: SyncState, seq: number): LoneFailure {
  const strikes = (state.suspect?.seq === seq ? state.suspect.strikes : 0) + 1;
  if (strikes >= POISON_STRIKES) return { kind: 'park', state: { ...state, suspect: null } };
  return { kind: 'retry', state: { ...state, suspect: { seq, strikes } }, strikes };
}

export const POISON_MESSAGE = `the server failed on this event alone ${POISON_STRIKES} times while otherwise healthy; parked, not sent again`;
