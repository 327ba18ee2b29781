// A read of app:status describes the register at the moment the core answered it; an event that reached the page
// while that answer was on its way is newer (they travel on different connections, so either can arrive first). Right
// after a sale the checkout re-reads the status while the queue is already trying to send: without this rule, an
// "online" read from before the first refused attempt could land after the "offline" event and keep the bar saying
// "online" until the next read, 30 s later.
import type { AppStatus } from '../../../shared/ipc/schemas';

/** How many events of each kind the page has seen (only ever counts up). */
export interface EventTally {
  connectivity: number;
  contingency: number;
  queue: number;
}

export const NO_EVENTS: EventTally = { connectivity: 0, contingency: 0, queue: 0 };

/** The parts of the status events bring, as the latest event of each kind left them. */
export type EventedStatus = Partial<Pick<AppStatus, 'connectivity' | 'contingency' | 'queue'>>;

/**
 * The status to show after a read asked when the tally was `asked` and answered when it is `now`: the read, except
 * for the parts an event updated meanwhile, which keep that event's newer value (`latest`).
 */
export function applyStatusRead(latest: EventedStatus, read: AppStatus, asked: EventTally, now: EventTally): AppStatus {
  const newer = <K extends keyof EventTally>(key: K): AppStatus[K] => {
    const fromEvent = latest[key];
    return now[key] !== asked[key] && fromEvent !== undefined ? fromEvent : read[key];
  };
  return { ...read, connectivity: newer('connectivity'), contingency: newer('contingency'), queue: newer('queue') };
}
