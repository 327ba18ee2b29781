// The background pusher: sends the sync outbox to the central API in batches (≤ 500, oldest first), marks rows sent
// only after the server acknowledged them, backs off exponentially while the server is unreachable and, because the
// outbox is durable, resumes where it stopped after a restart. It never retries one batch forever: what cannot be
// sent is parked before sending, a batch the server fails on is bisected, and a lone event it keeps failing on is
// parked (poison-event.ts); parked and refused events are listed in the monitoring panel's sync card. It runs on a timer, off the checkout path: capture
// only ever inserts outbox rows in its own transaction and never waits for this.
import { STATUS_RECENT_REJECTIONS, type SyncStatus } from '../../shared/sync/status';
import { findUnstorableText } from '../../shared/sync/storable';
import { SYNC_BATCH_MAX } from '../../shared/sync/batch';
import { fetchWithDateTap, recordPeerClock } from '../monitor/clock-offset';
import { retryDelayMs } from '../queue/backoff';
import type { StoreDb } from '../store/open-database';
import { VaultError } from '../vault/envelope';
import type { Vault } from '../vault/vault';
import { catalogSummary, readCatalogState } from './catalog-state';
import { rowsHoldingSecrets } from './secret-guard';
import { POISON_MESSAGE, POISON_STRIKES, strikeLoneEvent } from './poison-event';
import type { Fetch, HttpFailure } from './sync-http';
import { postBatch, serverHealthy } from './sync-http';
import { describeFailure, isInternalError, rejection, serverRejections } from './sync-failures';
import { markSent, pendingCount, readUnsent, toWireEvent, type OutboxRow } from './sync-outbox';
import { readSyncConnection, readSyncState, writeSyncState, type SyncRejection, type SyncState } from './sync-settings';

export interface SyncPusherOptions {
  /** Pause between cycles when all is sent (default 10 s). */
  intervalMs?: number;
  /** Events per request, at most 500 (default 500). */
  batchSize?: number;
  /** Delays after 1, 2, 3… consecutive failures; the last one repeats (default 2 s doubling to 5 min). */
  backoffMs?: readonly number[];
  requestTimeoutMs?: number;
}

export interface SyncPusherDeps {
  db: StoreDb;
  vault: Vault;
  fetch?: Fetch;
  clock?: () => Date;
  random?: () => number;
  log?: { warn(message: string, meta?: Record<string, unknown>): void };
}

export const DEFAULT_SYNC_BACKOFF_MS: readonly number[] = [
  2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 120_000, 300_000,
];

export type CycleResult =
  | { kind: 'not_enrolled' }
  | { kind: 'done'; sent: number; rejected: number }
  | { kind: 'failed'; sent: number; error: string; retryInMs: number };

export class SyncPusher {
  private readonly clock: () => Date;
  private readonly fetchImpl: Fetch;
  private readonly listeners = new Set<(status: SyncStatus) => void>();
  private batchSize: number;
  private readonly maxBatchSize: number;
  private timer: NodeJS.Timeout | undefined;
  private cycle: Promise<CycleResult> | undefined;
  private started = false;
  private stopRequested = false;

  constructor(
    private readonly deps: SyncPusherDeps,
    private readonly options: SyncPusherOptions = {},
  ) {
    this.clock = deps.clock ?? (() => new Date());
    // Every reply's Date header is the central server's clock: the monitoring panel compares it with the PC's.
    this.fetchImpl = fetchWithDateTap(deps.fetch ?? fetch, (serverDate) =>
      recordPeerClock(deps.db, 'server', serverDate, this.clock()),
    );
    this.maxBatchSize = Math.min(Math.max(1, options.batchSize ?? SYNC_BATCH_MAX), SYNC_BATCH_MAX);
    this.batchSize = this.maxBatchSize;
  }

  /** Starts the timer; the first cycle runs at once. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.schedule(0);
  }

  /** Stops the timer and waits for a cycle in flight (it finishes its current request, then stops). */
  async stop(): Promise<void> {
    this.started = false;
    this.stopRequested = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    try {
      await this.cycle;
    } finally {
      this.stopRequested = false;
    }
  }

  /** Runs one cycle now ("Sincronizar ahora", tests); waits for one already running first. */
  async pushNow(): Promise<CycleResult> {
    while (this.cycle) await this.cycle;
    const result = await this.runCycle();
    if (this.started) this.schedule(this.delayAfter(result));
    return result;
  }

