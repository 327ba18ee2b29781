// One audit entry per settings change, always with the values before and after (action `settings.<area>`).
// Callers pass only non-secret values; secrets appear as "changed"/"unchanged" (see hka-settings-handlers.ts).
import { appendAudit } from '../store/audit';
import type { StoreDb } from '../store/open-database';

export function auditSettingsChange(
  tx: Pick<StoreDb, 'insert'>,
  change: { area: string; actor: string; before: Record<string, unknown>; after: Record<string, unknown> },
  at: Date,
): void {
  appendAudit(tx, { actor: change.actor, action: `settings.${change.area}`, details: { before: change.before, after: change.after } }, at);
}
