// `npm run server [-- command]`:
//   (none)                          start the API (stops gracefully on SIGTERM / SIGINT)
//   create-org "<name>"             create an organisation; prints its id and first admin key (shown once)
//   add-admin-key <orgId> <label>   another admin key for an organisation (shown once)
// With PGlite (no DATABASE_URL) one process owns the data folder: while a server runs, the commands are sent to it
// (its loopback system listener, found through `<pgdata>.control.json`); otherwise they open the folder themselves.
// With DATABASE_URL there is no such lock and the commands always work on the database directly.
// Head-office commands (create-store, enrolment-code, …: operator/admin-commands.ts) talk to a running server's
// admin API with SAGO_ADMIN_KEY.
import { configFromEnv, describeDatabase } from './config';
import type { DatabaseConfig } from './db/connection-config';
import { runAsOwner } from './db/open-server-database';
import { DataFolderBusyError } from './db/pglite-lock';
import type { OwnerConnection } from './db/owner-connection';
import { ADMIN_USAGE, AdminCommandError, isAdminCommand, runAdminCommand } from './operator/admin-commands';
import { runningServerOperator, type RunningServerOperator } from './operator/operator-client';
import { startServer, type RunningServer } from './server';
import { addAdminKey, createOrganisation } from './tenancy/organisations';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  onSignal(signal: 'SIGTERM' | 'SIGINT', handler: () => void): void;
}

/** Resolves with the process exit code (the server resolves when it has shut down). */
export async function runCli(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  io: CliIo,
): Promise<number> {
  const config = configFromEnv(env);
  const [command, first, second] = argv;
  if (command === 'create-org' && first) {
    const name = first;
    const created = await operatorWork(
      config.database,
      (owner) => createOrganisation(owner, name),
      (server) => server.createOrganisation(name),
    );
    io.out(`organisation ${created.orgId}`);
    io.out(`admin key (shown once, keep it safe): ${created.adminKey}`);
    return 0;
  }
  if (command === 'add-admin-key' && first && second) {
    const [orgId, label] = [first, second];
    const key = await operatorWork(
      config.database,
      (owner) => addAdminKey(owner, orgId, label),
      (server) => server.addAdminKey(orgId, label),
    );
    io.out(`admin key (shown once, keep it safe): ${key}`);
    return 0;
  }
  if (isAdminCommand(command)) {
    try {
      await runAdminCommand(command, argv.slice(1), env, config.port, (line) => io.out(line));
      return 0;
    } catch (error) {
      if (!(error instanceof AdminCommandError)) throw error;
      io.err(error.message);
      return 1;
    }
  }
  if (command !== undefined) {
    io.err('usage: server [create-org "<name>" | add-admin-key <orgId> <label>]');
    io.err('head office (SAGO_ADMIN_KEY, SAGO_SERVER_URL):');
    for (const line of ADMIN_USAGE) io.err(line);
    return 2;
  }
  return serve(config, io);
}

/** Directly on the database, or through the PGlite server that holds the folder when one does. */
async function operatorWork<T>(
  database: DatabaseConfig,
  direct: (owner: OwnerConnection) => Promise<T>,
  viaServer: (server: RunningServerOperator) => Promise<T>,
): Promise<T> {
  try {
    return await runAsOwner(database, direct);
  } catch (error) {
    if (!(error instanceof DataFolderBusyError) || database.kind !== 'pglite') throw error;
    const server = runningServerOperator(database.dataDir);
    if (!server) throw error; // held by something that is not a server (another CLI command): wait for it
    return viaServer(server);
  }
}

async function serve(config: ReturnType<typeof configFromEnv>, io: CliIo): Promise<number> {
  const server: RunningServer = await startServer(config);
  server.app.log.info({ url: server.url, database: describeDatabase(config.database) }, 'sync API listening');
  io.out(`SAGO-FACTU sync API on ${server.url} (${describeDatabase(config.database)})`);
  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) {
        io.err(`${signal} again: exiting without waiting`);
        resolve(1);
        return;
      }
      stopping = true;
      server.app.log.info({ signal }, 'shutting down');
      server.close().then(
        () => {
          io.out('sync API stopped');
          resolve(0);
        },
        (error: unknown) => {
          io.err(`shutdown failed: ${String(error)}`);
          resolve(1);
        },
      );
    };
    io.onSignal('SIGTERM', () => stop('SIGTERM'));
    io.onSignal('SIGINT', () => stop('SIGINT'));
  });
}
