// One AuthService per register database, so the session and pending approvals are shared by every handler map built
// over that database, and manager-only channels elsewhere can ask who is signed in or spend an approval.
import type { StoreDb } from '../store/open-database';
import { AuthService, type Actor, type AuthPolicy } from './auth-service';

const services = new WeakMap<StoreDb, AuthService>();

/** The register's service, created on first use (the first caller's clock and policy stay for the database's life). */
export function authServiceFor(db: StoreDb, clock: () => Date, policy?: AuthPolicy): AuthService {
  let service = services.get(db);
  if (!service) {
    service = new AuthService(db, clock, policy);
    services.set(db, service);
  }
  return service;
}

/** Spends a manager's approval for `action`: the approving manager, or undefined (unknown, used, expired, other action). */
export function consumeApproval(db: StoreDb, token: string, action: string): { actor: string } | undefined {
  return services.get(db)?.consumeApproval(token, action);
}

/** Who is signed in at this register, if anyone. */
export function currentActor(db: StoreDb): Actor | undefined {
  return services.get(db)?.currentActor();
}
