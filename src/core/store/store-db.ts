// The register database's type, apart from open-database.ts: the audit trail and its chain check need the type, and
// open-database.ts needs their code; with the type here neither imports the other back (no type-only cycle).
import type Database from 'better-sqlite3';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type * as schema from './schema';

export type StoreDb = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
