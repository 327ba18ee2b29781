// The monitor's background work, on timers off the checkout path: a queue-depth sample every minute, retention
// (hka_calls older than 7 days, samples older than 48 h, sync events the server acknowledged over 30 days ago) every
// hour, and a FoliosRestantes check when the last
// answer is older than 6 hours and HKA is reachable (at start, then every 6 h; a failed check waits 10 minutes).
import type { Connectivity } from '../queue/connectivity';
import { pruneHkaCalls } from '../queue/hka-metrics';
import { pruneSentBefore } from '../sync/sync-outbox';
import type { StoreDb } from '../store/open-database';
import { foliosView } from './folios';
import { pruneQueueSamples, sampleQueueDepth } from './queue-samples';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
export const HKA_CALLS_RETENTION_MS = 7 * 24 * HOUR;
export const QUEUE_SAMPLES_RETENTION_MS = 48 * HOUR;
export const SENT_SYNC_EVENTS_RETENTION_MS = 30 * 24 * HOUR;

export interface MonitorServiceOptions {
  sampleEveryMs?: number;
  pruneEveryMs?: number;
  foliosEveryMs?: number;
  foliosRetryMs?: number;
  /** Off in tests that count HKA calls. Default on. */
  checkFolios?: boolean;
}

export interface MonitorServiceDeps {
  db: StoreDb;
  clock: () => Date;
  connectivity: { readonly state: Connectivity };
  /** FoliosRestantes with the saved credentials, storing the answer (folios.ts checkFolios). */
  checkFolios: () => Promise<unknown>;
  log?: { warn(message: string, meta?: Record<string, unknown>): void };
}

export class MonitorService {
  private timers: NodeJS.Timeout[] = [];
  private foliosInFlight: Promise<void> | undefined;
  private lastFoliosAttempt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly deps: MonitorServiceDeps,
    private readonly options: MonitorServiceOptions = {},
  ) {}

  start(): void {
    if (this.timers.length > 0) return;
    this.tick();
    this.prune();
    const every = (ms: number, work: () => void) => {
      const timer = setInterval(work, ms);
      timer.unref();
      this.timers.push(timer);
    };
    every(this.options.sampleEveryMs ?? MINUTE, () => this.tick());
    every(this.options.pruneEveryMs ?? HOUR, () => this.prune());
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
    await this.foliosInFlight;
  }

  /** Deletes what is past retention; returns the rows removed. */
  prune(): { hkaCalls: number; queueSamples: number; sentSyncEvents: number } {
    const now = this.deps.clock().getTime();
    return this.guard('prune', { hkaCalls: 0, queueSamples: 0, sentSyncEvents: 0 }, () => ({
      hkaCalls: pruneHkaCalls(this.deps.db, now - HKA_CALLS_RETENTION_MS),
      queueSamples: pruneQueueSamples(this.deps.db, now - QUEUE_SAMPLES_RETENTION_MS),
      sentSyncEvents: pruneSentBefore(this.deps.db, new Date(now - SENT_SYNC_EVENTS_RETENTION_MS)),
    }));
  }

  private tick(): void {
    const now = this.deps.clock();
    this.guard('queue sample', undefined, () => sampleQueueDepth(this.deps.db, now));
    if (this.options.checkFolios !== false && this.foliosDue(now.getTime())) {
      this.lastFoliosAttempt = now.getTime();
      this.foliosInFlight = this.deps
        .checkFolios()
        .then(
          () => undefined,
          (error: unknown) =>
            this.deps.log?.warn('Monitor: folios check failed', {
              error: error instanceof Error ? error.message : String(error),
            }),
        )
        .finally(() => {
          this.foliosInFlight = undefined;
        });
    }
  }

  private foliosDue(now: number): boolean {
    if (this.foliosInFlight || this.deps.connectivity.state !== 'online') return false;
    if (now - this.lastFoliosAttempt < (this.options.foliosRetryMs ?? 10 * MINUTE)) return false;
    const checkedAt = foliosView(this.deps.db).checkedAt;
    return checkedAt === null || now - Date.parse(checkedAt) >= (this.options.foliosEveryMs ?? 6 * HOUR);
  }

  private guard<T>(what: string, fallback: T, work: () => T): T {
    try {
      return work();
    } catch (error) {
      // A closed or busy database must not take the register down; the next timer tries again.
      this.deps.log?.warn(`Monitor: ${what} failed`, { error: error instanceof Error ? error.message : String(error) });
      return fallback;
    }
  }
}
