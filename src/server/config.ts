// The server's settings, from the environment. DATABASE_URL selects PostgreSQL; without it the server keeps its
// data in PGlite under SAGO_SERVER_DATA_DIR (default ./.sago-server/pgdata, relative to the working directory).
import { resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_AUTH_LIMITS, type AuthLimits } from './auth/guard';
import { DEFAULT_APP_ROLE, checkRoleName, type DatabaseConfig } from './db/connection-config';

export const DEFAULT_PORT = 8787;
export const DEFAULT_PGLITE_DIR = '.sago-server/pgdata';

export interface ServerConfig {
  database: DatabaseConfig;
  host: string;
  port: number;
  logLevel: string;
  trustProxy: boolean;
  authLimits: AuthLimits;
  /** Run the alert worker (evaluation + webhook deliveries) in this instance; default true. */
  alertWorker?: boolean;
  /** The built head-office console served under /console/ (default out/console of the checkout). */
  consoleDir?: string;
}

const envSchema = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  SAGO_DB_APP_ROLE: z.string().default(DEFAULT_APP_ROLE),
  SAGO_DB_APP_PASSWORD: z.string().min(1).optional(),
  SAGO_DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  SAGO_SERVER_DATA_DIR: z.string().min(1).default(DEFAULT_PGLITE_DIR),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(DEFAULT_PORT),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SAGO_TRUST_PROXY: z.enum(['0', '1', 'true', 'false']).default('0'),
  SAGO_AUTH_MAX_FAILURES: z.coerce.number().int().min(1).default(DEFAULT_AUTH_LIMITS.maxFailures),
  SAGO_CONSOLE_DIR: z.string().min(1).optional(),
  SAGO_AUTH_WINDOW_MS: z.coerce.number().int().min(1_000).default(DEFAULT_AUTH_LIMITS.windowMs),
  SAGO_ALERT_WORKER: z.enum(['0', '1', 'true', 'false']).default('1'),
});

/** Throws with every problem listed when the environment is unusable. */
export function configFromEnv(env: Record<string, string | undefined>, cwd = process.cwd()): ServerConfig {
  const parsed = envSchema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')),
  );
  if (!parsed.success) {
    throw new Error(
      `Invalid server environment: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  const e = parsed.data;
  const appRole = checkRoleName(e.SAGO_DB_APP_ROLE);
  const database: DatabaseConfig = e.DATABASE_URL
    ? {
        kind: 'postgres',
        url: e.DATABASE_URL,
        appRole,
        poolSize: e.SAGO_DB_POOL_SIZE,
        ...(e.SAGO_DB_APP_PASSWORD ? { appPassword: e.SAGO_DB_APP_PASSWORD } : {}),
      }
    : { kind: 'pglite', dataDir: resolve(cwd, e.SAGO_SERVER_DATA_DIR), appRole };
  return {
    database,
    host: e.HOST,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.SAGO_TRUST_PROXY === '1' || e.SAGO_TRUST_PROXY === 'true',
    authLimits: { maxFailures: e.SAGO_AUTH_MAX_FAILURES, windowMs: e.SAGO_AUTH_WINDOW_MS },
    alertWorker: e.SAGO_ALERT_WORKER === '1' || e.SAGO_ALERT_WORKER === 'true',
    ...(e.SAGO_CONSOLE_DIR ? { consoleDir: resolve(cwd, e.SAGO_CONSOLE_DIR) } : {}),
  };
}

/** For the start-up log line: where the data is, without any password. */
export function describeDatabase(database: DatabaseConfig): string {
  if (database.kind === 'pglite') return `PGlite in ${database.dataDir}`;
  const url = new URL(database.url);
  return `PostgreSQL ${url.hostname}:${url.port || '5432'}${url.pathname} (API role ${database.appRole})`;
}
