// The register's composition: store, vault, HKA connection (an in-process simulator in Simulador), connectivity,
// contingency and the transmission worker, plus the handler map and contract events the shells bind. The desktop
// main process and the web host both start exactly this; neither adds rules of its own.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createHkaClient, defaultWsdlPath } from '../hka/client/hka-client';
import { switchableClient } from '../hka/client/switchable-client';
import { contractKeeper } from '../hka/live-contract/contract-keeper';
import type { HkaEnvironment } from '../hka/contract';
import { hkaEndpoint, pinHkaEnvironment, readHkaSettings, withHkaCredentials } from '../hka/hka-connection';
import type { HkaSimulator } from '../hka/simulator';
import { ConnectivityMonitor, tcpProbe } from '../queue/connectivity';
import { ContingencyManager } from '../queue/contingency';
import { QueueEvents } from '../queue/queue-events';
import { TransmissionWorker } from '../queue/transmission-worker';
import { openDatabase } from '../store/open-database';
import { upgradeInWorker } from '../store/upgrade-in-worker';
import { dataSetPath, resolveActiveEnvironment } from '../store/data-sets';
import { DataSetSwitch } from './data-set-switch';
import { readIssuerSettings } from '../store/settings-repo';
import { SqliteVaultStorage } from '../store/sqlite-vault-storage';
import { KeyFileProtector } from '../vault/key-protector';
import { Vault } from '../vault/vault';
import { CatalogPuller } from '../sync/catalog-puller';
import { SyncPusher } from '../sync/sync-pusher';
import { ensurePointClaimed } from '../sync/claim-point';
import { annulDocument } from '../documents/annul-document';
import type { HkaCredentialSource } from '../queue/transmit-job';
import type { AuditActor } from '../store/audit';
import { contractEvents } from './contract-events';
import { seedDemoCatalogue } from './demo-catalogue';
import { readIssuerIdentity } from '../settings/issuer-identity';
import { authServiceFor } from '../auth/auth-registry';
import { TillGrants } from '../loss-prevention/till-grants';
import { AuditChainMonitor } from '../monitor/audit-chain-monitor';
import { createIpcHandlers } from './ipc-handlers';
import { browserPrinter, memoryPreferences } from './ui-ports';
import { browserFileOpener } from './file-opener';
import { recordPeerClock } from '../monitor/clock-offset';
import { checkFolios } from '../monitor/folios';
import { MonitorService } from '../monitor/monitor-service';
import { BackupService } from '../backups/backup-service';
import { restoreBackup } from '../backups/restore-backup';
import { probeAfterRestore } from '../backups/probe-after-restore';
import { MaintenanceGate } from './maintenance-gate';
import type { RegisterCore, RegisterCoreOptions } from './register-core-options';
import { startReads } from '../reads/start-reads';
import { createThermalPrinter } from '../printing/thermal-printer';
import { defaultTransports } from '../printing/printer-transport';

export type { RegisterCore, RegisterCoreOptions } from './register-core-options';

const DRAIN_TIMEOUT_MS = 10_000;

