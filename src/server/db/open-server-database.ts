// Opens the central database for the API: migrations and the API role as the owner, then the API's own connection
// (as that role), then a start-up check that tenant isolation really holds. The server refuses to start otherwise.
import { sql } from 'drizzle-orm';
import type { DatabaseConfig } from './connection-config';
import { openOwnerConnection, type OwnerConnection } from './owner-connection';
import { lockDataFolder } from './pglite-lock';
import { prepareDatabase } from './prepare-database';
import { openTenantDatabase, rowsOf, type AppDb, type TenantDatabase } from './tenant-db';

export class IsolationError extends Error {
  override readonly name = 'IsolationError';
}

/** Refuses a connection that could read across tenants: a privileged role, or a table without forced RLS. */
export async function assertIsolation(db: AppDb): Promise<void> {
  const [role] = await rowsOf<{ rolname: string; rolsuper: boolean; rolbypassrls: boolean }>(
    db,
    sql`select rolname, rolsuper, rolbypassrls from pg_roles where rolname = current_user`,
  );
  if (!role) throw new IsolationError('Cannot read the API role');
  if (role.rolsuper || role.rolbypassrls) {
    throw new IsolationError(`API role "${role.rolname}" is SUPERUSER or BYPASSRLS: it would see every tenant`);
  }
  const unprotected = await rowsOf<{ relname: string }>(
    db,
    sql`select c.relname from pg_class c
    where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
      and not (c.relrowsecurity and c.relforcerowsecurity) order by 1`,
  );
  if (unprotected.length > 0) {
    throw new IsolationError(
      `Tables without forced row-level security: ${unprotected.map((r) => r.relname).join(', ')}`,
    );
  }
}

async function asOwner<T>(
  config: DatabaseConfig,
  migrationsFolder: string | undefined,
  work: (owner: OwnerConnection) => Promise<T>,
): Promise<T> {
  const owner = await openOwnerConnection(config);
  try {
    await prepareDatabase(owner, {
      appRole: config.appRole,
      appPassword: config.kind === 'postgres' ? config.appPassword : undefined,
      operatorFunctions: config.kind === 'pglite',
      ...(migrationsFolder ? { migrationsFolder } : {}),
    });
    return await work(owner);
  } finally {
    await owner.close();
  }
}

/** Migrates, provisions the API role, then opens the API's connection and checks isolation before returning it. */
export async function openServerDatabase(
  config: DatabaseConfig,
  options: { migrationsFolder?: string; onConnectionLost?: (error: Error) => void } = {},
): Promise<TenantDatabase> {
  const unlock = config.kind === 'pglite' ? lockDataFolder(config.dataDir) : () => undefined;
  try {
    await asOwner(config, options.migrationsFolder, () => Promise.resolve());
    const database = await openTenantDatabase(config, options.onConnectionLost);
    try {
      await database.unscoped(assertIsolation);
    } catch (error) {
      await database.close();
      throw error;
    }
    return {
      ...database,
      close: async () => {
        try {
          await database.close();
        } finally {
          unlock();
        }
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}

/** Operator work as the schema owner (CLI: create an organisation…), on a migrated database. */
export async function runAsOwner<T>(config: DatabaseConfig, work: (owner: OwnerConnection) => Promise<T>): Promise<T> {
  const unlock = config.kind === 'pglite' ? lockDataFolder(config.dataDir) : () => undefined;
  try {
    return await asOwner(config, undefined, work);
  } finally {
    unlock();
  }
}
