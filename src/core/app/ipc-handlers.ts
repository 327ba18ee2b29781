// The handler map: every IPC contract entry bound to a core use case. `satisfies IpcHandlers` makes a contract entry
// without a handler a type error. Main (Electron IPC) and the web host (loopback HTTP) serve this same map through
// dispatchIpc, which parses every request before a handler sees it.
import { IllegalTransitionError } from '../../shared/fiscal/lifecycle';
import { invoicingGate } from '../hka/hka-connection';
import type { HkaEnvironment } from '../hka/contract';
import type { ConnectivityMonitor } from '../queue/connectivity';
import type { ContingencyManager } from '../queue/contingency';
import { retryDocument } from '../queue/manual-retry';
import { queueCounts } from '../queue/outbox-repo';
import type { QueueEvents } from '../queue/queue-events';
import type { TransmissionWorker } from '../queue/transmission-worker';
import { captureSale } from '../sales/capture-sale';
import { lastSale } from '../sales/last-sale';
import type { StoreDb } from '../store/open-database';
import { appendAudit, type AuditActor } from '../store/audit';
import { readIssuerSettings } from '../store/settings-repo';
import type { Vault } from '../vault/vault';
import { enrolRegister, type EnrolError } from '../sync/enrol';
import { ensurePointClaimed, pointClaimGate } from '../sync/claim-point';
import type { AnnulResult } from '../documents/annul-document';
import { draftCreditNote } from '../documents/credit-note';
import type { AuthService } from '../auth/auth-service';
import { createAuthHandlers } from './handlers-auth';
import { createTillHandlers } from './handlers-till';
import { createTillDayHandlers } from './handlers-till-day';
import { completeSale } from './sale-completion';
import { readLossPrevention } from '../loss-prevention/rules-settings';
import type { TillGrants } from '../loss-prevention/till-grants';
import type { AuditChainMonitor } from '../monitor/audit-chain-monitor';
import { auditedBy, type ActingUser } from './caller';
import type { DataSetSwitch } from './data-set-switch';
import { DraftVerifications } from '../hka/draft-connection';
import { hkaSettingsView, saveHkaSettings, testHkaSettings, type HkaSettingsContext } from './hka-settings-handlers';
import { createReportsHandlers } from './handlers-reports';
import { createSettingsHandlers } from './handlers-settings';
import { createBackupHandlers } from './handlers-backups';
import type { BackupService } from '../backups/backup-service';
import type { RestoreResult } from '../backups/restore-backup';
import { createSeriesHandlers } from './handlers-series';
import { receiptPrintJob } from '../settings/receipt-settings';
import { recordPrint, REPRINT_NEEDS_MANAGER } from '../documents/receipt-prints';
import { createDocumentExtraHandlers } from './handlers-document-files';
import type { FileOpener } from './file-opener';
import type { HkaClient } from '../hka/client/hka-client';
import type { HkaCredentialSource } from '../queue/transmit-job';
import { recordFolios } from '../monitor/folios';
import type { SaleDraft } from '../../shared/ipc/schemas';
import type { CatalogPuller } from '../sync/catalog-puller';
import type { SyncPusher } from '../sync/sync-pusher';
import { AppError, validationFailed } from './app-error';
import { appStatus } from './app-status';
import { saveCustomer, searchCustomers } from './customers-repo';
import type { IpcHandlers } from './dispatch';
import { getDocumentDetail } from './document-detail';
import { afterCommit } from './after-commit';
import { listDocuments } from './documents-list';
import { lookupProduct, saveProduct, searchProducts } from './products-repo';
import type { PreferencesPort, ReceiptPrinter } from './ui-ports';
import type { ThermalPrinter } from '../printing/thermal-printer';
import { createPrinterHandlers } from './handlers-printer';

/** Everything the handlers use; createRegisterCore builds it. */
export interface RegisterContext {
  db: StoreDb;
  vault: Vault;
  environment: HkaEnvironment;
  worker: TransmissionWorker;
  queueEvents: QueueEvents;
  connectivity: ConnectivityMonitor;
  contingency: ContingencyManager;
  clock: () => Date;
  preferences: PreferencesPort;
  printer: ReceiptPrinter;
  /** The ESC/POS printer and the cash drawer wired to it (core/printing). */
  thermal: ThermalPrinter;
  /** The register's session and approvals (the dispatcher's SessionGate). */
  auth: AuthService;
  /** Gerentes' approvals of price overrides and discounts given at the till, waiting for their sale. */
  grants: TillGrants;
  /** The audit trail's hash chain, checked at start and on request. */
  auditChain: AuditChainMonitor;
  /** Pushes the audit trail and document statuses to the central API once the register is enrolled. */
  sync: SyncPusher;
  /** Pulls head office's catalogue once the register is enrolled (never in training; decision 0018). */
  catalog: CatalogPuller;
  /** The HKA settings area (hka-settings-handlers.ts). */
  hka: Pick<HkaSettingsContext, 'running' | 'clientFor' | 'contract'>;
  /** The environment's data set the register opens next, and switching it (data-set-switch.ts). */
  dataSets: DataSetSwitch;
  /** Annuls at HKA, then locally (documents/annul-document.ts). */
  annul: (documentId: string, motivo: string, by: AuditActor) => Promise<AnnulResult>;
  /** The register's folder: PDF/XML files are kept in <dataDir>/documentos (documents/document-files.ts). */
  dataDir: string;
  /** Opens a kept PDF/XML: the OS in the desktop app, the browser in the web host (file-opener.ts). */
  fileOpener: FileOpener;
  /** The running HKA connection and its credentials, for the manager's HKA calls (files, e-mail, discard, folios). */
  hkaClient: HkaClient;
  hkaCredentials: HkaCredentialSource;
  /** Automatic and manual backups (core/backups). */
  backups: BackupService;
  /** Restores a verified backup over the register's data (core/backups/restore-backup.ts, composed by register-core). */
  restore: (path: string, by: AuditActor) => Promise<RestoreResult>;
  /** Where what must not reach the cashier goes (a failing step after a committed sale). */
  log?: { warn(message: string, meta?: Record<string, unknown>): void } | undefined;
  /** Relaunches the app (desktop: drain, quit, start again); absent where the shell cannot (web host). */
  relaunch?: (() => void) | undefined;
}

