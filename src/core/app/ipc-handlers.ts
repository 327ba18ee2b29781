// The handler map: every IPC contract entry bound to a core use case. `satisfies IpcHandlers` makes a contract entry
// without a handler a type error. Main (Electron IPC) and the web host (loopback HTTP) serve this same map through
// dispatchIpc, which parses every request before a handler sees it.
import { IllegalTransitionError } from '../../shared/fiscal/lifecycle';
import { invoicingGate } from '../hka/hka-connection';
import { retryDocument } from '../queue/manual-retry';
import { queueCounts } from '../queue/outbox-repo';
import { captureSale } from '../sales/capture-sale';
import { lastSale } from '../sales/last-sale';
import { appendAudit } from '../store/audit';
import { readIssuerSettings } from '../store/settings-repo';
import { pointClaimGate } from '../sync/claim-point';
import { draftCreditNote } from '../documents/credit-note';
import { createAuthHandlers } from './areas/auth/handlers';
import { createTillHandlers } from './areas/loss-prevention/handlers';
import { createTillDayHandlers } from './areas/till/handlers';
import { completeSale } from './sale-completion';
import { readLossPrevention } from '../loss-prevention/rules-settings';
import { auditedBy } from './caller';
import { createReportsHandlers } from './areas/reports/handlers';
import { createSettingsHandlers } from './areas/settings/handlers';
import { createBackupHandlers } from './areas/backups/handlers';
import { createSeriesHandlers } from './areas/series/handlers';
import { receiptPrintJob } from '../settings/receipt-settings';
import { recordPrint, REPRINT_NEEDS_MANAGER } from '../documents/receipt-prints';
import { createDocumentExtraHandlers } from './areas/document-files/handlers';
import { AppError, validationFailed } from './app-error';
import { appStatus } from './app-status';
import { saveCustomer, searchCustomers } from './customers-repo';
import type { IpcHandlers } from './dispatch';
import { getDocumentDetail } from './document-detail';
import { afterCommit } from './after-commit';
import { lookupProduct, saveProduct, searchProducts } from './products-repo';
import { createPrinterHandlers } from './areas/printer/handlers';
import { createSyncHandlers } from './areas/sync/handlers';
import { createHkaHandlers } from './areas/hka/handlers';
import type { CaptureFn, RegisterContext } from './register-context';

const CATALOG_EDIT_NEEDS_MANAGER = 'Crear o modificar productos (y sus precios) necesita la autorización de un gerente';
const CUSTOMER_EDIT_NEEDS_MANAGER = 'Modificar un cliente registrado necesita la autorización de un gerente';

/** Runs a synchronous use case as a handler: a throw becomes a rejected promise, which dispatchIpc maps. */
const run = <T>(work: () => T): Promise<T> => new Promise((resolve) => resolve(work()));

