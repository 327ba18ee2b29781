// One AuthService per register database, so every handler map and shell built over that database shares one session
// and one book of pending approvals.
import type { StoreDb } from '../store/open-database';
import type { AuthPolicy } from './auth-policy';
import { AuthService } from './auth-service';

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
