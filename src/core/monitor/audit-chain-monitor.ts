// The audit trail's hash chain, checked when the register starts (in pages, yielding between them, so a long trail
// never holds up the first sale) and again when the manager asks (monitoring panel, "Verificar ahora"). The last
// report is kept for the panel; a break is logged (without contents) for whoever reads the logs.
import { verifyAuditChain, type AuditChainReport } from '../store/audit-chain-check';
import type { StoreDb } from '../store/open-database';

export interface AuditChainView extends AuditChainReport {
  checkedAt: string | null;
}

const NOT_YET: AuditChainView = { ok: true, checked: 0, lastId: null, firstBreak: null, checkedAt: null };

export class AuditChainMonitor {
  private last: AuditChainView = NOT_YET;
  private running: Promise<AuditChainView> | undefined;

  constructor(
    private readonly db: StoreDb,
    private readonly clock: () => Date,
    private readonly log?: { warn(message: string, meta?: Record<string, unknown>): void },
  ) {}

  get current(): AuditChainView {
    return this.last;
  }

  /**
   * Walks the chain now (one walk at a time: a second request waits for the one under way). A walk that cannot finish
   * (the database closing under it) keeps the previous report.
   */
  check(): Promise<AuditChainView> {
    this.running ??= verifyAuditChain(this.db)
      .then(
        (report) => {
          this.last = { ...report, checkedAt: this.clock().toISOString() };
          if (!report.ok)
            this.log?.warn('Audit chain broken', { firstBreak: report.firstBreak, checked: report.checked });
          return this.last;
        },
        (error: unknown) => {
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

  /** Resolves when no walk is under way (the register waits for it before closing its database). */
  async idle(): Promise<void> {
    await this.running;
  }
}
