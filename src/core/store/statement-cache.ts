// Prepared statements cached once per SQLite connection, for the paths where every microsecond is the cashier's
// (capture). Preparing parses and plans the SQL each time (tens of microseconds); a statement prepared once and
// reused costs only its run. Keyed by the connection object: a data-set switch or a reopen gives a new connection,
// hence a fresh set prepared against that file's schema, and a closed connection's statements go with it (WeakMap).
import type Database from 'better-sqlite3';

const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** The statement for `sql` on this connection, prepared on first use. */
export function cachedStatement(sqlite: Database.Database, sql: string): Database.Statement {
  if (!sqlite.open) throw new Error('cachedStatement: the SQLite connection is closed');
  let cache = caches.get(sqlite);
  if (!cache) {
    cache = new Map();
    caches.set(sqlite, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = sqlite.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}
