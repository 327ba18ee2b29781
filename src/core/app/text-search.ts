// Search as a cashier types it: case- and accent-insensitive ("azucar" finds "Azúcar"), every word must match.
// SQLite's LIKE only folds ASCII case, so the connection gets a small deterministic folding function.
import type Database from 'better-sqlite3';

const PLAIN_ASCII = /^[\x20-\x7e]*$/;

export function foldText(text: string): string {
  // Most names and descriptions are plain ASCII: skip the (costlier) Unicode decomposition for them.
  return PLAIN_ASCII.test(text) ? text.toLowerCase() : text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The words of a query, folded, each as a LIKE "contains" pattern (with %, _ and \ escaped). */
export function containsPatterns(query: string): string[] {
  return foldText(query)
    .split(/\s+/)
    .filter((word) => word.length > 0)
    .map((word) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
}

const registered = new WeakSet<Database.Database>();

/** Registers sago_fold(text) on the connection (once). */
export function ensureSearchFunctions(sqlite: Database.Database): void {
  if (registered.has(sqlite)) return;
  sqlite.function('sago_fold', { deterministic: true }, (value: unknown) =>
    typeof value === 'string' ? foldText(value) : null,
  );
  registered.add(sqlite);
}
