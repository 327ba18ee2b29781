// A single connection as the schema owner, for what the API role may not do: migrations, creating the API role,
// creating organisations (CLI). Closed as soon as that work is done.
import { PGlite } from '@electric-sql/pglite';
import { drizzle as pgliteDrizzle } from 'drizzle-orm/pglite';
import { migrate as pgliteMigrate } from 'drizzle-orm/pglite/migrator';
import { drizzle as pgDrizzle } from 'drizzle-orm/node-postgres';
import { migrate as pgMigrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import type { DatabaseConfig } from './connection-config';

export interface OwnerConnection {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Several statements, no parameters. */
  exec(text: string): Promise<void>;
  migrate(migrationsFolder: string): Promise<void>;
  close(): Promise<void>;
}

export async function openOwnerConnection(config: DatabaseConfig): Promise<OwnerConnection> {
  if (config.kind === 'pglite') {
    const client = new PGlite(config.dataDir);
    await client.waitReady;
    return {
      query: async <T>(text: string, params?: unknown[]) => (await client.query<T>(text, params)).rows,
      exec: async (text) => void (await client.exec(text)),
      migrate: (migrationsFolder) => pgliteMigrate(pgliteDrizzle({ client }), { migrationsFolder }),
      close: () => client.close(),
    };
  }
  const client = new pg.Client({ connectionString: config.url });
  // A dropped connection surfaces as the failing query's error; without a listener it would crash the process.
  client.on('error', () => undefined);
  await client.connect();
  return {
    query: async <T>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as T[],
    exec: async (text) => void (await client.query(text)),
    migrate: (migrationsFolder) => pgMigrate(pgDrizzle({ client }), { migrationsFolder }),
    close: () => client.end(),
  };
}
