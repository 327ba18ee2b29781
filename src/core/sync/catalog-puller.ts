// The background puller of head office's catalogue (decision 0018): on a timer, an enrolled register (never the
// training data set) asks for the changes after its position with its device token, page by page, then applies all
// of them in one transaction (catalog-apply.ts). While a sale is in progress it writes nothing and tries again soon;
// the changes are fetched again then (they are small, and the newest state of each product is what counts).
import { CATALOG_BATCH_MAX, type CatalogPosition } from '../../shared/sync/catalog';
import type { HkaEnvironment } from '../hka/contract';
import type { StoreDb } from '../store/open-database';
import type { Vault } from '../vault/vault';
import { applyCatalogChanges, saleInProgress, type ApplyResult } from './catalog-apply';
import { positionFor, readCatalogState, writeCatalogState, type CatalogState } from './catalog-state';
import { getCatalogChanges, type Fetch } from './sync-http';
import { describeFailure } from './sync-failures';
import { readSyncConnection } from './sync-settings';

export interface CatalogPullerOptions {
  /** Pause between pulls (default 60 s). */
  intervalMs?: number;
  /** Pause before trying again while a sale is in progress (default 5 s). */
  saleRetryMs?: number;
  /** Rows per page (≤ 500). */
  pageSize?: number;
  /**
   * Pages per pull, i.e. per transaction; the rest comes with the next pull, which follows at once after checking the
   * till again (default 4: 2 000 rows, ~0.5 s of write lock on a busy machine: bench/catalog-apply.ts).
   */
  maxPages?: number;
  requestTimeoutMs?: number;
}

export interface CatalogPullerDeps {
  db: StoreDb;
  vault: Vault;
  /** The running data set's environment: training never pulls. */
  environment: HkaEnvironment;
  fetch?: Fetch;
  clock?: () => Date;
  log?: { warn(message: string, meta?: Record<string, unknown>): void };
}

export type PullResult =
  | { kind: 'training' }
  | { kind: 'not_enrolled' }
  | { kind: 'failed'; error: string }
  | { kind: 'sale_in_progress' }
  | {
      kind: 'done';
      applied: number;
      unchanged: number;
      overwroteLocal: number;
      refused: number;
      position: CatalogPosition;
      more: boolean;
    };

/** The cursor is the last row's (version, code), when that row names them at all (a malformed one is refused anyway). */
function endsAt(changes: readonly unknown[], position: CatalogPosition): boolean {
  const last = changes.at(-1);
  if (typeof last !== 'object' || last === null) return true;
  const { version, codigo } = last as Record<string, unknown>;
  if (typeof version !== 'number' || typeof codigo !== 'string') return true;
  return version === position.since && codigo === position.after;
}

const after = (a: CatalogPosition, b: CatalogPosition) =>
  a.since > b.since || (a.since === b.since && a.after > b.after);

export class CatalogPuller {
  private readonly clock: () => Date;
  private timer: NodeJS.Timeout | undefined;
  private cycle: Promise<PullResult> | undefined;
  private started = false;

  constructor(
    private readonly deps: CatalogPullerDeps,
    private readonly options: CatalogPullerOptions = {},
  ) {
    this.clock = deps.clock ?? (() => new Date());
  }

  start(): void {
    if (this.started || this.deps.environment === 'simulador') return;
    this.started = true;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.started = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.cycle;
  }

  /** One pull now (tests, "Sincronizar ahora"); waits for one already running first. */
  async pullNow(): Promise<PullResult> {
    while (this.cycle) await this.cycle;
    const result = await this.run();
    if (this.started) this.schedule(this.delayAfter(result));
    return result;
  }

