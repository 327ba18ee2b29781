// The API's only way to the data: a transaction that first sets the organisation (`app.org_id`, local to the
// transaction), then runs the handler's queries as the API role. Row-level security does the filtering, so a
// handler that forgets a `where org_id = …` still sees one organisation only.
import { PGlite } from '@electric-sql/pglite';
import { sql, type SQL } from 'drizzle-orm';
import { drizzle as pgliteDrizzle } from 'drizzle-orm/pglite';
import { drizzle as pgDrizzle } from 'drizzle-orm/node-postgres';
import { PgDialect, type PgDatabase, type PgQueryResultHKT, type PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import pg from 'pg';
import { appRoleUrl, type DatabaseConfig } from './connection-config';
import * as schema from './schema';

type Schema = typeof schema;
export type AppDb = PgDatabase<PgQueryResultHKT, Schema>;
export type TenantTx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface TenantDatabase {
  readonly kind: DatabaseConfig['kind'];
  /** Runs `work` in one transaction scoped to `orgId`; commits when it resolves, rolls back when it throws. */
  withTenant<T>(orgId: string, work: (tx: TenantTx) => Promise<T>): Promise<T>;
  /** A query outside any tenant (health check, start-up checks); tenant tables look empty here. */
  unscoped<T>(work: (db: AppDb) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Rows of a raw `execute` (node-postgres and PGlite both answer `{ rows }`). */
export async function rowsOf<T extends Record<string, unknown>>(
  runner: Pick<AppDb, 'execute'>,
  query: SQL,
): Promise<T[]> {
  // The generic driver type leaves the result shape open; both drivers we use return `{ rows }`.
  const result: unknown = await runner.execute<T>(query);
  return (result as { rows: T[] }).rows;
}

const dialect = new PgDialect();

/**
 * Rows of a statement PostgreSQL parses and plans once per connection: a named prepared statement (node-postgres
 * prepares it on a connection's first use, then only binds and executes; PGlite ignores the name). For a hot, large
 * statement whose text never changes (the ingest statement: parsing and planning it was ~10 % of PostgreSQL's CPU per
 * batch, decision 0035). `name` must belong to this one text: a connection refuses a known name with another text.
 */
export async function preparedRowsOf<T extends Record<string, unknown>>(
  tx: TenantTx,
  name: string,
  query: SQL,
): Promise<T[]> {
  const prepared = tx._.session.prepareQuery(dialect.sqlToQuery(query), undefined, name, false);
  // No fields and no mapper: both drivers answer their raw `{ rows }`.
  const result: unknown = await prepared.execute();
  return (result as { rows: T[] }).rows;
}

function tenantDatabase(kind: DatabaseConfig['kind'], db: AppDb, close: () => Promise<void>): TenantDatabase {
  return {
    kind,
    withTenant(orgId, work) {
      if (!UUID.test(orgId)) return Promise.reject(new Error('Organisation id must be a lowercase UUID'));
      return db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('app.org_id', ${orgId}, true)`);
        return work(tx);
      });
    },
    unscoped: (work) => work(db),
    close,
  };
}

/**
 * Connects as the API role (the role must already exist: see prepare-database.ts). `onConnectionLost` hears of a
 * connection PostgreSQL closed (restart, `pg_terminate_backend`, a dropped database): the work on it fails with its
 * own error, the pool replaces it, and the process carries on.
 */
export async function openTenantDatabase(
  config: DatabaseConfig,
  onConnectionLost: (error: Error) => void = () => undefined,
): Promise<TenantDatabase> {
  if (config.kind === 'pglite') {
    const client = new PGlite(config.dataDir, { username: config.appRole });
    await client.waitReady;
    return tenantDatabase('pglite', pgliteDrizzle({ client, schema }), () => client.close());
  }
  const pool = new pg.Pool({
    connectionString: appRoleUrl(config.url, config.appRole, config.appPassword),
    max: config.poolSize ?? 10,
  });
  // An idle client losing its connection is reported on the pool. A client checked out for a transaction has no
  // pool listener (pg-pool removes it while the client is out), and node-postgres emits 'error' on it when the
  // server ends the connection, even after failing the statement in flight: without a listener of its own that
  // is an uncaught exception, so a PostgreSQL restart during any request would kill the API.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', onConnectionLost));
  return tenantDatabase('postgres', pgDrizzle({ client: pool, schema }), () => pool.end());
}
