// The audit trail's hash chain, checked when the register starts and again when the manager asks (monitoring panel,
// "Verificar ahora"). The walk goes a page at a time through `runPage`: the register runs the pages on its read
// worker, so a year's trail (seconds of hashing) never runs on the core's thread, and a manager's report waits at
// most one page behind it. The last report is kept for the panel; a break is logged (without contents).
import {
  verifyAuditChain,
  type AuditChainPage,
  type AuditChainPageArgs,
  type AuditChainReport,
} from '../store/audit-chain-check';
import type { StoreDb } from '../store/open-database';

export interface AuditChainView extends AuditChainReport {
  checkedAt: string | null;
}

const NOT_YET: AuditChainView = { ok: true, checked: 0, lastId: null, firstBreak: null, checkedAt: null };

export class AuditChainMonitor {
  private last: AuditChainView = NOT_YET;
  private running: Promise<AuditChainView> | undefined;
  private stopping = false;

  constructor(
    private readonly db: StoreDb,
    private readonly clock: () => Date,
    private readonly log?: { warn(message: string, meta?: Record<string, unknown>): void },
    /** Runs one page of the walk (default: on `db`, this thread). */
    private readonly runPage?: (args: AuditChainPageArgs) => Promise<AuditChainPage>,
  ) {}

  get current(): AuditChainView {
    return this.last;
  }

  /**
   * Walks the chain now (one walk at a time: a second request waits for the one under way). A walk that cannot finish
   * (the database closing under it) keeps the previous report.
   */
  check(): Promise<AuditChainView> {
    this.running ??= verifyAuditChain(this.db, {
      ...(this.runPage ? { runPage: this.runPage } : {}),
      stopped: () => this.stopping,
    })
      .then(
        (report) => {
          this.last = { ...report, checkedAt: this.clock().toISOString() };
          if (!report.ok)
            this.log?.warn('Audit chain broken', { firstBreak: report.firstBreak, checked: report.checked });
          return this.last;
        },
        (error: unknown) => {
          if (this.stopping) return this.last; // the register is closing: not a fault worth a warning
          this.log?.warn('Audit chain check did not finish', {
            error: error instanceof Error ? error.message : String(error),
          });
          return this.last;
        },
      )
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  /**
   * Ends a walk under way after its current page (a year's trail takes seconds) and starts no other; resolves when
   * no walk is under way (the register waits for it before closing its database).
   */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.running;
  }
}
