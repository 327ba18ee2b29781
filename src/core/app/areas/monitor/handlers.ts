// Handlers of the monitoring panel (monitor:overview, monitor:checkFolios). Reading the panel asks HKA nothing;
// "Consultar folios" does (FoliosRestantes) and keeps the answer. Both need a signed-in gerente (the contract's rule).
import { checkFolios, foliosView } from '../../../monitor/folios';
import { queueCounts } from '../../../queue/outbox-repo';
import { AppError } from '../../app-error';
import { contingencyView, queueCountsView } from '../../app-status';
import type { IpcHandlers } from '../../dispatch';
import type { RegisterContext } from '../../register-context';
import { explainingVaultErrors } from '../../vault-errors';

export type MonitorChannel = 'monitor:overview' | 'monitor:checkFolios';

export type MonitorDeps = Pick<
  RegisterContext,
  'db' | 'clock' | 'reads' | 'contingency' | 'hkaClient' | 'hkaCredentials'
>;

export function createMonitorHandlers(ctx: MonitorDeps): Pick<IpcHandlers, MonitorChannel> {
  const { db, clock } = ctx;
  return {
    // The queue and contingency come from the core (live state); the history behind the panel from the read worker.
    'monitor:overview': (req) =>
      Promise.resolve().then(() =>
        ctx.reads.run('monitorOverview', {
          at: clock().toISOString(),
          hours: req.hours,
          inputs: { queue: queueCountsView(queueCounts(db)), contingency: contingencyView(ctx.contingency) },
        }),
      ),
    'monitor:checkFolios': async () => {
      const outcome = await explainingVaultErrors(() =>
        checkFolios({ db, client: ctx.hkaClient, credentials: ctx.hkaCredentials, clock }),
      );
      if (outcome.kind === 'transient')
        throw new AppError(
          'not_allowed',
          'No se pudo contactar a HKA para consultar los folios; intente de nuevo más tarde',
        );
      if (outcome.kind === 'rejected')
        throw new AppError('not_allowed', `HKA no informó los folios: ${outcome.mensaje}`);
      return foliosView(db);
    },
  };
}
