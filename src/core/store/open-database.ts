// Opens the register's SQLite file: pragmas for durability, then migrations, with a verified backup taken
// before any pending migration runs (core/backups/pre-migration-copy.ts, into <folder of the file>/backups). A copy
// that does not verify stops the open: no migration runs on a file whose copy could not be trusted (decision 0040).
// drizzle's migrator applies pending migrations in one transaction, so a failing migration rolls back and leaves the
// old file usable; the copy is a second safety net.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { writePreMigrationCopy, type CopyBeforeMigration } from '../backups/pre-migration-copy';
import { sealLegacyAuditRows } from './audit-chain-check';
import * as schema from './schema';
import type { StoreDb } from './store-db';

export type { StoreDb } from './store-db';

/**
 * The copy taken before pending migrations did not verify, so none ran and the file is as it was. A class of its own so
 * that the desktop app can tell the manager what happened and that nothing was lost (src/main/startup-failure.ts).
 */
export class PreMigrationCopyNotVerified extends Error {
  constructor(
    readonly databasePath: string,
    readonly copyPath: string,
    readonly problem: string,
  ) {
    super(
      `The copy of ${databasePath} taken before migrating did not verify (${problem}); no migration was run and the file was not changed. The unverified copy is kept as ${copyPath}.`,
    );
    this.name = 'PreMigrationCopyNotVerified';
  }
}

export interface OpenDatabaseOptions {
  /** File path, or ':memory:' for tests. */
  path: string;
  migrationsFolder?: string;
  /**
   * FULL (default): a committed transaction survives power loss — what fiscal numbering needs
   * (docs/decisions/0003-sqlite-durability.md). NORMAL exists for the benchmark's comparison only.
   */
  synchronous?: 'FULL' | 'NORMAL';
  /** WAL checkpoint timer (default 10 s; 0 = none, e.g. a benchmark that checkpoints itself). */
  checkpointIntervalMs?: number;
  clock?: () => Date;
  /**
   * Path of a better_sqlite3.node built for another runtime. The desktop app runs on Electron's ABI while tests
   * run on Node's: `npm start` builds an Electron copy into out/native (scripts/electron-native.mjs) and main
   * passes it here, leaving node_modules built for Node.
   */
  nativeBinding?: string;
  /** The copy taken before pending migrations (default writePreMigrationCopy); the bench and tests swap it. */
  copyBeforeMigration?: CopyBeforeMigration;
}

export interface OpenedDatabase {
  sqlite: Database.Database;
  db: StoreDb;
  /** Path of the copy taken before migrating, when there was something to migrate. */
  backupPath: string | undefined;
  /** Copies the WAL back into the database file (PASSIVE: never waits for readers); returns pages copied. */
  checkpoint(): number;
  /** Checkpoints every `intervalMs` on a timer, off the capture path (see wal_autocheckpoint below). */
  startCheckpointer(intervalMs?: number): void;
  /** Stops the checkpointer, folds the WAL into the file and closes. */
  close(): void;
}

export const DEFAULT_MIGRATIONS_FOLDER = join(import.meta.dirname, '../../../drizzle/sqlite');

interface Journal {
  entries: { tag: string; when: number }[];
}

/** The `when` of each migration this program ships, in order (drizzle records it as created_at once applied). */
export function shippedMigrations(folder: string = DEFAULT_MIGRATIONS_FOLDER): number[] {
  return (JSON.parse(readFileSync(join(folder, 'meta/_journal.json'), 'utf8')) as Journal).entries.map((e) => e.when);
}

/** Applies pending migrations and seals legacy audit rows: what every open, and a restore, does. */
export function applyMigrations(db: StoreDb, folder: string = DEFAULT_MIGRATIONS_FOLDER): void {
  migrate(db, { migrationsFolder: folder });
  sealLegacyAuditRows(db); // once: entries written before the audit trail was hash-chained
}

/** Migrations in `folder` not yet applied to the open file. */
export function pendingMigrations(sqlite: Database.Database, folder: string): number {
  const journal = JSON.parse(readFileSync(join(folder, 'meta/_journal.json'), 'utf8')) as Journal;
  const hasTable = sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'")
    .get();
  if (!hasTable) return journal.entries.length;
  const applied = sqlite.prepare('SELECT COUNT(*) AS n FROM __drizzle_migrations').get() as { n: number };
  return journal.entries.length - applied.n;
}

/** The file holds a register's data already (a new file is created empty and migrated without a copy). */
export function hasUserTables(sqlite: Database.Database): boolean {
  return (
    sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").get() !== undefined
  );
}

export function openDatabase(options: OpenDatabaseOptions): OpenedDatabase {
  const folder = options.migrationsFolder ?? DEFAULT_MIGRATIONS_FOLDER;
  const inMemory = options.path === ':memory:';
  const existed = !inMemory && existsSync(options.path);
  const sqlite = new Database(options.path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // SQLite's automatic checkpoint runs inside whichever commit crosses 1000 WAL pages, adding milliseconds to that
    // one sale (bench: capture p99 3.0 ms with it, 1.3 ms without). We checkpoint on a timer instead.
    sqlite.pragma('wal_autocheckpoint = 0');
    let backupPath: string | undefined;
    if (existed && hasUserTables(sqlite) && pendingMigrations(sqlite, folder) > 0) {
      const at = options.clock?.() ?? new Date();
      const copy = (options.copyBeforeMigration ?? writePreMigrationCopy)(sqlite, {
        folder: join(dirname(options.path), 'backups'),
        at,
        reason: 'migration',
      });
      if (!copy.manifest.verified) {
        throw new PreMigrationCopyNotVerified(options.path, copy.path, copy.manifest.problem ?? 'no reason given');
      }
      backupPath = copy.path;
    }
    const db = drizzle({ client: sqlite, schema });
    applyMigrations(db, folder);
    let timer: NodeJS.Timeout | undefined;
    const checkpoint = (): number => {
      const [result] = sqlite.pragma('wal_checkpoint(PASSIVE)') as { checkpointed: number }[];
      return result?.checkpointed ?? 0;
    };
    const startCheckpointer = (intervalMs = 10_000): void => {
      if (timer) clearInterval(timer);
      timer = setInterval(checkpoint, intervalMs);
      timer.unref();
    };
    if (!inMemory && (options.checkpointIntervalMs ?? 10_000) > 0) startCheckpointer(options.checkpointIntervalMs);
    return {
      sqlite,
      db,
      backupPath,
      checkpoint,
      startCheckpointer,
      close() {
        if (timer) clearInterval(timer);
        if (sqlite.open) {
          if (!inMemory) sqlite.pragma('wal_checkpoint(TRUNCATE)');
          sqlite.close();
        }
      },
    };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}