export async function createRegisterCore(options: RegisterCoreOptions): Promise<RegisterCore> {
  const clock = options.clock ?? (() => new Date());
  mkdirSync(options.dataDir, { recursive: true });
  const nativeBinding = options.assets?.sqliteNativeBinding;
  const openDataSet = (environment: HkaEnvironment, checkpointIntervalMs?: number) =>
    openDatabase({
      path: dataSetPath(options.dataDir, environment),
      clock,
      ...(options.assets?.migrationsFolder ? { migrationsFolder: options.assets.migrationsFolder } : {}),
      ...(nativeBinding ? { nativeBinding } : {}),
      ...(checkpointIntervalMs !== undefined ? { checkpointIntervalMs } : {}),
    });
  const environment = resolveActiveEnvironment(options.dataDir, nativeBinding);
  // Pending migrations run on a worker thread first (the options' assets and onUpgrade): the shell's thread stays free.
  await upgradeInWorker({ ...options, path: dataSetPath(options.dataDir, environment), clock });
  const store = openDataSet(environment);
  const reads = startReads(options, dataSetPath(options.dataDir, environment), store.db);
  const wsdlPath = options.assets?.wsdlPath;
  let simulator: HkaSimulator | undefined;
  try {
    const protector = options.keyProtector ?? new KeyFileProtector(join(options.dataDir, 'vault.key'));
    const vault = new Vault(new SqliteVaultStorage(store.db), protector);
    // The data set decides the environment; its HKA settings can only agree (a training file never talks to HKA).
    pinHkaEnvironment(store.db, environment, clock());
    const settings = readHkaSettings(store.db);
    const dataSets = new DataSetSwitch({
      dataDir: options.dataDir,
      clock,
      running: { environment, db: store.db, vault },
      open: (target) => openDataSet(target, 0),
      vaultFor: (db) => new Vault(new SqliteVaultStorage(db), protector),
    });
    let endpoint =
      settings.environment === 'simulador'
        ? (options.simulatorEndpoint ?? hkaEndpoint(settings))
        : hkaEndpoint(settings);
    if (endpoint === undefined) {
      // Training only: a production start never loads the simulator, its PDF (pdfkit) or QR (qrcode) code (issue 16).
      const { startHkaSimulator } = await import('../hka/simulator');
      simulator = await startHkaSimulator({
        dbPath: join(options.dataDir, 'simulador.sqlite'),
        clock,
        ...(wsdlPath ? { wsdlPath } : {}),
      });
      endpoint = simulator.endpoint;
    }
    const logger = options.log;
    const keeper = contractKeeper(
      {
        dataDir: options.dataDir,
        bundledWsdlPath: wsdlPath ?? defaultWsdlPath(),
        log: logger,
        clock,
        running: { environment: settings.environment, endpoint },
        buildClient: (environment, target, wsdl) =>
          createHkaClient({
            environment,
            endpoint: target,
            ...options.hkaTimeouts,
            wsdlPath: wsdl,
            ...(logger ? { logger } : {}),
            onServerDate: (serverDate) => recordPeerClock(store.db, 'hka', serverDate, clock()),
          }),
        ...(options.fetchHkaWsdl ? { fetchWsdl: options.fetchHkaWsdl } : {}),
      },
      switchableClient,
    );
    // Demo/Producción: built from HKA's own WSDL once it was read (first use fetches it in the background).
    const client = await keeper.start();
    const hkaCredentials: HkaCredentialSource = {
      withCredentials: (use) => withHkaCredentials({ db: store.db, vault, clock }, use),
    };
    const connectivity = new ConnectivityMonitor(tcpProbe(endpoint, 3_000), {
      offlineProbeMs: 3_000,
      onlineProbeMs: 30_000,
      ...options.connectivity,
    });
    const contingency = new ContingencyManager(store.db, clock, options.contingency ?? {});
    const queueEvents = new QueueEvents();
    const worker = new TransmissionWorker(
      {
        db: store.db,
        client,
        connectivity,
        contingency,
        clock,
        events: queueEvents,
        credentials: hkaCredentials,
        ...(options.log ? { log: options.log } : {}),
        // Production only: a demo token may belong to a test RUC other than the shop's (decision 0009).
        issuerRuc: () =>
          settings.environment === 'produccion'
            ? readIssuerIdentity(store.db, settings.environment).ruc || undefined
            : undefined,
        expectedSeries: () => {
          const issuer = readIssuerSettings(store.db);
          return [
            {
              codigoSucursal: issuer.codigoSucursalEmisor,
              puntoFacturacion: issuer.puntoFacturacionFiscal,
              tipoDocumento: '01',
            },
          ];
        },
      },
      { probeSeries: settings.environment !== 'simulador', ...options.worker },
    );
    if (settings.environment === 'simulador') seedDemoCatalogue(store.db, clock());
    const sync = new SyncPusher({ db: store.db, vault, clock, ...(options.log ? { log: options.log } : {}) });
    const catalog = new CatalogPuller(
      { db: store.db, vault, clock, environment, ...(options.log ? { log: options.log } : {}) },
      options.catalog,
    );
    const events = contractEvents(queueEvents, contingency, sync);
    const auth = authServiceFor(store.db, clock);
    // The walk's pages run on the read worker: a year's trail is seconds of hashing (issue 17, decision 0036).
    const auditChain = new AuditChainMonitor(store.db, clock, options.log, (page) => reads.run('auditChainPage', page));
    const gate = new MaintenanceGate();
    const backups = new BackupService({
      sqlite: store.sqlite,
      db: store.db,
      dataDir: options.dataDir,
      clock,
      ...(options.log ? { log: options.log } : {}),
    });
    const dailyBackupCheckMs = options.dailyBackupCheckMs ?? 3_600_000;
    // What writes to the database on its own: stopped while a restore swaps the data, started again after.
    const background = {
      async stop() {
        await worker.stop(DRAIN_TIMEOUT_MS);
        await monitor.stop();
        await sync.stop();
        await catalog.stop();
        await backups.stop();
      },
      start() {
        worker.start();
        monitor.start();
        // Training data never reaches head office; a real data set pushes once it is enrolled.
        if (environment !== 'simulador') {
          sync.start();
          catalog.start();
        }
        if (dailyBackupCheckMs > 0) backups.start(dailyBackupCheckMs);
      },
    };
    const restore = (path: string, by: AuditActor) =>
      restoreBackup(
        {
          sqlite: store.sqlite,
          db: store.db,
          clock,
          migrationsFolder: options.assets?.migrationsFolder,
          exclusive: (work) => gate.exclusive(work),
          services: background,
          resetState: () => {
            void reads.recycle(); // the next report reads the restored data on a fresh connection
            const droppedSecrets = vault.resetAfterStorageSwap();
            auth.revalidateSession();
            contingency.keepStateAfterRestore();
            void auditChain.check(); // the restored trail is checked as at start, in the background
            return { droppedSecrets };
          },
          // Every series moves past the numbers HKA holds (training too: the simulator keeps its ledger like HKA, and a
          // trainee restoring a copy must meet what a real restore does, not number collisions).
          afterRestore: options.afterRestore ?? probeAfterRestore({ client, credentials: hkaCredentials, clock }),
          ...(options.log ? { log: options.log } : {}),
        },
        path,
        by,
      );
    const handlers = createIpcHandlers({
      db: store.db,
      reads,
      vault,
      environment: settings.environment,
      worker,
      queueEvents,
      connectivity,
      contingency,
      clock,
      auth,
      grants: new TillGrants(),
      auditChain,
      preferences: options.preferences ?? memoryPreferences(),
      printer: options.printer ?? browserPrinter,
      thermal: createThermalPrinter({
        db: store.db,
        environment: settings.environment,
        transports: options.printerTransports ?? defaultTransports,
        log: options.log,
      }),
      sync,
      catalog,
      hka: {
        running: { environment: settings.environment, endpoint },
        clientFor: (environment, target) => keeper.clientFor(environment, target),
        contract: keeper,
      },
      dataSets,
      annul: (documentId, motivo, by) =>
        annulDocument({ db: store.db, client, credentials: hkaCredentials, clock }, documentId, motivo, by),
      dataDir: options.dataDir,
      fileOpener: options.fileOpener ?? browserFileOpener,
      relaunch: options.relaunch,
      log: options.log,
      hkaClient: client,
      hkaCredentials,
      backups,
      restore,
    });
    const monitor = new MonitorService(
      {
        db: store.db,
        clock,
        connectivity,
        checkFolios: () => checkFolios({ db: store.db, client, credentials: hkaCredentials, clock }),
        ...(options.log ? { log: options.log } : {}),
      },
      options.monitor,
    );
    background.start(); // the sync pusher (not in training) does nothing visible until the register is enrolled
    void auditChain.check(); // in the background: the till is ready before the walk ends
    // An enrolled register (never training) claims its billing point at head office at every start.
    const issuer = readIssuerSettings(store.db);
    void ensurePointClaimed(
      { db: store.db, vault, clock },
      { codigoSucursal: issuer.codigoSucursalEmisor, puntoFacturacion: issuer.puntoFacturacionFiscal },
      { actor: 'sistema:caja' },
    ).catch((error: unknown) => options.log?.warn('Billing point claim failed', { error: String(error) }));
    let closing: Promise<void> | undefined;
    return {
      ipc: { handlers, session: auth, maintenance: gate },
      events,
      environment: settings.environment,
      store,
      simulator,
      contract: keeper,
      catalog,
      close() {
        closing ??= (async () => {
          await worker.stop(DRAIN_TIMEOUT_MS);
          await monitor.stop();
          await sync.stop();
          await catalog.stop();
          await backups.stop();
          await auditChain.stop();
          await reads.close();
          events.dispose();
          client.close();
          await simulator?.close();
          store.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    await simulator?.close();
    await reads.close();
    store.close();
    throw error;
  }
}
