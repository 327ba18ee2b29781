// Starts the API: database (migrations, API role, isolation check), Fastify, listening socket. close() is the
// graceful shutdown: stop accepting, let requests in flight finish, then close the database.
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { createAlertWorker, type AlertWorker } from './alerts/alert-worker';
import { buildApp } from './app';
import type { ServerConfig } from './config';
import { openServerDatabase } from './db/open-server-database';
import type { TenantDatabase } from './db/tenant-db';
import type { LogOptions } from './http/logger';
import { newOperatorSecret, writeControlFile } from './operator/control-file';
import { startSystemApp } from './operator/system-app';

export interface RunningServer {
  url: string;
  app: FastifyInstance;
  db: TenantDatabase;
  /** Idempotent. */
  close(): Promise<void>;
}

export async function startServer(
  config: ServerConfig,
  log: LogOptions = { level: config.logLevel },
): Promise<RunningServer> {
  // The logger is the app's, built after the database: until then a lost connection is only counted on by the pool.
  let onConnectionLost: (error: Error) => void = () => undefined;
  const db = await openServerDatabase(config.database, { onConnectionLost: (error) => onConnectionLost(error) });
  let app: FastifyInstance;
  try {
    app = await buildApp({
      db,
      log,
      authLimits: config.authLimits,
      trustProxy: config.trustProxy,
      ...(config.consoleDir ? { consoleDir: config.consoleDir } : {}),
    });
    const appLog = app.log;
    onConnectionLost = (error) =>
      appLog.warn({ code: (error as { code?: string }).code, reason: error.message }, 'database connection lost');
    await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    await db.close();
    throw error;
  }
  let stopOperator: () => Promise<void> = () => Promise.resolve();
  if (config.database.kind === 'pglite') {
    try {
      stopOperator = await startOperatorListener(db, config.database.dataDir, log);
    } catch (error) {
      await app.close();
      await db.close();
      throw error;
    }
  }
  // Apart from the request path: a slow or dead webhook receiver never holds up ingest.
  let worker: AlertWorker | undefined;
  if (config.alertWorker ?? true) {
    worker = createAlertWorker({ db, log: (fields, message) => app.log.info(fields, message) });
    worker.start();
  }
  const { address, port } = app.server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    app,
    db,
    close: () =>
      (closing ??= (async () => {
        try {
          await worker?.stop();
          await stopOperator();
          await app.close();
        } finally {
          await db.close();
        }
      })()),
  };
}

/**
 * PGlite only: the folder is this process's, so the CLI's operator commands come through a loopback listener
 * (operator/system-app.ts) found via the control file. Returns its shutdown.
 */
async function startOperatorListener(
  db: TenantDatabase,
  dataDir: string,
  log: LogOptions,
): Promise<() => Promise<void>> {
  const secret = newOperatorSecret();
  const system = await startSystemApp(db, secret, log);
  let removeFile: () => void;
  try {
    removeFile = writeControlFile(dataDir, { pid: process.pid, port: system.port, secret });
  } catch (error) {
    await system.app.close();
    throw error;
  }
  return async () => {
    removeFile();
    await system.app.close();
  };
}