  state(): CatalogState {
    return readCatalogState(this.deps.db);
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.cycle) return; // a pullNow() is running; it reschedules
      void this.run().then((result) => {
        if (this.started) this.schedule(this.delayAfter(result));
      });
    }, delayMs);
    this.timer.unref();
  }

  private delayAfter(result: PullResult): number {
    if (result.kind === 'sale_in_progress') return this.options.saleRetryMs ?? 5_000;
    if (result.kind === 'done' && result.more) return 0;
    return this.options.intervalMs ?? 60_000;
  }

  private run(): Promise<PullResult> {
    const cycle = this.pull()
      .catch((error: unknown): PullResult => {
        // A local failure (database, vault): recorded like a failed pull, never a crash of the register over sync.
        const message = error instanceof Error ? error.message : String(error);
        this.deps.log?.warn('catalogue pull failed', { error: message });
        return this.record({ kind: 'failed', error: `local error: ${message}` });
      })
      .finally(() => {
        this.cycle = undefined;
      });
    this.cycle = cycle;
    return cycle;
  }

  private record(result: PullResult): PullResult {
    const state = readCatalogState(this.deps.db);
    const at = this.clock().toISOString();
    if (result.kind === 'failed')
      writeCatalogState(this.deps.db, { ...state, lastPullAt: at, lastError: result.error });
    if (result.kind === 'sale_in_progress')
      writeCatalogState(this.deps.db, {
        ...state,
        lastPullAt: at,
        lastError: null,
        waitingForSaleSince: state.waitingForSaleSince ?? at,
      });
    return result;
  }

  private async pull(): Promise<PullResult> {
    if (this.deps.environment === 'simulador') return { kind: 'training' };
    const connection = readSyncConnection(this.deps.db);
    if (!connection || !this.deps.vault.describe('sync.deviceToken').configured) return { kind: 'not_enrolled' };
    // Not worth downloading what cannot be applied yet (the apply checks again, in its transaction).
    if (saleInProgress(this.deps.db)) return this.record({ kind: 'sale_in_progress' });
    const pageSize = Math.min(Math.max(1, this.options.pageSize ?? CATALOG_BATCH_MAX), CATALOG_BATCH_MAX);
    const start = positionFor(readCatalogState(this.deps.db), connection.orgId);
    let position = start;
    let more = true;
    const changes: unknown[] = [];
    for (let page = 0; more && page < (this.options.maxPages ?? 4); page++) {
      const answer = await this.deps.vault.withSecrets(['sync.deviceToken'], (s) =>
        getCatalogChanges(
          this.deps.fetch ?? fetch,
          connection.serverUrl,
          s['sync.deviceToken'],
          position,
          pageSize,
          this.options.requestTimeoutMs ?? 15_000,
        ),
      );
      if (answer.kind !== 'ok') return this.record({ kind: 'failed', error: describeFailure(answer) });
      const { response } = answer;
      // A cursor that does not move forward past a non-empty page would make the register ask for it forever; one
      // past the catalogue's own version, or moved by an empty page, would make it skip changes it never saw.
      const moved =
        response.changes.length > 0
          ? after(response.position, position)
          : !after(response.position, position) && !after(position, response.position);
      if (!moved || response.position.since > response.catalogVersion || !endsAt(response.changes, response.position)) {
        return this.record({
          kind: 'failed',
          error: 'unexpected answer: the catalogue position is not the one after the changes sent',
        });
      }
      changes.push(...response.changes);
      position = response.position;
      more = response.more && response.changes.length > 0;
    }
    const applied: ApplyResult =
      changes.length === 0 && !after(position, start) && !after(start, position)
        ? { kind: 'applied', applied: 0, unchanged: 0, overwroteLocal: 0, refused: [] }
        : applyCatalogChanges(this.deps.db, changes, { orgId: connection.orgId, position }, this.clock());
    if (applied.kind === 'training') return { kind: 'training' };
    if (applied.kind === 'sale_in_progress') return this.record(applied);
    const state = readCatalogState(this.deps.db);
    writeCatalogState(this.deps.db, {
      ...state,
      lastPullAt: this.clock().toISOString(),
      lastError: null,
      waitingForSaleSince: null,
    });
    return {
      kind: 'done',
      applied: applied.applied,
      unchanged: applied.unchanged,
      overwroteLocal: applied.overwroteLocal,
      refused: applied.refused.length,
      position,
      more,
    };
  }
}
