// One audit entry per settings change, always with the values before and after (action `settings.<area>`).
// Callers pass only non-secret values; secrets appear as "changed"/"unchanged" (see hka-settings-handlers.ts).
import { appendAudit, type AuditActor, type AuditTx } from '../store/audit';

export function auditSettingsChange(
  tx: AuditTx,
  change: { area: string; by: AuditActor; before: Record<string, unknown>; after: Record<string, unknown> },
  at: Date,
): void {
  appendAudit(
    tx,
    { ...change.by, action: `settings.${change.area}`, details: { before: change.before, after: change.after } },
    at,
  );
}