  status(): SyncStatus {
    const connection = readSyncConnection(this.deps.db);
    const state = readSyncState(this.deps.db);
    return {
      enrolled: connection !== undefined && this.deps.vault.describe('sync.deviceToken').configured,
      serverUrl: connection?.serverUrl ?? null,
      deviceId: connection?.deviceId ?? null,
      storeCode: connection?.storeCode ?? null,
      pending: pendingCount(this.deps.db),
      lastPushAt: state.lastPushAt,
      lastAttemptAt: state.lastAttemptAt,
      lastError: state.lastError,
      nextAttemptAt: state.nextAttemptAt,
      consecutiveFailures: state.consecutiveFailures,
      rejectedTotal: state.rejectedTotal,
      recentRejections: state.recentRejections.slice(-STATUS_RECENT_REJECTIONS).reverse(),
      ...(connection ? { catalog: catalogSummary(readCatalogState(this.deps.db)) } : {}),
    };
  }

  /** Called after every cycle that tried something (for the monitoring panel). */
  onChange(listener: (status: SyncStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.cycle) return; // a pushNow() is running; it reschedules
      void this.runCycle().then((result) => {
        if (this.started) this.schedule(this.delayAfter(result));
      });
    }, delayMs);
    this.timer.unref();
  }

  private delayAfter(result: CycleResult): number {
    return result.kind === 'failed' ? result.retryInMs : (this.options.intervalMs ?? 10_000);
  }

  private runCycle(): Promise<CycleResult> {
    const cycle = this.drain()
      .catch((error: unknown): CycleResult => {
        // A local failure (database, vault): report it like a failed push, never crash the app over sync.
        const message = error instanceof Error ? error.message : String(error);
        this.deps.log?.warn('sync cycle failed', { error: message });
        return this.fail(readSyncState(this.deps.db), 0, `local error: ${message}`);
      })
      .finally(() => {
        this.cycle = undefined;
      });
    this.cycle = cycle;
    return cycle.then((result) => {
      if (result.kind !== 'not_enrolled') for (const listener of this.listeners) listener(this.status());
      return result;
    });
  }

  private async drain(): Promise<CycleResult> {
    const connection = readSyncConnection(this.deps.db);
    if (!connection || !this.deps.vault.describe('sync.deviceToken').configured) return { kind: 'not_enrolled' };
    let sent = 0;
    let rejected = 0;
    let state = readSyncState(this.deps.db);
    while (!this.stopRequested) {
      const rows = readUnsent(this.deps.db, this.batchSize);
      if (rows.length === 0) break;
      const now = this.clock();
      const parked = await this.parkBeforeSending(rows, now);
      const toSend = rows.filter((row) => !parked.has(row.id));
      state = { ...state, lastAttemptAt: now.toISOString() };
      const outcome = toSend.length === 0 ? undefined : await this.send(connection.serverUrl, toSend);
      if ((outcome?.kind === 'too_large' || isInternalError(outcome)) && toSend.length > 1) {
        // Find the one event at fault: retry smaller (bisect). A lone event too large is given up below.
        this.batchSize = Math.max(1, Math.floor(toSend.length / 2));
        continue;
      }
      let poisoned: OutboxRow | undefined;
      if (isInternalError(outcome) && toSend[0]) {
        const lone = await this.judgeLoneFailure(connection.serverUrl, state, toSend[0]);
        if (lone.kind !== 'park') return this.fail(lone.state, sent, lone.error, outcome);
        state = lone.state;
        poisoned = toSend[0];
      }
      if (outcome && outcome.kind !== 'ok' && outcome.kind !== 'too_large' && !poisoned)
        return this.fail(state, sent, describeFailure(outcome), outcome);
      if (outcome?.kind === 'ok') this.batchSize = Math.min(this.maxBatchSize, this.batchSize * 2);
      const rejections = [
        ...rows.flatMap((row) => {
          const p = parked.get(row.id);
          return p ? [p] : [];
        }),
        ...(outcome?.kind === 'too_large'
          ? toSend.map((row) => rejection(row, 'too_large', 'the server refuses this event as too large', now))
          : []),
        ...(poisoned ? [rejection(poisoned, 'server_error', POISON_MESSAGE, now)] : []),
        ...(outcome?.kind === 'ok' ? serverRejections(toSend, outcome.response.rejected, now) : []),
      ];
      state = {
        ...state,
        lastPushAt: outcome?.kind === 'ok' ? now.toISOString() : state.lastPushAt,
        lastError: null,
        nextAttemptAt: null,
        consecutiveFailures: 0,
        rejectedTotal: state.rejectedTotal + rejections.length,
        recentRejections: [...state.recentRejections, ...rejections],
        suspect:
          outcome?.kind === 'ok' && state.suspect && toSend.some((row) => row.id === state.suspect?.seq)
            ? null
            : state.suspect,
      };
      this.acknowledge(rows, state, now);
      sent += rows.length - rejections.length;
      rejected += rejections.length;
    }
    return { kind: 'done', sent, rejected };
  }

  /**
   * Rows never to send, with why: one holding a vault secret, or text the central database cannot store (the
   * shared check the server applies too; sending it would only be refused).
   */
  private async parkBeforeSending(rows: readonly OutboxRow[], now: Date): Promise<Map<number, SyncRejection>> {
    const parked = new Map<number, SyncRejection>();
    const withheld = await rowsHoldingSecrets(this.deps.vault, rows);
    for (const row of rows) {
      if (withheld.has(row.id)) {
        parked.set(row.id, rejection(row, 'withheld_secret', 'contains a secret held by the vault; never sent', now));
        continue;
      }
      const path = findUnstorableText(toWireEvent(row));
      if (path !== null) {
        parked.set(
          row.id,
          rejection(
            row,
            'unstorable_text',
            `${path}: holds a NUL character or a broken surrogate pair; never sent`,
            now,
          ),
        );
      }
    }
    return parked;
  }

  /** A lone event answered 500: an outage (health fails too), a strike, or the strike that parks it. */
  private async judgeLoneFailure(
    serverUrl: string,
    state: SyncState,
    row: OutboxRow,
  ): Promise<{ kind: 'park'; state: SyncState } | { kind: 'retry'; state: SyncState; error: string }> {
    if (!(await serverHealthy(this.fetchImpl, serverUrl, this.options.requestTimeoutMs ?? 15_000))) {
      return { kind: 'retry', state, error: 'server error (HTTP 500) and its health check fails: the server is down' };
    }
    const verdict = strikeLoneEvent(state, row.id);
    if (verdict.kind === 'park') return verdict;
    return {
      kind: 'retry',
      state: verdict.state,
      error: `server error (HTTP 500) on event ${row.id} alone (${verdict.strikes}/${POISON_STRIKES})`,
    };
  }

  /** The server has answered for these rows (stored, already had, or refused): they are never sent again. */
  private acknowledge(rows: readonly OutboxRow[], state: SyncState, at: Date): void {
    this.deps.db.transaction((tx) => {
      markSent(
        tx,
        rows.map((row) => row.id),
        at,
      );
      writeSyncState(tx, state);
    });
  }

  private send(serverUrl: string, rows: OutboxRow[]) {
    return this.deps.vault
      .withSecrets(['sync.deviceToken'], (secrets) =>
        postBatch(
          this.fetchImpl,
          serverUrl,
          secrets['sync.deviceToken'],
          rows.map(toWireEvent),
          this.options.requestTimeoutMs ?? 15_000,
        ),
      )
      .catch((error: unknown) => {
        if (error instanceof VaultError) return { kind: 'unauthorized' as const };
        throw error;
      });
  }

  private fail(state: SyncState, sent: number, error: string, failure?: HttpFailure): CycleResult {
    const failures = state.consecutiveFailures + 1;
    const schedule = this.options.backoffMs ?? DEFAULT_SYNC_BACKOFF_MS;
    const backoff = retryDelayMs(Math.min(failures, schedule.length), schedule, this.deps.random) ?? 60_000;
    const retryInMs =
      failure?.kind === 'rate_limited' && failure.retryAfterMs ? Math.max(backoff, failure.retryAfterMs) : backoff;
    const now = this.clock();
    writeSyncState(this.deps.db, {
      ...state,
      lastAttemptAt: now.toISOString(),
      lastError: error,
      consecutiveFailures: failures,
      nextAttemptAt: new Date(now.getTime() + retryInMs).toISOString(),
    });
    return { kind: 'failed', sent, error, retryInMs };
  }
}
