// The till's busy day (src/shared/ipc/areas/till/contract.ts): park and recall sales, the basket in progress kept in
// SQLite, and cash movements. Every handler acts as the session's user (caller), never as a user named in the payload.
import type { tillContract } from '../../../../shared/ipc/areas/till/contract';
import { listParked, parkSale, recallSale } from '../../../till/parked-sales';
import { loadDraft, saveDraft } from '../../../till/till-draft';
import { listCashMovements, recordCashMovement } from '../../../till/cash-movements';
import type { StoreDb } from '../../../store/open-database';
import type { IpcHandlers } from '../../dispatch';
import { findInvoiceForReturn } from '../../../documents/find-invoice';
import { getDocumentDetail } from '../../document-detail';
import type { ThermalPrinter } from '../../../printing/thermal-printer';

export function createTillDayHandlers(deps: {
  db: StoreDb;
  clock: () => Date;
  thermal?: Pick<ThermalPrinter, 'kickInBackground'>;
}): Pick<IpcHandlers, keyof typeof tillContract> {
  const { db, clock } = deps;
  const run = <T>(work: () => T): Promise<T> => new Promise((resolve) => resolve(work()));
  return {
    'till:park': (req, caller) =>
      run(() =>
        parkSale(
          db,
          {
            basket: req.basket,
            label: req.label,
            reason: 'manual',
            owner: { id: caller.user.id, name: caller.user.displayName },
            by: caller.user,
          },
          clock(),
        ),
      ),
    'till:parked': () => run(() => listParked(db)),
    'till:recall': (req, caller) => run(() => recallSale(db, req.id, caller.user, clock())),
    'till:saveDraft': (req, caller) => run(() => ({ saved: saveDraft(db, caller.user, req.basket, clock()) })),
    'till:loadDraft': (_req, caller) => run(() => loadDraft(db, caller.user, clock())),
    'till:cashMovement': (req, caller) =>
      run(() => {
        const recorded = recordCashMovement(db, req, caller, clock());
        deps.thermal?.kickInBackground('cash movement'); // the cash goes in or out of the drawer: open it
        return recorded;
      }),
    'till:cashMovements': () => run(() => listCashMovements(db)),
    'till:findInvoice': (req) => run(() => getDocumentDetail(db, findInvoiceForReturn(db, req.reference))),
  };
}
