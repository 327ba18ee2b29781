// Handlers of the reports area's contract entries (src/shared/ipc/contract-reports.ts); merged into createIpcHandlers.
// Cash shifts with X/Z reports, the sales report and the catalogue CSV import. Reports go out as data plus their
// 80 mm text and CSV, so the renderer needs no arithmetic of its own.
import type { reportsContract } from '../../shared/ipc/contract-reports';
import type { ShiftReport } from '../../shared/ipc/contract-reports';
import { importProductsCsv } from '../catalog-import/import-products';
import { salesByDayCsv, salesByProductCsv, salesReport } from '../reports/sales-report';
import { shiftReportCsv, shiftReportText } from '../reports/shift-report-render';
import { closeShift, currentShift, openShift, storedZReport, xReport } from '../reports/shifts';
import { requireManagerSession } from '../settings/access';
import { AppError } from './app-error';
import type { IpcHandlers } from './dispatch';
import type { RegisterContext } from './ipc-handlers';
import { cashierActor, isSingleUser, managerFor } from './manager-guard';

const run = <T>(work: () => T): Promise<T> => new Promise((resolve) => resolve(work()));
const rendered = (report: ShiftReport) => ({ report, text: shiftReportText(report), csv: shiftReportCsv(report) });

export function createReportsHandlers(ctx: RegisterContext): Pick<IpcHandlers, keyof typeof reportsContract> {
  const { db, clock, actor } = ctx;
  return {
    'reports:currentShift': () => run(() => currentShift(db)),
    'reports:openShift': (req) => run(() => openShift(db, req.openingCash, actor, clock())),
    'reports:xReport': () => run(() => rendered(xReport(db, clock()))),
    'reports:closeShift': (req) => run(() => {
      // Closing with documents not yet authorised needs a gerente (or, before any user exists, an explicit confirm).
      const manager = isSingleUser(db) ? (req.confirm === true ? actor : undefined) : managerFor(db, 'reports:closeShift', req.approval);
      const result = closeShift(db, { countedCash: req.countedCash, managerApproved: manager !== undefined }, manager ?? cashierActor(db, actor), clock());
      return result.closed ? { closed: true as const, ...rendered(result.report) } : result;
    }),
    'reports:zReport': (req) => run(() => rendered(storedZReport(db, req.shiftId))),
    'reports:sales': (req) => run(() => {
      if (req.from > req.to) throw new AppError('invalid_request', 'La fecha inicial debe ser anterior o igual a la final');
      const report = salesReport(db, req.from, req.to);
      return { report, csvByDay: salesByDayCsv(report), csvByProduct: salesByProductCsv(report) };
    }),
    // The catalogue is the manager's (settings panel): a signed-in gerente imports it.
    'catalog:importCsv': (req) => run(() => importProductsCsv(db, req.csv, { importValidRows: req.importValidRows, actor: requireManagerSession(db, actor), at: clock() })),
  };
}