export function createIpcHandlers(ctx: RegisterContext): IpcHandlers {
  const { db, clock } = ctx;

  const afterQueueChange = (change?: { documentId: string; from: 'DRAFT' | 'FAILED' | 'REJECTED'; to: 'QUEUED' }) => {
    if (change) ctx.queueEvents.emit('document-status', change);
    ctx.queueEvents.emit('queue-counts', queueCounts(db));
    ctx.worker.tick(); // send now rather than at the next poll
  };

  /** Saves a sale or a note through captureSale and returns it as saved (QUEUED), before the worker picks it up. */
  const capture: CaptureFn = (draft, by, audit) => {
    const result = captureSale(
      {
        db,
        issuer: readIssuerSettings(db),
        emissionMode: () => ctx.contingency.emissionMode(),
        clock,
        actor: by.id,
        ...(audit?.approvedBy !== undefined && audit.approvedBy !== by.id ? { approvedBy: audit.approvedBy } : {}),
        ...(audit?.details ? { auditDetails: audit.details } : {}),
        ...(audit?.credit ? { credit: audit.credit } : {}),
        invoicingAllowed: () => {
          const hka = invoicingGate({ db, vault: ctx.vault, clock });
          if (!hka.ok) return hka;
          const issuer = readIssuerSettings(db);
          return pointClaimGate(db, {
            codigoSucursal: issuer.codigoSucursalEmisor,
            puntoFacturacion: issuer.puntoFacturacionFiscal,
          });
        },
      },
      draft,
    );
    if (!result.ok) {
      // Refusals of the register's state (HKA not verified, a series blocked by a collision), not of the sale's data.
      const gate = result.violations.find((v) => v.rule === 'hka_not_verified' || v.rule === 'series_blocked');
      throw gate ? new AppError('not_allowed', gate.message) : validationFailed(result.violations);
    }
    // Committed: the sale, its job, audit, sync events and shift are saved. From here on nothing may turn it into an
    // error for the cashier (who would ring it again): a failing read or notification is logged, not thrown.
    return afterCommit(
      {
        read: (id) => getDocumentDetail(db, id),
        notify: () => afterQueueChange({ documentId: result.captured.id, from: 'DRAFT', to: 'QUEUED' }),
        log: ctx.log,
      },
      result.captured,
    );
  };

  const handlers = {
    'app:status': () =>
      run(() =>
        appStatus({ db, environment: ctx.environment, connectivity: ctx.connectivity, contingency: ctx.contingency }),
      ),
    'catalog:search': (req) => run(() => searchProducts(db, req.query, req.limit)),
    'catalog:lookup': (req) => run(() => lookupProduct(db, req.code)),
    'catalog:saveProduct': (req, caller) =>
      run(() => {
        const { approval, ...product } = req;
        // Prices are the store's: with the catalogue rule on, a cashier needs a gerente for any product edit.
        const approver = readLossPrevention(db).catalogEdit
          ? caller.authorize('catalog:saveProduct', approval, CATALOG_EDIT_NEEDS_MANAGER)
          : undefined;
        return saveProduct(db, product, auditedBy(caller.user, approver), clock());
      }),
    'customers:search': (req) => run(() => searchCustomers(db, req.query)),
    'customers:save': (req, caller) =>
      run(() => {
        const { approval, ...customer } = req;
        // A new customer for a sale is the cashier's to add; overwriting one on file needs a gerente when the rule is on.
        const authorizeEdit = () =>
          readLossPrevention(db).customerEdit
            ? caller.authorize('customers:save', approval, CUSTOMER_EDIT_NEEDS_MANAGER).id
            : undefined;
        return saveCustomer(db, customer, caller.user.id, authorizeEdit, clock());
      }),
    'sales:complete': (req, caller) =>
      run(() => {
        const sale = completeSale({ db, clock, grants: ctx.grants, capture }, req.draft, caller);
        ctx.thermal.kickForSale(sale); // after the commit, in the background: a drawer that does not open is logged
        return sale;
      }),
    'sales:last': () => run(() => ({ last: lastSale(db) })),
    'documents:list': (req) => ctx.reads.run('documentsList', req),
    'documents:get': (req) => run(() => getDocumentDetail(db, req.id)),
    'documents:retry': (req, caller) =>
      run(() => {
        const before = db.$client.prepare('SELECT status FROM documents WHERE id = ?').get(req.id) as
          { status: string } | undefined;
        if (!before) throw new AppError('not_found', 'El documento no existe');
        try {
          retryDocument(db, req.id, auditedBy(caller.user, caller.manager), clock());
        } catch (error) {
          if (error instanceof IllegalTransitionError) {
            throw new AppError('not_allowed', 'Solo se pueden reintentar documentos rechazados o con envío fallido');
          }
          throw error;
        }
        afterQueueChange({ documentId: req.id, from: before.status as 'FAILED' | 'REJECTED', to: 'QUEUED' });
        return { done: true as const };
      }),
    'documents:annul': async (req, caller) => {
      const result = await ctx.annul(req.id, req.motivo, auditedBy(caller.user, caller.manager));
      if (!result.ok) throw new AppError(result.reason === 'not_found' ? 'not_found' : 'not_allowed', result.message);
      ctx.queueEvents.emit('document-status', { documentId: req.id, from: 'AUTHORIZED', to: 'ANNULLED' });
      return getDocumentDetail(db, req.id);
    },
    'documents:creditNote': (req, caller) =>
      run(() => {
        const drafted = draftCreditNote(db, req.id, req.lines, { formaPago: req.refund, motivo: req.motivo });
        if (!drafted.ok) throw new AppError('not_allowed', drafted.message);
        const refund = req.refund ? { refund: req.refund, motivo: req.motivo ?? null } : {};
        const note = capture(drafted.draft, caller.user, {
          approvedBy: caller.manager.id,
          credit: drafted.credit,
          details: refund,
        });
        // The cash goes out of the drawer: open it (after the commit, in the background); a card refund never does.
        if (req.refund === '02') ctx.thermal.kickInBackground('cash refund');
        return note;
      }),
    'queue:sendNow': async () => {
      await ctx.worker.sendNow();
      return { done: true as const };
    },
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
        await ctx.thermal.printReceipt(req.documentId, copy ?? 0);
        return { via: 'printer' as const, ...(copy === undefined ? {} : { copy }) };
      }
      const printed = await ctx.printer.print(receiptPrintJob(db, ctx.preferences));
      return copy === undefined ? printed : { ...printed, copy };
    },
    'preferences:get': () => run(() => ctx.preferences.get()),
    // The language only (anyone's, even on the sign-in screen); the receipt printer is a gerente's setting
    // (settings:saveReceipt).
    'preferences:set': (req) => run(() => ctx.preferences.update(req)),
    ...createAuthHandlers(ctx.auth),
    ...createReportsHandlers(ctx),
    ...createTillHandlers({ db, clock, grants: ctx.grants, drawer: ctx.thermal }),
    ...createPrinterHandlers({ db, clock, thermal: ctx.thermal }),
    ...createTillDayHandlers({ db, clock, drawer: ctx.thermal }),
    ...createSettingsHandlers(ctx),
    ...createBackupHandlers(ctx),
    ...createDocumentExtraHandlers(ctx, capture),
    ...createSeriesHandlers(ctx),
    ...createHkaHandlers(ctx),
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
    ...createSyncHandlers(ctx),
  } satisfies IpcHandlers;
  return handlers;
}
