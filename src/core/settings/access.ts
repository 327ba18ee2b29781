// Who may read the back office's settings. Writes go through authorizeManagerAction (signed-in gerente or a one-shot
// approval); reads cannot carry an approval, so they need a signed-in user. Before the first user exists the register
// runs single-user (manager-guard.ts) and the register's own actor is answered.
import { currentActor } from '../auth/auth-registry';
import { AppError } from '../app/app-error';
import { isSingleUser } from '../app/manager-guard';
import type { StoreDb } from '../store/open-database';

export const MANAGER_SESSION_REQUIRED = 'Solo un gerente con sesión iniciada puede ver esta información';
export const SIGN_IN_REQUIRED = 'Inicie sesión para continuar';

/** The signed-in gerente (or the register's actor while single-user); anyone else gets not_allowed. */
export function requireManagerSession(db: StoreDb, fallbackActor: string): string {
  if (isSingleUser(db)) return fallbackActor;
  const actor = currentActor(db);
  if (actor?.role === 'gerente') return actor.username;
  throw new AppError('not_allowed', MANAGER_SESSION_REQUIRED);
}

/** Any signed-in user (cajero or gerente), or the register's actor while single-user. */
export function requireSignedIn(db: StoreDb, fallbackActor: string): string {
  if (isSingleUser(db)) return fallbackActor;
  const actor = currentActor(db);
  if (actor) return actor.username;
  throw new AppError('not_allowed', SIGN_IN_REQUIRED);
}
