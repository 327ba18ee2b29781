// Starts the API: database (migrations, API role, isolation check), Fastify, listening socket. close() is the
// graceful shutdown: stop accepting, let requests in flight finish, then close the database.
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import type { ServerConfig } from './config';
import { openServerDatabase } from './db/open-server-database';
import type { TenantDatabase } from './db/tenant-db';
import type { LogOptions } from './http/logger';

export interface RunningServer {
  url: string;
  app: FastifyInstance;
  db: TenantDatabase;
  /** Idempotent. */
  close(): Promise<void>;
}

export async function startServer(config: ServerConfig, log: LogOptions = { level: config.logLevel }): Promise<RunningServer> {
  const db = await openServerDatabase(config.database);
  let app: FastifyInstance;
  try {
    app = await buildApp({ db, log, authLimits: config.authLimits, trustProxy: config.trustProxy });
    await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    await db.close();
    throw error;
  }
  const { address, port } = app.server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    app,
    db,
    close: () => (closing ??= (async () => {
      try {
        await app.close();
      } finally {
        await db.close();
      }
    })()),
  };
}
