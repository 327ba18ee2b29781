// Handlers of the auth area's contract entries (src/shared/ipc/areas/auth/contract.ts); merged into createIpcHandlers.
// The state (session, approvals, attempt brake) lives in the register's AuthService (core/auth/auth-service.ts); the
// dispatcher has already applied each channel's access rule, so user admin gets the answerable gerente.
import type { authContract } from '../../../../shared/ipc/areas/auth/contract';
import type { HandlerDeps } from '../../register-context';
import { AppError } from '../../app-error';
import type { IpcHandlers } from '../../dispatch';

export function createAuthHandlers({ auth }: Pick<HandlerDeps, 'auth'>): Pick<IpcHandlers, keyof typeof authContract> {
  return {
    'auth:setup': (req) => auth.setup(req),
    'auth:users': () => Promise.resolve(auth.users()),
    'auth:signIn': (req) => auth.signIn(req.username, req.pin),
    'auth:signOut': () => Promise.resolve(auth.signOut()),
    'auth:session': () => Promise.resolve(auth.sessionView()),
    'auth:approve': (req) => auth.approve(req.username, req.pin, req.action),
    'auth:createUser': (req, caller) => auth.createUser(req, caller.manager),
    'auth:setActive': (req, caller) => Promise.resolve().then(() => auth.setActive(req, caller.manager)),
    'auth:changePin': async (req, caller) => {
      if (req.currentPin !== undefined) {
        // Proving the current PIN changes one's own PIN only; someone else's is a manager's reset.
        if (req.username !== caller.user.username)
          throw new AppError(
            'not_allowed',
            'Solo puede cambiar su propio PIN; para otro usuario, un gerente lo restablece',
          );
        await auth.changeOwnPin(caller.user, req.currentPin, req.newPin);
      } else {
        await auth.resetPin(req.username, req.newPin, caller.authorize('auth:changePin', req.approval));
      }
      return { done: true as const };
    },
  };
}
