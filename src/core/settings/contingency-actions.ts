// The manager's manual contingency: enter with a reason, change the reason (after 72 h the DGI wants one that
// explains the delay), leave. ContingencyManager audits each with the manager as actor and notifies its listeners,
// which the worker forwards as the `contingency:changed` event, exactly as for automatic changes.
import { AppError } from '../app/app-error';
import type { ContingencyManager } from '../queue/contingency';
import type { AuditActor } from '../store/audit';

export const ALREADY_IN_CONTINGENCY = 'La caja ya está en contingencia; si hace falta, cambie el motivo';
export const NOT_IN_CONTINGENCY = 'La caja no está en contingencia';

export function enterContingency(contingency: ContingencyManager, manager: AuditActor, motivo: string): void {
  if (contingency.current.active) throw new AppError('not_allowed', ALREADY_IN_CONTINGENCY);
  contingency.enterManually(manager, motivo);
}

export function setContingencyReason(contingency: ContingencyManager, manager: AuditActor, motivo: string): void {
  if (!contingency.current.active) throw new AppError('not_allowed', NOT_IN_CONTINGENCY);
  contingency.setReason(manager, motivo);
}

export function leaveContingency(contingency: ContingencyManager, manager: AuditActor): void {
  if (!contingency.current.active) throw new AppError('not_allowed', NOT_IN_CONTINGENCY);
  contingency.leaveManually(manager);
}
