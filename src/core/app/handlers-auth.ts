// Handlers of the auth area's contract entries (src/shared/ipc/contract-auth.ts); merged into createIpcHandlers.
import type { authContract } from '../../shared/ipc/contract-auth';
import type { IpcHandlers } from './dispatch';
import type { RegisterContext } from './ipc-handlers';

export function createAuthHandlers(ctx: RegisterContext): Pick<IpcHandlers, keyof typeof authContract> {
  void ctx;
  return {};
}