const CATALOG_EDIT_NEEDS_MANAGER = 'Crear o modificar productos (y sus precios) necesita la autorización de un gerente';
const CUSTOMER_EDIT_NEEDS_MANAGER = 'Modificar un cliente registrado necesita la autorización de un gerente';

/** Training data never reaches head office (docs/decisions/0009-one-data-set-per-environment.md). */
const TRAINING_NOT_SYNCED =
  'En modo entrenamiento (Simulador) la caja no se sincroniza con la oficina central; cambie a Demo o Producción para inscribirla';

/** Spanish for the manager; the English detail stays in the sync client's logs. */
const ENROL_MESSAGES: Record<EnrolError, string> = {
  invalid_url: 'La dirección del servidor debe empezar con https:// (http:// solo en esta máquina o la red local)',
  invalid_code: 'El servidor no aceptó el código (desconocido, ya usado o vencido)',
  unreachable: 'No se pudo contactar el servidor central; revise la dirección y la conexión',
  rate_limited: 'Demasiados intentos fallidos; espere un minuto e intente de nuevo',
  server_error: 'El servidor central no pudo inscribir la caja; intente más tarde',
};

/** Runs a synchronous use case as a handler: a throw becomes a rejected promise, which dispatchIpc maps. */
const run = <T>(work: () => T): Promise<T> => new Promise((resolve) => resolve(work()));

/** What the capture's audit entry adds: the gerente who approved it when someone else acted, and details. */
export interface CaptureAudit {
  approvedBy?: string | undefined;
  details?: Record<string, unknown>;
  /** A credit note's invoice and lines, checked against the credit ledger inside the capture transaction. */
  credit?: { invoiceId: string; lines: readonly number[] };
}

/** Saves a sale or a note, written by `author`. */
export type CaptureFn = (
  draft: SaleDraft,
  author: ActingUser,
  audit?: CaptureAudit,
) => ReturnType<typeof getDocumentDetail>;

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

  const hkaCtx: HkaSettingsContext = {
    db,
    dataSets: ctx.dataSets,
    clock,
    drafts: new DraftVerifications(clock),
    ...ctx.hka,
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
    'documents:list': (req) => run(() => listDocuments(db, req)),
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
    'settings:hka': () => hkaSettingsView(hkaCtx),
    'settings:saveHka': (req, caller) => saveHkaSettings(hkaCtx, req, auditedBy(caller.user, caller.manager)),
    'settings:testHka': async (req, caller) => {
      const draft =
        req.draft === undefined
          ? undefined
          : {
              environment: req.draft.environment,
              ...(req.draft.endpoint ? { endpoint: req.draft.endpoint } : {}),
              ...(req.draft.tokenEmpresa ? { tokenEmpresa: req.draft.tokenEmpresa } : {}),
              ...(req.draft.tokenPassword ? { tokenPassword: req.draft.tokenPassword } : {}),
            };
      const tested = await testHkaSettings(hkaCtx, draft, auditedBy(caller.user, caller.manager));
      // The monitoring panel shows the saved connection's latest folios, not those of values only typed.
      if (tested.tested === 'saved') recordFolios(db, tested.foliosDisponibleCiclo, clock());
      return tested;
    },
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
    'sync:status': () => run(() => ctx.sync.status()),
    'sync:pushNow': async () => {
      if (ctx.environment === 'simulador') throw new AppError('not_allowed', TRAINING_NOT_SYNCED);
      await ctx.sync.pushNow();
      await ctx.catalog.pullNow(); // "Sincronizar ahora" brings head office's prices too
      return ctx.sync.status();
    },
    'sync:enrol': async (req, caller) => {
      if (ctx.environment === 'simulador') throw new AppError('not_allowed', TRAINING_NOT_SYNCED);
      const input = {
        serverUrl: req.serverUrl,
        code: req.code,
        ...(req.registerName ? { registerName: req.registerName } : {}),
      };
      const outcome = await enrolRegister(
        { db, vault: ctx.vault, clock },
        input,
        auditedBy(caller.user, caller.manager),
      );
      if (!outcome.ok) {
        const invalid = outcome.error === 'invalid_url' || outcome.error === 'invalid_code';
        throw new AppError(invalid ? 'invalid_request' : 'not_allowed', ENROL_MESSAGES[outcome.error]);
      }
      ctx.sync.start();
      ctx.catalog.start();
      const issuer = readIssuerSettings(db);
      // The server's answer is kept for capture's gate; an unanswered claim is asked again at the next start.
      await ensurePointClaimed(
        { db, vault: ctx.vault, clock },
        { codigoSucursal: issuer.codigoSucursalEmisor, puntoFacturacion: issuer.puntoFacturacionFiscal },
        auditedBy(caller.user, caller.manager),
      );
      const { deviceId, storeCode, storeName, registerName } = outcome;
      return { deviceId, storeCode, storeName, registerName };
    },
  } satisfies IpcHandlers;
  return handlers;
}
