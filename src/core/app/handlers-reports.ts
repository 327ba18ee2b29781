// Handlers of the reports area's contract entries (src/shared/ipc/contract-reports.ts); merged into createIpcHandlers.
import type { reportsContract } from '../../shared/ipc/contract-reports';
import type { IpcHandlers } from './dispatch';
import type { RegisterContext } from './ipc-handlers';

export function createReportsHandlers(ctx: RegisterContext): Pick<IpcHandlers, keyof typeof reportsContract> {
  void ctx;
  return {};
}
