// The upgrade worker's thread: opens the register's file the way the core does (the verified copy, then the pending
// migrations: openDatabase) and closes it. Run before the core opens a file with migrations pending, so that the
// seconds a year's file takes (decision 0040) pass off the desktop app's main thread, whose windows keep painting.
// Started by upgrade-in-worker.ts; bundled as its own entry for the desktop app.
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from './open-database';
import { upgradeErrorOf, type UpgradeReply, type UpgradeWorkerData } from './upgrade-protocol';

const data = workerData as UpgradeWorkerData;
const port = parentPort;
if (!port) throw new Error('upgrade-worker-entry.ts runs as a worker thread only');

let reply: UpgradeReply;
try {
  const store = openDatabase({
    path: data.path,
    clock: () => new Date(data.at),
    checkpointIntervalMs: 0,
    ...(data.migrationsFolder ? { migrationsFolder: data.migrationsFolder } : {}),
    ...(data.nativeBinding ? { nativeBinding: data.nativeBinding } : {}),
  });
  store.close();
  reply = { ok: true, backupPath: store.backupPath };
} catch (error) {
  reply = { ok: false, error: upgradeErrorOf(error) };
}
port.postMessage(reply);
