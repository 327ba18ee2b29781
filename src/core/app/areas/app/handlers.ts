// Handlers of the app area (src/shared/ipc/areas/app/contract.ts): the status the sign-in screen shows, the restart
// that applies saved HKA settings, and the UI preferences.
import type { appContract } from '../../../../shared/ipc/areas/app/contract';
import { appendAudit } from '../../../store/audit';
import { appStatus } from '../../app-status';
import { auditedBy } from '../../caller';
import type { IpcHandlers } from '../../dispatch';
import type { HandlerDeps } from '../../register-context';
import { run } from '../run';

export type AppDeps = Pick<
  HandlerDeps,
  'db' | 'clock' | 'environment' | 'connectivity' | 'contingency' | 'preferences' | 'relaunch'
>;

export function createAppHandlers(ctx: AppDeps): Pick<IpcHandlers, keyof typeof appContract> {
  const { db, clock } = ctx;
  return {
    'app:status': () =>
      run(() =>
        appStatus({ db, environment: ctx.environment, connectivity: ctx.connectivity, contingency: ctx.contingency }),
      ),
    'app:restart': (_req, caller) =>
      run(() => {
        if (!ctx.relaunch) return { via: 'manual' as const };
        appendAudit(
          db,
          {
            ...auditedBy(caller.user, caller.manager),
            action: 'app.restart',
            details: { reason: 'apply saved settings' },
          },
          clock(),
        );
        // After this answer has gone back to the screen: the shell's quit drains HKA calls and closes the database.
        const relaunch = ctx.relaunch;
        setTimeout(relaunch, 100);
        return { via: 'relaunch' as const };
      }),
    'preferences:get': () => run(() => ctx.preferences.get()),
    // The language only (anyone's, even on the sign-in screen); the receipt printer is a gerente's setting
    // (settings:saveReceipt).
    'preferences:set': (req) => run(() => ctx.preferences.update(req)),
  };
}
