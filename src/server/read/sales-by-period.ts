// Head office: net sales per store and day (or hour) of the stores' calendar (Panama, UTC-5, no daylight saving).
// Net: credit notes (tipoDocumento 04, 06) count negative; documents that never became valid (rejected, annulled,
// cancelled) count nothing; every other document counts, answered by HKA or not yet. Sums are exact decimals.
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { rowsOf, type TenantDatabase } from '../db/tenant-db';
import { instantParam } from './query-params';

export const salesQuerySchema = z
  .object({
    storeId: z.uuid().optional(),
    /** Issued at or after (inclusive); a bare date is the start of that day in Panama. */
    from: instantParam.optional(),
    /** Issued before (exclusive). */
    to: instantParam.optional(),
    by: z.enum(['day', 'hour']).default('day'),
  })
  .strict();
export type SalesQuery = z.output<typeof salesQuerySchema>;

export interface SalesRow {
  storeId: string;
  storeCode: string;
  storeName: string;
  /** "2026-12-05" (by day) or "2026-12-05T14" (by hour), Panama time. */
  period: string;
  documents: number;
  /** Exact decimal text, 2 places. */
  total: string;
}

const CREDIT_NOTES = sql`('04', '06')`;
const NEVER_VALID = sql`('REJECTED', 'ANNULLED', 'CANCELLED')`;

export async function salesByPeriod(db: TenantDatabase, orgId: string, q: SalesQuery): Promise<SalesRow[]> {
  const format = q.by === 'hour' ? 'YYYY-MM-DD"T"HH24' : 'YYYY-MM-DD';
  const local = sql`((d.issued_at at time zone 'UTC') - interval '5 hours')`;
  const filters: SQL[] = [sql`d.status not in ${NEVER_VALID}`];
  if (q.storeId) filters.push(sql`d.store_id = ${q.storeId}::uuid`);
  if (q.from) filters.push(sql`d.issued_at >= ${q.from}::timestamptz`);
  if (q.to) filters.push(sql`d.issued_at < ${q.to}::timestamptz`);
  const rows = await db.withTenant(orgId, (tx) =>
    rowsOf<{
      store_id: string;
      store_code: string;
      store_name: string;
      period: string;
      documents: number;
      total: string;
    }>(
      tx,
      sql`
    select s.id as store_id, s.code as store_code, s.name as store_name, to_char(${local}, ${format}) as period,
           count(*)::int as documents,
           round(coalesce(sum(case when d.tipo_documento in ${CREDIT_NOTES} then -d.total else d.total end), 0), 2)::text as total
    from documents d join stores s on s.id = d.store_id
    where ${sql.join(filters, sql` and `)}
    group by s.id, s.code, s.name, period
    order by period, s.code`,
    ),
  );
  return rows.map((r) => ({
    storeId: r.store_id,
    storeCode: r.store_code,
    storeName: r.store_name,
    period: r.period,
    documents: r.documents,
    total: r.total,
  }));
}
