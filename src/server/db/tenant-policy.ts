// The row-level security policy every tenant table carries, and the column helpers the schema files share.
import { sql, type SQL } from 'drizzle-orm';
import { pgPolicy, timestamp } from 'drizzle-orm/pg-core';

/** The organisation of the current transaction; NULL when unset, so a forgotten SET matches no row at all. */
export const CURRENT_ORG = sql`nullif(current_setting('app.org_id', true), '')::uuid`;

export const tenantPolicy = (column: SQL) =>
  pgPolicy('tenant_isolation', {
    as: 'permissive',
    for: 'all',
    to: 'public',
    using: sql`${column} = ${CURRENT_ORG}`,
    withCheck: sql`${column} = ${CURRENT_ORG}`,
  });

export const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow();
export const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });
