// Start-up work done as the schema owner: apply pending migrations and (re)provision the API role with exactly the
// grants it needs. Several API instances may start together on one PostgreSQL, so this runs under an advisory lock.
import { join } from 'node:path';
import { escapeIdentifier, escapeLiteral } from 'pg';
import { checkRoleName } from './connection-config';
import type { OwnerConnection } from './owner-connection';
import { API_GRANTS } from './schema';

export const MIGRATIONS_FOLDER = join(import.meta.dirname, '../../../drizzle/pg');

/** Arbitrary constant: the advisory lock that serialises concurrent start-ups on one database. */
const STARTUP_LOCK = 7_300_451_002;

export interface PrepareOptions {
  appRole: string;
  appPassword?: string | undefined;
  migrationsFolder?: string;
  /**
   * May the API role run the operator functions (new organisation, new admin key)? Only for a PGlite server, whose
   * loopback system routes stand in for the CLI while the server holds the data folder (see 0004 migration).
   */
  operatorFunctions?: boolean;
}

const OPERATOR_FUNCTIONS = ['sago_create_organisation(uuid, text, text, text)', 'sago_add_admin_key(uuid, text, text)'];

/**
 * The API role: may log in, may not bypass row-level security nor administer anything. It gets no UPDATE/DELETE
 * on the append-only tables (audit entries, document events) and only SELECT on organisations and admin keys.
 */
export function roleSql(role: string, password: string | undefined, operatorFunctions = false): string {
  const name = escapeIdentifier(checkRoleName(role));
  const flags = `LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOREPLICATION${password ? ` PASSWORD ${escapeLiteral(password)}` : ''}`;
  const grants = Object.entries(API_GRANTS).map(
    ([table, privileges]) =>
      `REVOKE ALL ON TABLE ${escapeIdentifier(table)} FROM ${name};\nGRANT ${privileges.join(', ')} ON TABLE ${escapeIdentifier(table)} TO ${name};`,
  );
  return [
    // CREATE ROLE has no IF NOT EXISTS; another database on the same cluster may create it concurrently.
    `DO $$ BEGIN CREATE ROLE ${name} ${flags}; EXCEPTION WHEN duplicate_object THEN NULL; END $$;`,
    // A pre-existing role is brought back to these flags (or start-up fails if the owner may not do so).
    `ALTER ROLE ${name} ${flags};`,
    `GRANT USAGE ON SCHEMA public TO ${name};`,
    ...grants,
    ...OPERATOR_FUNCTIONS.map(
      (fn) =>
        `${operatorFunctions ? 'GRANT' : 'REVOKE'} EXECUTE ON FUNCTION ${fn} ${operatorFunctions ? 'TO' : 'FROM'} ${name};`,
    ),
  ].join('\n');
}

export async function prepareDatabase(owner: OwnerConnection, options: PrepareOptions): Promise<void> {
  await owner.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK]);
  try {
    await owner.migrate(options.migrationsFolder ?? MIGRATIONS_FOLDER);
    await owner.exec(roleSql(options.appRole, options.appPassword, options.operatorFunctions ?? false));
  } finally {
    await owner.query('SELECT pg_advisory_unlock($1)', [STARTUP_LOCK]);
  }
}
