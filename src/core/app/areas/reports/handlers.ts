// Handlers of the reports area's contract entries (src/shared/ipc/areas/reports/contract.ts); merged into
// createIpcHandlers. Cash shifts with X/Z reports, the sales report and the catalogue CSV import. Reports go out as
// data plus their 80 mm text and CSV, so the renderer needs no arithmetic of its own. With blind count (loss
// prevention), the X report is a gerente's: a cashier counts the drawer before the register says what it expects, at
// the close.
import type { reportsContract } from '../../../../shared/ipc/areas/reports/contract';
import { csvOfRequest } from '../../../catalog-import/decode-csv';
import { importProductsCsv } from '../../../catalog-import/import-products';
import { previewProductsCsv } from '../../../catalog-import/product-preview';
import { readLossPrevention } from '../../../loss-prevention/rules-settings';
import { renderedShiftReport as rendered } from '../../../reads/read-queries';
import { closeShift, currentShift, openShift } from '../../../reports/shifts';
import { AppError } from '../../app-error';
import { auditedBy } from '../../caller';
import type { IpcHandlers } from '../../dispatch';
import type { RegisterContext } from '../../register-context';

const run = <T>(work: () => T): Promise<T> => new Promise((resolve) => resolve(work()));

export const BLIND_X_REFUSED = 'Con el conteo ciego, el reporte X es del gerente: cuente el efectivo y cierre el turno';

export function createReportsHandlers(
  ctx: Pick<RegisterContext, 'db' | 'clock' | 'reads'> & {
    backups?: Pick<RegisterContext['backups'], 'afterShiftClosed'>;
  },
): Pick<IpcHandlers, keyof typeof reportsContract> {
  const { db, clock } = ctx;
  return {
    'reports:currentShift': () => run(() => currentShift(db)),
    'reports:openShift': (req, caller) => run(() => openShift(db, req.openingCash, auditedBy(caller.user), clock())),
    // The reports themselves run on the read worker (decision 0024); who may see them is decided here first.
    'reports:xReport': async (_req, caller) => {
      if (caller.user.role !== 'gerente' && readLossPrevention(db).blindCount)
        throw new AppError('not_allowed', BLIND_X_REFUSED);
      return ctx.reads.run('xReport', { at: clock().toISOString() });
    },
    'reports:closeShift': (req, caller) =>
      run(() => {
        // A gerente closing approves by being one; a cashier's approval token is spent only when one is presented (the
        // screen asks for it after the core answered needs_manager).
        const approver =
          caller.user.role === 'gerente' || req.approval !== undefined
            ? caller.authorize('reports:closeShift', req.approval)
            : undefined;
        const input = {
          countedCash: req.countedCash,
          reason: req.reason,
          differenceLimit: readLossPrevention(db).zDifferenceLimit,
          approvedBy: approver?.id,
        };
        const result = closeShift(db, input, auditedBy(caller.user), clock());
        // Every Z gets its backup, in the background: a failed copy is the manager's to see, never the Z's to refuse.
        if (result.closed) ctx.backups?.afterShiftClosed(auditedBy(caller.user));
        return result.closed ? { closed: true as const, ...rendered(result.report) } : result;
      }),
    'reports:zReport': (req) => ctx.reads.run('zReport', { shiftId: req.shiftId }),
    'reports:sales': async (req) => {
      if (req.from > req.to)
        throw new AppError('invalid_request', 'La fecha inicial debe ser anterior o igual a la final');
      return ctx.reads.run('salesReport', { from: req.from, to: req.to });
    },
    'catalog:previewCsv': (req) =>
      run(() => {
        const { text, encoding } = csvOfRequest(req);
        return previewProductsCsv(db, text, encoding).preview;
      }),
    'catalog:importCsv': (req, caller) =>
      run(() => {
        const { text, encoding } = csvOfRequest(req);
        return importProductsCsv(db, text, {
          importValidRows: req.importValidRows,
          confirmChanges: req.confirmChanges,
          encoding,
          actor: caller.user.id,
          at: clock(),
        });
      }),
  };
}
