// Handlers of the auth area's contract entries (src/shared/ipc/contract-auth.ts); merged into createIpcHandlers.
// The state (session, approvals, attempt brake) lives in the register's AuthService (core/auth/auth-registry.ts).
import type { authContract } from '../../shared/ipc/contract-auth';
import { authServiceFor } from '../auth/auth-registry';
import type { IpcHandlers } from './dispatch';
import type { RegisterContext } from './ipc-handlers';

export function createAuthHandlers(ctx: Pick<RegisterContext, 'db' | 'clock'>): Pick<IpcHandlers, keyof typeof authContract> {
  const auth = authServiceFor(ctx.db, ctx.clock);
  return {
    'auth:setup': (req) => auth.setup(req),
    'auth:users': () => Promise.resolve(auth.users()),
    'auth:signIn': (req) => auth.signIn(req.username, req.pin),
    'auth:signOut': () => Promise.resolve(auth.signOut()),
    'auth:session': () => Promise.resolve(auth.sessionView()),
    'auth:approve': (req) => auth.approve(req.username, req.pin, req.action),
    'auth:createUser': (req) => auth.createUser(req),
    'auth:setActive': (req) => Promise.resolve().then(() => auth.setActive(req)),
    'auth:changePin': async (req) => {
      await auth.changePin(req);
      return { done: true as const };
    },
  };
}
