// Handlers of the sales area (src/shared/ipc/areas/sales/contract.ts): completing a sale at the till, the register's
// last sale, and printing a receipt (reprints counted, and approved beyond the store's free ones).
import type { salesContract } from '../../../../shared/ipc/areas/sales/contract';
import { recordPrint, recordPrintNotDone, REPRINT_NEEDS_MANAGER } from '../../../documents/receipt-prints';
import { readLossPrevention } from '../../../loss-prevention/rules-settings';
import { PrinterProblemError } from '../../../printing/thermal-printer';
import { lastSale } from '../../../sales/last-sale';
import { receiptPrintJob } from '../../../settings/receipt-settings';
import { auditedBy } from '../../caller';
import type { IpcHandlers } from '../../dispatch';
import type { HandlerDeps } from '../../register-context';
import { completeSale } from '../../sale-completion';
import { run } from '../run';

export type SalesDeps = Pick<
  HandlerDeps,
  'db' | 'clock' | 'grants' | 'capture' | 'thermal' | 'printer' | 'preferences'
>;

export function createSalesHandlers(ctx: SalesDeps): Pick<IpcHandlers, keyof typeof salesContract> {
  const { db, clock } = ctx;
  return {
    'sales:complete': (req, caller) =>
      run(() => {
        const sale = completeSale({ db, clock, grants: ctx.grants, capture: ctx.capture }, req.draft, caller);
        ctx.thermal.kickForSale(sale); // after the commit, in the background: a drawer that does not open is logged
        return sale;
      }),
    'sales:last': () => run(() => ({ last: lastSale(db) })),
    'receipt:print': async (req, caller) => {
      // Counted (and, beyond the free reprints, approved) before anything prints: a refused reprint prints nothing.
      const copy =
        req.documentId === undefined
          ? undefined
          : recordPrint(
              db,
              req.documentId,
              readLossPrevention(db).freeReprints,
              auditedBy(caller.user),
              () => caller.authorize('receipt:print', req.approval, REPRINT_NEEDS_MANAGER).id,
              clock(),
            );
      // A document's receipt goes to the thermal printer when there is one (a failure reaches the screen, which then
      // prints through the system); a report, or a register without one, prints the page on screen.
      if (req.documentId !== undefined && ctx.thermal.active()) {
        try {
          await ctx.thermal.printReceipt(req.documentId, copy ?? 0);
        } catch (error) {
          // The printer said no before any byte went out: no paper came out, so this print does not count.
          if (error instanceof PrinterProblemError && copy !== undefined)
            recordPrintNotDone(
              db,
              req.documentId,
              copy,
              auditedBy(caller.user),
              error.violations?.[0]?.rule ?? '',
              clock(),
            );
          throw error;
        }
        return { via: 'printer' as const, ...(copy === undefined ? {} : { copy }) };
      }
      const printed = await ctx.printer.print(receiptPrintJob(db, ctx.preferences));
      return copy === undefined ? printed : { ...printed, copy };
    },
  };
}
