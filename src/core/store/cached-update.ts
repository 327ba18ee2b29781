// UPDATE … SET <the given columns> WHERE <the given columns> with a statement prepared once per connection and shape.
// drizzle's query builder prepares its SQL on every call, and preparing an UPDATE of `documents` compiles the
// programs of every trigger on that table (search index, report rollups): ~2.6 ms per status change at a year's
// size, paid on the core thread for every document HKA answers (the queue's applyOutcome). Values go through each
// column's own mapping to the driver, as drizzle's would, so the stored row is the same.
import type Database from 'better-sqlite3';
import { getTableColumns, getTableName } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { cachedStatement } from './statement-cache';

type Values<T extends SQLiteTable> = Partial<T['$inferInsert']>;

function assignments<T extends SQLiteTable>(table: T, values: Values<T>, separator: string) {
  const columns = getTableColumns(table);
  const parts: string[] = [];
  const params: unknown[] = [];
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue; // as drizzle: an undefined value leaves the column as it is
    const column = columns[key];
    if (!column) throw new Error(`cachedUpdate: ${getTableName(table)} has no column ${key}`);
    parts.push(`"${column.name}" = ?`);
    params.push(value === null ? null : column.mapToDriverValue(value));
  }
  return { sql: parts.join(separator), params };
}

/** Updates the rows whose columns equal `where`'s values; returns how many changed. */
export function cachedUpdate<T extends SQLiteTable>(
  sqlite: Database.Database,
  table: T,
  set: Values<T>,
  where: Values<T>,
): number {
  const s = assignments(table, set, ', ');
  const w = assignments(table, where, ' AND ');
  if (s.params.length === 0 || w.params.length === 0) throw new Error('cachedUpdate needs columns to set and to match');
  const sql = `UPDATE "${getTableName(table)}" SET ${s.sql} WHERE ${w.sql}`;
  return cachedStatement(sqlite, sql).run(...s.params, ...w.params).changes;
}
