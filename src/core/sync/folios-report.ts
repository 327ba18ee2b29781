// The register's side of head office's folios alert: when the FoliosRestantes figure it keeps changes, an audit entry
// `hka.folios_checked` { available } is appended, which queues it for the central API in the same transaction
// (store/audit.ts). An unchanged figure writes nothing, so the periodic check does not fill the trail.
import { FOLIOS_AUDIT_ACTION } from '../../shared/sync/folios-report';
import { appendAudit, type AuditTx } from '../store/audit';

export function reportFoliosChange(tx: AuditTx, available: number, previous: number | null, at: Date): boolean {
  if (previous === available) return false;
  appendAudit(tx, { actor: 'sistema:caja', action: FOLIOS_AUDIT_ACTION, details: { available } }, at);
  return true;
}
