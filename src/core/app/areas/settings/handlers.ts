// Handlers of the back office's settings (issuer, receipt and printer, contingency), the manual contingency actions,
// the audit trail and the customers CSV import (src/shared/ipc/areas/settings/contract.ts); merged into
// createIpcHandlers. Who may call each is the contract's access rule, enforced by the dispatcher: writes need a gerente
// (signed in, or a one-shot approval for that very channel); reads need a signed-in gerente, except the receipt
// settings, which the cashier's receipt needs. The use cases live in core/settings.
import type { settingsContract } from '../../../../shared/ipc/areas/settings/contract';
import { csvOfRequest } from '../../../catalog-import/decode-csv';
import { importCustomersCsv } from '../../../catalog-import/import-customers';
import { enterContingency, leaveContingency, setContingencyReason } from '../../../settings/contingency-actions';
import { readContingencySettings, saveContingencySettings } from '../../../settings/contingency-settings';
import { readIssuerView, saveIssuer } from '../../../settings/issuer-settings';
import { ensurePointClaimed } from '../../../sync/claim-point';
import { listPrinters, readReceiptSettings, saveReceiptSettings } from '../../../settings/receipt-settings';
import { contingencyView } from '../../app-status';
import type { IpcHandlers } from '../../dispatch';
import type { RegisterContext } from '../../register-context';
import { auditedBy, withoutApproval } from '../../caller';

type Names =
  | 'settings:issuer'
  | 'settings:saveIssuer'
  | 'settings:receipt'
  | 'settings:saveReceipt'
  | 'settings:contingency'
  | 'settings:saveContingency'
  | 'contingency:enter'
  | 'contingency:setReason'
  | 'contingency:leave'
  | 'audit:list'
  | 'audit:csv'
  | 'audit:verify'
  | 'customers:importCsv';
export type SettingsChannel = Names & keyof typeof settingsContract;

/** Runs a synchronous use case as a handler: a throw becomes a rejected promise, which dispatchIpc maps. */
const run = <T>(work: () => T): Promise<T> => new Promise((resolve) => resolve(work()));

export type SettingsDeps = Pick<
  RegisterContext,
  'db' | 'clock' | 'contingency' | 'preferences' | 'printer' | 'environment' | 'vault' | 'log' | 'reads' | 'auditChain'
>;

export function createSettingsHandlers(ctx: SettingsDeps): Pick<IpcHandlers, SettingsChannel> {
  const { db, clock, contingency, preferences, printer } = ctx;
  const issuerDeps = { db, environment: ctx.environment, clock };
  const contingencyAnswer = () => ({ ...readContingencySettings(db), current: contingencyView(contingency) });
  const receiptAnswer = async () => ({
    ...readReceiptSettings(db, preferences),
    printers: await listPrinters(printer),
  });

  return {
    'settings:issuer': () => run(() => readIssuerView(db, ctx.environment)),
    'settings:saveIssuer': (req, caller) =>
      run(() => {
        const input = withoutApproval(req);
        const by = auditedBy(caller.user, caller.manager);
        const saved = saveIssuer(issuerDeps, input, by);
        // A new branch or billing point is claimed at head office at once (in the background: the manager never waits
        // for the network); a refusal then stops invoicing on it, as at start (sync/claim-point.ts).
        const point = { codigoSucursal: saved.codigoSucursalEmisor, puntoFacturacion: saved.puntoFacturacionFiscal };
        void ensurePointClaimed({ db, vault: ctx.vault, clock }, point, by).catch((error: unknown) =>
          ctx.log?.warn('Billing point claim failed', { error: String(error) }),
        );
        return saved;
      }),
    'settings:receipt': () => receiptAnswer(),
    'settings:saveReceipt': async (req, caller) => {
      const input = withoutApproval(req);
      saveReceiptSettings({ db, preferences, clock }, input, auditedBy(caller.user, caller.manager));
      return receiptAnswer();
    },
    'settings:contingency': () => run(() => contingencyAnswer()),
    'settings:saveContingency': (req, caller) =>
      run(() => {
        const input = withoutApproval(req);
        saveContingencySettings({ db, clock }, input, auditedBy(caller.user, caller.manager));
        return contingencyAnswer();
      }),
    'contingency:enter': (req, caller) =>
      run(() => {
        enterContingency(contingency, auditedBy(caller.user, caller.manager), req.motivo);
        return contingencyView(contingency);
      }),
    'contingency:setReason': (req, caller) =>
      run(() => {
        setContingencyReason(contingency, auditedBy(caller.user, caller.manager), req.motivo);
        return contingencyView(contingency);
      }),
    'contingency:leave': (_req, caller) =>
      run(() => {
        leaveContingency(contingency, auditedBy(caller.user, caller.manager));
        return contingencyView(contingency);
      }),
    'audit:list': (req) => ctx.reads.run('auditList', req),
    'audit:csv': (req) => ctx.reads.run('auditCsv', req),
    'audit:verify': (req) => (req.recheck === true ? ctx.auditChain.check() : Promise.resolve(ctx.auditChain.current)),
    // The contract carries no approval here: the import is done from the manager's signed-in panel.
    'customers:importCsv': (req, caller) =>
      run(() =>
        importCustomersCsv(db, csvOfRequest(req).text, {
          importValidRows: req.importValidRows,
          actor: caller.user.id,
          at: clock(),
        }),
      ),
  };
}
