// What a shell gives createRegisterCore (register-core.ts) and what it gets back.
import type { KeyProtector } from '../vault/key-protector';
import type { WorkerOptions } from '../queue/transmission-worker';
import type { ConnectivityOptions } from '../queue/connectivity';
import type { ContingencyOptions } from '../queue/contingency';
import type { PreferencesPort, ReceiptPrinter } from './ui-ports';
import type { TransportFactory } from '../printing/printer-transport';
import type { HkaLogger } from '../hka/client/hka-client';
import type { FileOpener } from './file-opener';
import type { MonitorServiceOptions } from '../monitor/monitor-service';
import type { LiveContractOptions } from '../hka/live-contract/live-contract';
import type { AfterRestore } from '../backups/restore-backup';
import type { CatalogPullerOptions } from '../sync/catalog-puller';
import type { IpcBinding } from './dispatch';
import type { RegisterEvents } from './contract-events';
import type { HkaEnvironment } from '../hka/contract';
import type { CatalogPuller } from '../sync/catalog-puller';
import type { OpenedDatabase } from '../store/open-database';
import type { HkaSimulator } from '../hka/simulator';
import type { ContractKeeper } from '../hka/live-contract/contract-keeper';

export interface RegisterCoreOptions {
  /**
   * Folder for the data sets (sago-<environment>.sqlite, one per HKA environment, and environment.json naming the
   * active one), vault.key (without keyProtector) and simulador.sqlite (the in-process simulator's own ledger).
   */
  dataDir: string;
  /** The desktop app passes the safeStorage protector; default: a 0600 key file in dataDir. */
  keyProtector?: KeyProtector;
  /** An external simulator (tests stop and restart it); default in Simulador: one started in-process. */
  simulatorEndpoint?: string;
  clock?: () => Date;
  worker?: WorkerOptions;
  connectivity?: ConnectivityOptions;
  contingency?: ContingencyOptions;
  hkaTimeouts?: { connectTimeoutMs?: number; responseTimeoutMs?: number };
  /** Where the bundled app keeps its files (electron-vite moves the code away from the repository layout). */
  assets?: {
    migrationsFolder?: string;
    wsdlPath?: string;
    sqliteNativeBinding?: string;
    readWorkerEntry?: URL;
    upgradeWorkerEntry?: URL;
  };
  /**
   * Called when the data set has migrations pending, before they run on a worker thread (seconds on a year's file):
   * the desktop app shows a window saying the database is being updated.
   */
  onUpgrade?: () => void | Promise<void>;
  /**
   * Heavy reads (reports, lists, audit export, monitoring) on a worker thread (default, decision 0024), or on the core's
   * own thread (`false`: the benchmark's "before").
   */
  readWorker?: boolean;
  preferences?: PreferencesPort;
  printer?: ReceiptPrinter;
  /** How ESC/POS bytes reach the thermal printer (TCP 9100 / USB device); tests replace it where no printer is. */
  printerTransports?: TransportFactory;
  log?: HkaLogger;
  /** How kept PDF/XML files are opened; default: their bytes go to the browser (web host). */
  fileOpener?: FileOpener;
  /** The desktop app relaunches itself to apply a new HKA environment/endpoint (app:restart); the web host cannot. */
  relaunch?: () => void;
  /** Timers of the monitoring panel's background work (queue samples, retention, folios check). */
  monitor?: MonitorServiceOptions;
  /** How HKA's live WSDL is fetched (default: HTTP GET of <endpoint>?singleWsdl); tests serve odd documents. */
  fetchHkaWsdl?: LiveContractOptions['fetchWsdl'];
  /**
   * Runs after a restored backup is swapped in, before the queue restarts. The series probe (issue 11 §2,
   * probeAndAdvance) belongs here; default: nothing.
   */
  afterRestore?: AfterRestore;
  /** Timers of head office's catalogue pull (decision 0018). */
  catalog?: CatalogPullerOptions;
  /** How often the daily backup checks whether the day already has its copy (default hourly; 0 = no timer). */
  dailyBackupCheckMs?: number;
}

export interface RegisterCore {
  /** The handler map and the session: what the shells serve through dispatchIpc. */
  ipc: IpcBinding;
  events: RegisterEvents;
  environment: HkaEnvironment;
  /** Head office's catalogue puller (runs on its timer; tests and "Sincronizar ahora" pull at once). */
  catalog: CatalogPuller;
  /** The register's database (tests read it to prove what was, or was not, written). */
  store: OpenedDatabase;
  /** The in-process simulator, when this register started one. */
  simulator: HkaSimulator | undefined;
  /** Which WSDL the HKA client follows (HKA's live one for Demo/Producción once read). */
  contract: ContractKeeper;
  /** Stops the worker (waiting for in-flight HKA calls), then closes the simulator and the database. */
  close(): Promise<void>;
}
