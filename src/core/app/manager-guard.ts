// Manager-only actions (annul, credit note, retry, enrolment, closing a shift with pending documents): allowed to a
// signed-in gerente, or to anyone presenting a one-shot approval a gerente gave for that very action (PIN).
// Before the first manager exists (first launch, training) the register runs single-user: nothing to check yet —
// the UI asks for the manager's setup on first launch.
import { consumeApproval, currentActor } from '../auth/auth-registry';
import { countUsers } from '../auth/users-repo';
import type { StoreDb } from '../store/open-database';
import { AppError } from './app-error';

export const MANAGER_REQUIRED = 'Esta acción necesita la autorización de un gerente (usuario y PIN)';

/** The gerente behind this action (signed in, or a valid one-shot approval for it), if any. */
export function managerFor(db: StoreDb, action: string, approval: string | undefined): string | undefined {
  const current = currentActor(db);
  if (current?.role === 'gerente') return current.username;
  return approval === undefined ? undefined : consumeApproval(db, approval, action)?.actor;
}

export function isSingleUser(db: StoreDb): boolean {
  return countUsers(db) === 0;
}

/** Returns who authorised the action (for the audit trail), or throws AppError('not_allowed'). */
export function authorizeManagerAction(db: StoreDb, action: string, approval: string | undefined, fallbackActor: string): string {
  if (isSingleUser(db)) return fallbackActor;
  const manager = managerFor(db, action, approval);
  if (manager) return manager;
  throw new AppError('not_allowed', MANAGER_REQUIRED);
}

/** Who the audit trail names for a cashier action: the signed-in user, else the register. */
export function cashierActor(db: StoreDb, fallbackActor: string): string {
  return currentActor(db)?.username ?? fallbackActor;
}
