// Where the central database is: a PostgreSQL server (DATABASE_URL) or, for a small shop with no setup, PGlite
// (PostgreSQL compiled to WebAssembly, in-process) in a local data folder. Both run the same migrations and the same
// row-level security; in both, the API queries as `appRole`, a role without SUPERUSER or BYPASSRLS.

export type DatabaseConfig =
  | {
      kind: 'postgres';
      /** Connection of the schema owner: runs migrations and creates the API role. */
      url: string;
      appRole: string;
      /** Password the API role logs in with (set on the role at start); omit under trust/peer auth. */
      appPassword?: string;
      poolSize?: number;
    }
  | { kind: 'pglite'; dataDir: string; appRole: string };

export const DEFAULT_APP_ROLE = 'sago_api';

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function checkRoleName(role: string): string {
  if (!ROLE_NAME.test(role)) throw new Error(`Invalid database role name "${role}" (lowercase letters, digits, "_")`);
  return role;
}

/** The same server and database as the owner's URL, logged in as the API role. */
export function appRoleUrl(ownerUrl: string, role: string, password: string | undefined): string {
  const url = new URL(ownerUrl);
  url.username = role;
  url.password = password ? encodeURIComponent(password) : '';
  return url.toString();
}
