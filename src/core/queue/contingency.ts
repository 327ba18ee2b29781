// Contingency emission (REFERENCE.md §5.1, §2.12): when HKA has been unreachable for a while (default 2 min) or
// calls keep failing (default 5 in a row), new documents are issued with tipoEmision 02 plus start date and reason.
// Back online, new documents are normal (01) again; contingency documents keep the type they were issued with.
// Start, end and reason changes are audited; after 72 h the DGI wants a reason that explains the delay.
// The thresholds and default reason are the manager's contingency settings, read at each failure (a saved change
// applies at once); options given to the constructor win over them (tests pin short timings that way).
import { z } from 'zod';
import { toPanamaDateTime } from '../../shared/fiscal/panama-time';
import { REASON_MAX, REASON_MIN, reasonWithinBounds } from '../../shared/fiscal/reason-bounds';
import type { EmissionMode } from '../sales/capture-sale';
import { appendAudit, type AuditActor } from '../store/audit';
import type { StoreDb } from '../store/open-database';
import { readJsonSetting, writeJsonSetting } from '../store/settings-repo';
import { readContingencySettings } from '../settings/contingency-settings';

/** Automatic contingency (HKA unreachable, failures in a row) is the register's own decision. */
const SYSTEM: AuditActor = { actor: 'sistema:contingencia' };

export const contingencyStateSchema = z.object({
  active: z.boolean(),
  since: z.string().optional(),
  sinceEpochMs: z.number().optional(),
  motivo: z.string().optional(),
  trigger: z.string().optional(),
  /** When the current reason was given (the start, or a later setReason): a reason given after 72 h explains them. */
  motivoEpochMs: z.number().optional(),
});
export type ContingencyState = z.infer<typeof contingencyStateSchema>;

export interface ContingencyOptions {
  afterUnreachableMs?: number;
  afterConsecutiveFailures?: number;
  /** 15–250 characters, as the DGI requires. */
  defaultReason?: string;
}

const EXTENDED_AFTER_MS = 72 * 3_600_000;
const KEY = 'contingency';

export class ContingencyManager {
  private state: ContingencyState;
  private unreachableSince: number | undefined;
  private consecutiveFailures = 0;
  private readonly listeners = new Set<(state: ContingencyState) => void>();

  constructor(
    private readonly db: StoreDb,
    private readonly clock: () => Date,
    private readonly options: ContingencyOptions = {},
  ) {
    this.state = readJsonSetting(db, KEY, contingencyStateSchema, { active: false });
  }

  get current(): ContingencyState {
    return this.state;
  }

  onChange(listener: (state: ContingencyState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * After a restored backup replaced the settings table: contingency is about HKA now, not about the copy's day, so
   * the running state is written back over the copy's (no audit entry: nothing changed for the till).
   */
  keepStateAfterRestore(): void {
    writeJsonSetting(this.db, KEY, contingencyStateSchema, this.state);
  }

  /** For captureSale: the emission type of the next document. */
  emissionMode(): EmissionMode {
    const s = this.state;
    return s.active && s.since && s.motivo
      ? { tipoEmision: '02', fechaInicio: s.since, motivo: s.motivo }
      : { tipoEmision: '01' };
  }

  /** True when contingency has lasted over 72 h and no reason was given since then: the manager must explain it. */
  needsExtendedReason(): boolean {
    const { active, sinceEpochMs, motivoEpochMs } = this.state;
    if (!active || sinceEpochMs === undefined || this.clock().getTime() - sinceEpochMs <= EXTENDED_AFTER_MS)
      return false;
    return motivoEpochMs === undefined || motivoEpochMs - sinceEpochMs <= EXTENDED_AFTER_MS;
  }

  private thresholds(): { afterUnreachableMs: number; afterConsecutiveFailures: number; defaultReason: string } {
    const saved = readContingencySettings(this.db);
    return {
      afterUnreachableMs: this.options.afterUnreachableMs ?? saved.afterUnreachableMinutes * 60_000,
      afterConsecutiveFailures: this.options.afterConsecutiveFailures ?? saved.afterConsecutiveFailures,
      defaultReason: this.options.defaultReason ?? saved.defaultReason,
    };
  }

  noteUnreachable(): void {
    const now = this.clock().getTime();
    this.unreachableSince ??= now;
    if (!this.state.active && now - this.unreachableSince >= this.thresholds().afterUnreachableMs) {
      this.enter(
        `automático: HKA inalcanzable desde ${toPanamaDateTime(new Date(this.unreachableSince))}`,
        SYSTEM,
        this.unreachableSince,
      );
    }
  }

  noteTransientFailure(): void {
    this.consecutiveFailures += 1;
    this.unreachableSince ??= this.clock().getTime();
    if (!this.state.active && this.consecutiveFailures >= this.thresholds().afterConsecutiveFailures) {
      this.enter(
        `automático: ${this.consecutiveFailures} fallas seguidas al transmitir`,
        SYSTEM,
        this.unreachableSince,
      );
    }
  }

  noteSuccess(): void {
    this.consecutiveFailures = 0;
    this.unreachableSince = undefined;
    if (this.state.active && this.state.trigger?.startsWith('automático'))
      this.leave(SYSTEM, 'automático: HKA responde de nuevo');
  }

  enterManually(actor: AuditActor, motivo?: string): void {
    if (!this.state.active) this.enter('manual', actor, this.clock().getTime(), motivo);
  }

  /** A manager's decision: automatic contingency may start again only after a full threshold from now. */
  leaveManually(actor: AuditActor): void {
    if (!this.state.active) return;
    this.consecutiveFailures = 0;
    this.unreachableSince = undefined;
    this.leave(actor, 'manual');
  }

  setReason(actor: AuditActor, motivo: string): void {
    const reason = checkReason(motivo);
    if (!this.state.active) throw new Error('Not in contingency');
    const before = this.state.motivo;
    this.save(
      { ...this.state, motivo: reason, motivoEpochMs: this.clock().getTime() },
      actor,
      'contingency.reason_changed',
      { before, motivo: reason },
    );
  }

  private enter(trigger: string, actor: AuditActor, sinceMs: number, motivo?: string): void {
    const reason = checkReason(motivo ?? this.thresholds().defaultReason);
    const since = toPanamaDateTime(new Date(sinceMs));
    const state = {
      active: true,
      since,
      sinceEpochMs: sinceMs,
      motivo: reason,
      trigger,
      motivoEpochMs: this.clock().getTime(),
    };
    this.save(state, actor, 'contingency.entered', { since, motivo: reason, trigger });
  }

  private leave(actor: AuditActor, trigger: string): void {
    const { since } = this.state;
    this.save({ active: false }, actor, 'contingency.left', { since, trigger, until: toPanamaDateTime(this.clock()) });
  }

  private save(state: ContingencyState, actor: AuditActor, action: string, details: Record<string, unknown>): void {
    const at = this.clock();
    this.db.transaction((tx) => {
      writeJsonSetting(tx, KEY, contingencyStateSchema, state);
      appendAudit(tx, { ...actor, action, details }, at);
    });
    this.state = state;
    for (const listener of this.listeners) listener(state);
  }
}

function checkReason(motivo: string): string {
  const reason = motivo.trim();
  if (!reasonWithinBounds(reason))
    throw new Error(`Contingency reason must have ${REASON_MIN} to ${REASON_MAX} characters`);
  return reason;
}
