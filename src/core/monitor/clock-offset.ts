// The PC clock against the clocks of the two services it talks to, from the Date header of their last reply. A PC
// clock that is minutes off puts wrong emission times on fiscal documents (HKA/DGI check fechaEmision), so the
// monitoring panel warns beyond CLOCK_WARN_MS. The Date header has one-second resolution and the reply's latency
// adds to the error: fine for a two-minute threshold.
import { z } from 'zod';
import type { StoreDb } from '../store/open-database';
import { readJsonSetting, writeJsonSetting } from '../store/settings-repo';

export const CLOCK_WARN_MS = 2 * 60_000;

export type ClockPeer = 'hka' | 'server';

const KEYS: Record<ClockPeer, string> = { hka: 'monitor_clock_hka', server: 'monitor_clock_server' };

const peerClockSchema = z.object({
  /** PC clock minus the peer's clock, ms: positive when the PC runs ahead. */
  offsetMs: z.number().int(),
  checkedAt: z.string(),
});
export type PeerClock = z.infer<typeof peerClockSchema>;

/** Called for every reply that carried a Date header; one small upsert (the latest reply wins). */
export function recordPeerClock(db: StoreDb, peer: ClockPeer, serverDate: Date, localNow: Date): void {
  writeJsonSetting(db, KEYS[peer], peerClockSchema, {
    offsetMs: Math.round(localNow.getTime() - serverDate.getTime()),
    checkedAt: localNow.toISOString(),
  });
}

export function readPeerClock(db: StoreDb, peer: ClockPeer): PeerClock | null {
  return readJsonSetting<PeerClock | null>(db, KEYS[peer], peerClockSchema, null);
}

export interface ClockCheck {
  hkaOffsetMs: number | null;
  hkaCheckedAt: string | null;
  serverOffsetMs: number | null;
  serverCheckedAt: string | null;
  warn: boolean;
}

export function clockCheck(db: StoreDb): ClockCheck {
  const hka = readPeerClock(db, 'hka');
  const server = readPeerClock(db, 'server');
  const far = (clock: PeerClock | null) => clock !== null && Math.abs(clock.offsetMs) > CLOCK_WARN_MS;
  return {
    hkaOffsetMs: hka?.offsetMs ?? null,
    hkaCheckedAt: hka?.checkedAt ?? null,
    serverOffsetMs: server?.offsetMs ?? null,
    serverCheckedAt: server?.checkedAt ?? null,
    warn: far(hka) || far(server),
  };
}

/** A fetch that reports each reply's Date header (the central API's clock) before handing the reply on. */
export function fetchWithDateTap(fetchImpl: typeof fetch, onServerDate: (serverDate: Date) => void): typeof fetch {
  return async (input, init) => {
    const response = await fetchImpl(input, init);
    const raw = response.headers.get('date');
    const date = raw === null ? undefined : new Date(raw);
    if (date && !Number.isNaN(date.getTime())) onServerDate(date);
    return response;
  };
}
