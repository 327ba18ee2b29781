// The register process the crash test kills. Wired like the app (store file, captureSale, TransmissionWorker,
// connectivity, contingency) against the simulator in the parent, with short timings so that leases of a killed
// child expire while the next one runs. Modes:
//   capture  captures random sales in bursts until killed, printing CAP / TX / ACK (child-protocol.ts)
//   drain    captures nothing, runs the worker until no job is waiting, prints DRAINED and exits 0
// Everything it says goes to stdout as protocol lines; diagnostics go to stderr.
import type Database from 'better-sqlite3';
import { createHkaClient } from '../../src/core/hka/client/hka-client';
import { DEMO_ACCOUNT } from '../../src/core/hka/simulator/accounts';
import { ConnectivityMonitor, tcpProbe } from '../../src/core/queue/connectivity';
import { ContingencyManager } from '../../src/core/queue/contingency';
import { queueCounts } from '../../src/core/queue/outbox-repo';
import { TransmissionWorker } from '../../src/core/queue/transmission-worker';
import { captureSale, type CaptureDeps } from '../../src/core/sales/capture-sale';
import { openDatabase, type OpenedDatabase } from '../../src/core/store/open-database';
import { DEFAULT_ISSUER_SETTINGS } from '../../src/core/store/settings-repo';
import { configFromEnv, formatEvent, seededRandom, type ChildEvent } from './child-protocol';
import { randomSale } from './random-sale';

/** Lease long enough for one call (connect 300 + response 600 ms), short enough to expire during the next child. */
const WORKER = {
  concurrency: 4,
  callsPerSecond: 1_000,
  leaseMs: 1_500,
  pollMs: 20,
  backoffMs: [20, 40, 80, 160, 320, 640],
};

const say = (event: ChildEvent): void => {
  process.stdout.write(formatEvent(event)); // synchronous on a pipe (Linux): printed means received
};
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A TEMP trigger (this connection only; the file's schema is untouched) that reports from inside the capture
 * transaction and lingers there for up to `maxSpinMs`, so that some kills land after the number was taken and the
 * rows written but before COMMIT. It fires on the outbox insert, the last table captureSale writes before the audit.
 * With `holdAt`, the holdAt-th capture's transaction stays open until the parent kills the process.
 */
function probeCaptureTransaction(
  sqlite: Database.Database,
  random: () => number,
  maxSpinMs: number,
  holdAt: number | undefined,
): void {
  let captures = 0;
  sqlite.function('crash_test_in_transaction', (documentId: unknown) => {
    captures += 1;
    say({ kind: 'TX', documentId: String(documentId) });
    if (captures === holdAt) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 30_000); // sleeps, blocking
    const until = performance.now() + random() * maxSpinMs;
    while (performance.now() < until) {
      // busy wait: the transaction stays open, as a slow disk would keep it
    }
    return null;
  });
  sqlite.exec(`CREATE TEMP TRIGGER crash_test_capture_probe AFTER INSERT ON main.outbox_jobs
    BEGIN SELECT crash_test_in_transaction(NEW.document_id); END`);
}

async function captureUntilKilled(store: OpenedDatabase, deps: CaptureDeps, random: () => number): Promise<never> {
  for (;;) {
    const burst = 1 + Math.floor(random() * 4);
    for (let i = 0; i < burst; i++) {
      const draft = randomSale(random);
      say({ kind: 'CAP' });
      const result = captureSale(deps, draft);
      if (!result.ok) {
        say({ kind: 'ERROR', message: `captureSale refused a sale: ${JSON.stringify(result.violations)}` });
        store.close();
        process.exit(3);
      }
      say({
        kind: 'ACK',
        documentId: result.captured.id,
        numero: Number(result.captured.document.numeroDocumentoFiscal),
      });
    }
    await sleep(Math.floor(random() * 25)); // the cashier's pause: the worker gets the event loop
  }
}

async function drain(store: OpenedDatabase): Promise<void> {
  for (;;) {
    const counts = queueCounts(store.db);
    if (counts.waiting === 0) {
      say({ kind: 'DRAINED', parked: counts.parked, failed: counts.failed });
      return;
    }
    await sleep(20);
  }
}

async function main(): Promise<void> {
  const config = configFromEnv(process.env);
  const random = seededRandom(config.seed);
  const store = openDatabase({
    path: config.dbPath,
    migrationsFolder: config.migrationsFolder,
    checkpointIntervalMs: 50 + Math.floor(random() * 250), // some kills land during a checkpoint
  });
  if (config.mode === 'capture') probeCaptureTransaction(store.sqlite, random, 4, config.holdTransactionAt);
  const client = await createHkaClient({
    environment: 'simulador',
    endpoint: config.endpoint,
    wsdlPath: config.wsdlPath,
    connectTimeoutMs: 300,
    responseTimeoutMs: 600,
  });
  const connectivity = new ConnectivityMonitor(tcpProbe(config.endpoint, 300), {
    offlineProbeMs: 50,
    onlineProbeMs: 1_000,
  });
  // Contingency is not what this test is about: keep every document a normal (01) emission.
  const contingency = new ContingencyManager(store.db, () => new Date(), {
    afterUnreachableMs: 3_600_000,
    afterConsecutiveFailures: 1_000_000,
  });
  const credentials = { tokenEmpresa: DEMO_ACCOUNT.tokenEmpresa, tokenPassword: DEMO_ACCOUNT.tokenPassword };
  const worker = new TransmissionWorker(
    {
      db: store.db,
      client,
      connectivity,
      contingency,
      credentials: { withCredentials: (use) => use(credentials) },
      log: { warn: (message, meta) => process.stderr.write(`${message} ${JSON.stringify(meta ?? {})}\n`) },
    },
    WORKER,
  );
  worker.start();
  say({ kind: 'READY' });
  if (config.mode === 'drain') {
    await drain(store);
    await worker.stop(2_000);
    store.close();
    return;
  }
  const deps: CaptureDeps = {
    db: store.db,
    issuer: DEFAULT_ISSUER_SETTINGS,
    emissionMode: () => contingency.emissionMode(),
    clock: () => new Date(),
    actor: 'cajero-crash',
  };
  await captureUntilKilled(store, deps, random);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    say({ kind: 'ERROR', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    process.exit(2);
  },
);
