// Handlers of the fiscal series channels (src/shared/ipc/areas/series/contract.ts): the manager's view of each series
// and the one action that resolves a number collision (queue/resolve-collision.ts). The acting gerente comes from the
// session.
import { resolveCollision, seriesStatus } from '../../../queue/resolve-collision';
import { queueCounts } from '../../../queue/outbox-repo';
import { AppError } from '../../app-error';
import { auditedBy } from '../../caller';
import type { IpcHandlers } from '../../dispatch';
import type { RegisterContext } from '../../register-context';

type SeriesHandlers = Pick<IpcHandlers, 'series:status' | 'series:resolveCollision'>;

export type SeriesDeps = Pick<
  RegisterContext,
  'db' | 'clock' | 'hkaClient' | 'hkaCredentials' | 'queueEvents' | 'worker'
>;

export function createSeriesHandlers(ctx: SeriesDeps): SeriesHandlers {
  const deps = { db: ctx.db, client: ctx.hkaClient, credentials: ctx.hkaCredentials, clock: ctx.clock };
  return {
    'series:status': () => Promise.resolve().then(() => seriesStatus(ctx.db)),
    'series:resolveCollision': async (req, caller) => {
      const result = await resolveCollision(deps, req, auditedBy(caller.user));
      if (!result.ok) throw new AppError('not_allowed', result.message);
      for (const r of result.renumbered) {
        if (r.status !== 'QUEUED')
          ctx.queueEvents.emit('document-status', { documentId: r.documentId, from: r.status, to: 'QUEUED' });
      }
      ctx.queueEvents.emit('queue-counts', queueCounts(ctx.db));
      ctx.worker.tick();
      const renumbered = result.renumbered.map(({ documentId, from, to }) => ({ documentId, from, to }));
      return { renumbered, hkaHighest: result.hkaHighest, nextNumber: result.nextNumber };
    },
  };
}
