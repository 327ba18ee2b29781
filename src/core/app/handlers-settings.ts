// Handlers of the back office's settings (issuer, receipt and printer, contingency), the manual contingency actions,
// the audit trail and the customers CSV import (src/shared/ipc/contract-manager.ts); merged into createIpcHandlers.
// Writes need a gerente (signed in, or a one-shot approval for that very channel); reads need a signed-in gerente,
// except the receipt settings, which the cashier's receipt needs. The use cases live in core/settings.
import type { managerContract } from '../../shared/ipc/contract-manager';
import { importCustomersCsv } from '../catalog-import/import-customers';
import { requireManagerSession, requireSignedIn } from '../settings/access';
import { listAudit } from '../settings/audit-list';
import { enterContingency, leaveContingency, setContingencyReason } from '../settings/contingency-actions';
import { readContingencySettings, saveContingencySettings } from '../settings/contingency-settings';
import { readIssuerView, saveIssuer } from '../settings/issuer-settings';
import { listPrinters, readReceiptSettings, saveReceiptSettings } from '../settings/receipt-settings';
import { contingencyView } from './app-status';
import type { IpcHandlers } from './dispatch';
import type { RegisterContext } from './ipc-handlers';
import { authorizeManagerAction } from './manager-guard';

type Names = 'settings:issuer' | 'settings:saveIssuer' | 'settings:receipt' | 'settings:saveReceipt' | 'settings:contingency'
  | 'settings:saveContingency' | 'contingency:enter' | 'contingency:setReason' | 'contingency:leave' | 'audit:list' | 'customers:importCsv';
export type SettingsChannel = Names & keyof typeof managerContract;

/** Runs a synchronous use case as a handler: a throw becomes a rejected promise, which dispatchIpc maps. */
const run = <T>(work: () => T): Promise<T> => new Promise((resolve) => resolve(work()));

export function createSettingsHandlers(ctx: RegisterContext): Pick<IpcHandlers, SettingsChannel> {
  const { db, clock, actor, contingency, preferences, printer } = ctx;
  const issuerDeps = { db, environment: ctx.environment, clock };
  const contingencyAnswer = () => ({ ...readContingencySettings(db), current: contingencyView(contingency) });
  const receiptAnswer = async () => ({ ...readReceiptSettings(db, preferences), printers: await listPrinters(printer) });

  return {
    'settings:issuer': () => run(() => {
      requireManagerSession(db, actor);
      return readIssuerView(db, ctx.environment);
    }),
    'settings:saveIssuer': (req) => run(() => {
      const { approval, ...input } = req;
      const manager = authorizeManagerAction(db, 'settings:saveIssuer', approval, actor);
      return saveIssuer(issuerDeps, input, manager);
    }),
    'settings:receipt': async () => {
      requireSignedIn(db, actor);
      return receiptAnswer();
    },
    'settings:saveReceipt': async (req) => {
      const { approval, ...input } = req;
      const manager = authorizeManagerAction(db, 'settings:saveReceipt', approval, actor);
      saveReceiptSettings({ db, preferences, clock }, input, manager);
      return receiptAnswer();
    },
    'settings:contingency': () => run(() => {
      requireManagerSession(db, actor);
      return contingencyAnswer();
    }),
    'settings:saveContingency': (req) => run(() => {
      const { approval, ...input } = req;
      const manager = authorizeManagerAction(db, 'settings:saveContingency', approval, actor);
      saveContingencySettings({ db, clock }, input, manager);
      return contingencyAnswer();
    }),
    'contingency:enter': (req) => run(() => {
      enterContingency(contingency, authorizeManagerAction(db, 'contingency:enter', req.approval, actor), req.motivo);
      return contingencyView(contingency);
    }),
    'contingency:setReason': (req) => run(() => {
      setContingencyReason(contingency, authorizeManagerAction(db, 'contingency:setReason', req.approval, actor), req.motivo);
      return contingencyView(contingency);
    }),
    'contingency:leave': (req) => run(() => {
      leaveContingency(contingency, authorizeManagerAction(db, 'contingency:leave', req.approval, actor));
      return contingencyView(contingency);
    }),
    'audit:list': (req) => run(() => {
      requireManagerSession(db, actor);
      return listAudit(db, req);
    }),
    // The contract carries no approval here: the import is done from the manager's signed-in panel.
    'customers:importCsv': (req) => run(() => {
      const manager = requireManagerSession(db, actor);
      return importCustomersCsv(db, req.csv, { importValidRows: req.importValidRows, actor: manager, at: clock() });
    }),
  };
}
