// The handler map: every IPC contract entry bound to a core use case, assembled from the handler areas
// (src/core/app/areas/<area>/handlers.ts, side by side with src/shared/ipc/areas/<area>/contract.ts; decision 0030).
// Adding a channel edits no file here. `satisfies IpcHandlers` makes a contract entry without a handler a type error;
// each area takes a Pick of HandlerDeps, so no handler is given the whole register. Main (Electron IPC) and the web
// host (loopback HTTP) serve this same map through dispatchIpc, which parses every request before a handler sees it.
import type { contractAreas } from '../../shared/ipc/contract';
import { createAppHandlers } from './areas/app/handlers';
import { createAuthHandlers } from './areas/auth/handlers';
import { createBackupHandlers } from './areas/backups/handlers';
import { createCatalogHandlers } from './areas/catalog/handlers';
import { createDocumentExtraHandlers } from './areas/document-files/handlers';
import { createDocumentsHandlers } from './areas/documents/handlers';
import { createHkaHandlers } from './areas/hka/handlers';
import { createTillHandlers } from './areas/loss-prevention/handlers';
import { createMonitorHandlers } from './areas/monitor/handlers';
import { createPrinterHandlers } from './areas/printer/handlers';
import { createReportsHandlers } from './areas/reports/handlers';
import { createSalesHandlers } from './areas/sales/handlers';
import { createSeriesHandlers } from './areas/series/handlers';
import { createSettingsHandlers } from './areas/settings/handlers';
import { createSyncHandlers } from './areas/sync/handlers';
import { createTillDayHandlers } from './areas/till/handlers';
import { createCapture, queueNotifier } from './capture';
import type { IpcHandlers } from './dispatch';
import type { HandlerDeps, RegisterContext } from './register-context';

/** Each area's handler factory by area name, as contractAreas names the area's contract (one per contract area). */
export const handlerAreas = {
  app: createAppHandlers,
  catalog: createCatalogHandlers,
  sales: createSalesHandlers,
  documents: createDocumentsHandlers,
  sync: createSyncHandlers,
  hka: createHkaHandlers,
  auth: createAuthHandlers,
  reports: createReportsHandlers,
  settings: createSettingsHandlers,
  'document-files': createDocumentExtraHandlers,
  monitor: createMonitorHandlers,
  'loss-prevention': createTillHandlers,
  backups: createBackupHandlers,
  series: createSeriesHandlers,
  till: createTillDayHandlers,
  printer: createPrinterHandlers,
} as const satisfies { [A in keyof typeof contractAreas]: (deps: HandlerDeps) => unknown };

export function createIpcHandlers(ctx: RegisterContext): IpcHandlers {
  const queueChanged = queueNotifier(ctx);
  const deps: HandlerDeps = { ...ctx, queueChanged, capture: createCapture(ctx, queueChanged) };
  const areas = handlerAreas;
  return {
    ...areas.app(deps),
    ...areas.catalog(deps),
    ...areas.sales(deps),
    ...areas.documents(deps),
    ...areas.sync(deps),
    ...areas.hka(deps),
    ...areas.auth(deps),
    ...areas.reports(deps),
    ...areas.settings(deps),
    ...areas['document-files'](deps),
    ...areas.monitor(deps),
    ...areas['loss-prevention'](deps),
    ...areas.backups(deps),
    ...areas.series(deps),
    ...areas.till(deps),
    ...areas.printer(deps),
  } satisfies IpcHandlers;
}
