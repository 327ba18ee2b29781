// Small SQL fragments shared by the queries: timestamps leave the database as ISO-8601 UTC strings (the same text
// from node-postgres and PGlite), money leaves it as exact decimal text.
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

export function isoUtc(column: AnyColumn | SQL): SQL<string> {
  return sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

export function isoUtcOrNull(column: AnyColumn | SQL): SQL<string | null> {
  return sql<string | null>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

export function decimalText(column: AnyColumn): SQL<string | null> {
  return sql<string | null>`${column}::text`;
}
