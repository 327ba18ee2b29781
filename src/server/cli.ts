// `npm run server [-- command]`:
//   (none)                          start the API (stops gracefully on SIGTERM / SIGINT)
//   create-org "<name>"             create an organisation; prints its id and first admin key (shown once)
//   add-admin-key <orgId> <label>   another admin key for an organisation (shown once)
// With PGlite (no DATABASE_URL) the commands need the server stopped: one process owns the data folder.
import { configFromEnv, describeDatabase } from './config';
import { runAsOwner } from './db/open-server-database';
import { startServer, type RunningServer } from './server';
import { addAdminKey, createOrganisation } from './tenancy/organisations';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  onSignal(signal: 'SIGTERM' | 'SIGINT', handler: () => void): void;
}

/** Resolves with the process exit code (the server resolves when it has shut down). */
export async function runCli(argv: readonly string[], env: Record<string, string | undefined>, io: CliIo): Promise<number> {
  const config = configFromEnv(env);
  const [command, ...args] = argv;
  if (command === 'create-org' && args[0]) {
    const created = await runAsOwner(config.database, (owner) => createOrganisation(owner, args[0] ?? ''));
    io.out(`organisation ${created.orgId}`);
    io.out(`admin key (shown once, keep it safe): ${created.adminKey}`);
    return 0;
  }
  if (command === 'add-admin-key' && args[0] && args[1]) {
    const key = await runAsOwner(config.database, (owner) => addAdminKey(owner, args[0] ?? '', args[1] ?? ''));
    io.out(`admin key (shown once, keep it safe): ${key}`);
    return 0;
  }
  if (command !== undefined) {
    io.err('usage: server [create-org "<name>" | add-admin-key <orgId> <label>]');
    return 2;
  }
  return serve(config, io);
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
      server.close().then(() => {
        io.out('sync API stopped');
        resolve(0);
      }, (error: unknown) => {
        io.err(`shutdown failed: ${String(error)}`);
        resolve(1);
      });
    };
    io.onSignal('SIGTERM', () => stop('SIGTERM'));
    io.onSignal('SIGINT', () => stop('SIGINT'));
  });
}
