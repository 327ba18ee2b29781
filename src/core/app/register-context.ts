// What the IPC handlers are given (createRegisterCore builds it) and the capture function they share. Kept apart from
// the handler map so that each handler area imports its dependencies without importing the map that imports it.
import type { SaleDraft } from '../../shared/ipc/schemas';
import type { AuthService } from '../auth/auth-service';
import type { BackupService } from '../backups/backup-service';
import type { RestoreResult } from '../backups/restore-backup';
import type { AnnulResult } from '../documents/annul-document';
import type { HkaClient } from '../hka/client/hka-client';
import type { HkaEnvironment } from '../hka/contract';
import type { TillGrants } from '../loss-prevention/till-grants';
import type { AuditChainMonitor } from '../monitor/audit-chain-monitor';
import type { ThermalPrinter } from '../printing/thermal-printer';
import type { ConnectivityMonitor } from '../queue/connectivity';
import type { ContingencyManager } from '../queue/contingency';
import type { QueueEvents } from '../queue/queue-events';
import type { TransmissionWorker } from '../queue/transmission-worker';
import type { HkaCredentialSource } from '../queue/transmit-job';
import type { ReadRunner } from '../reads/read-queries';
import type { AuditActor } from '../store/audit';
import type { StoreDb } from '../store/open-database';
import type { CatalogPuller } from '../sync/catalog-puller';
import type { SyncPusher } from '../sync/sync-pusher';
import type { Vault } from '../vault/vault';
import type { ActingUser } from './caller';
import type { DataSetSwitch } from './data-set-switch';
import type { getDocumentDetail } from './document-detail';
import type { FileOpener } from './file-opener';
import type { HkaSettingsContext } from './areas/hka/hka-settings';
import type { PreferencesPort, ReceiptPrinter } from './ui-ports';

/** Everything the handlers use; createRegisterCore builds it. */
export interface RegisterContext {
  db: StoreDb;
  /** Where the heavy read-only queries run: the read worker (decision 0024). */
  reads: ReadRunner;
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

/** A document entered the queue (or only its counts changed): tell the screens and wake the worker. */
export type QueueChangedFn = (change?: {
  documentId: string;
  from: 'DRAFT' | 'FAILED' | 'REJECTED';
  to: 'QUEUED';
}) => void;

/**
 * What the handler areas pick their dependencies from (src/core/app/areas/<area>/handlers.ts): the register's context
 * plus the flows several areas share (capture.ts). Each area takes a Pick of only the keys it uses (decision 0030).
 */
export interface HandlerDeps extends RegisterContext {
  capture: CaptureFn;
  queueChanged: QueueChangedFn;
}
